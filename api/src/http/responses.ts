/**
 * OpenAPI pieces shared by the routes' `describeRoute` blocks: who may call an operation
 * (`security` + a sentence saying so) and the problem+json answers it can give, so generated
 * clients and the reference at /api/docs show how to sign in and what can go wrong.
 */
import { resolver } from 'hono-openapi';
import type { z } from 'zod';
import { problemSchema } from './problem';

/** Name of the bearer scheme in `components.securitySchemes` (declared in app.ts). */
export const BEARER = 'bearer';

/** The security scheme itself: an opaque API token (`lmo_…`), made with `pnpm run token create`. */
export const bearerScheme = {
  type: 'http',
  scheme: 'bearer',
  bearerFormat: 'opaque token (lmo_…)',
  description:
    'An API token: `Authorization: Bearer lmo_…`. An admin creates one with `pnpm run token create --role viewer|analyst|admin --name "…"` or POST /api/tokens. Roles: viewer (read when PUBLIC_READ is off), analyst (upload, roll back, audit), admin (also tokens).',
} as const;

type Role = 'viewer' | 'analyst' | 'admin';
/** OpenAPI security requirements: each object one way to be let in, `{}` = no credentials. */
type Security = Record<string, string[]>[];

const PUBLIC_NOTE =
  'Public while PUBLIC_READ is on (the default): no token needed. With PUBLIC_READ=false, send a viewer (or higher) token: `Authorization: Bearer lmo_…`.';

/**
 * Reads anyone may make while PUBLIC_READ is on. `{}` first = no credentials needed; the bearer
 * alternative tells clients a token is accepted (and needed when a deployment turns PUBLIC_READ off).
 */
export function publicRead(description?: string) {
  return { security: [{}, { [BEARER]: [] }] as Security, description: description ? `${description}\n\n${PUBLIC_NOTE}` : PUBLIC_NOTE };
}

/** Always open, whatever PUBLIC_READ says (liveness probes). */
export function alwaysOpen(description?: string) {
  return {
    security: [] as Security,
    description: description ? `${description}\n\nAlways open, whatever PUBLIC_READ says.` : 'Always open, whatever PUBLIC_READ says.',
  };
}

/** Needs a bearer token with at least `role`. */
export function needsRole(role: Exclude<Role, 'viewer'>, description?: string) {
  const note = `Needs an API token with role ${role}${role === 'analyst' ? ' or admin' : ''}: \`Authorization: Bearer lmo_…\`.`;
  return { security: [{ [BEARER]: [] }] as Security, description: description ? `${description}\n\n${note}` : note };
}

type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503;

/** What each problem status means in this API, unless an operation says more. */
const PROBLEM_TEXT: Record<ProblemStatus, string> = {
  400: 'Invalid input or unknown code (problem+json naming each field and the valid codes)',
  401: 'No token, or a malformed, unknown or revoked one (`WWW-Authenticate: Bearer`)',
  403: "The token's role is too low for this operation",
  404: 'Nothing behind this well-formed request',
  409: 'Conflict with the stored data',
  413: 'Request body over MAX_BODY_BYTES (64 KiB by default)',
  422: 'The input is well-formed but cannot be used; nothing was stored',
  429: 'Too many invalid tokens from this address (`Retry-After` says when to try again)',
  503: 'Database unavailable or no data loaded yet',
};

/** A problem+json response object. */
export function problem(description: string) {
  return { description, content: { 'application/problem+json': { schema: resolver(problemSchema) } } };
}

/**
 * Problem responses: `true` takes the standard text, a string replaces it.
 * `problems({ 404: 'No such version', 503: true })`.
 */
export function problems(spec: Partial<Record<ProblemStatus, string | boolean>>) {
  const out: Record<string, ReturnType<typeof problem>> = {};
  for (const [status, text] of Object.entries(spec)) {
    if (text) out[status] = problem(text === true ? PROBLEM_TEXT[Number(status) as ProblemStatus] : text);
  }
  return out;
}

/** The problems of a public read: bad input, the token answers once PUBLIC_READ is off, no data. */
export function readProblems(extra: Partial<Record<ProblemStatus, string | boolean>> = {}) {
  return problems({
    400: true,
    401: 'Only with PUBLIC_READ=false: no token, or a malformed, unknown or revoked one',
    429: 'Only with PUBLIC_READ=false: too many invalid tokens from this address (`Retry-After`)',
    503: true,
    ...extra,
  });
}

/**
 * The problems of a read behind `requireRole(deps, 'viewer')` (versions, session): a token, when
 * sent, is checked even while PUBLIC_READ is on.
 */
export function viewerProblems(extra: Partial<Record<ProblemStatus, string | boolean>> = {}) {
  return readProblems({
    401: 'A malformed, unknown or revoked token, or none while PUBLIC_READ is off (`WWW-Authenticate: Bearer`)',
    429: true,
    ...extra,
  });
}

/** The problems of a route behind `requireRole(role)`. */
export function roleProblems(role: Exclude<Role, 'viewer'>, extra: Partial<Record<ProblemStatus, string | boolean>> = {}) {
  return problems({ 401: true, 403: `The token's role is below ${role}`, 429: true, 503: true, ...extra });
}

/**
 * 400 as hono-openapi adds it to routes with a validator that declare none (openAPIRouteHandler's
 * `defaultValidationErrorResponse`): copied in after schemas are resolved, so a plain `$ref`.
 */
export const validationErrorResponse = {
  description: PROBLEM_TEXT[400],
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};

/** 200 with a JSON body plus the problem responses every public data route can give. */
export function jsonResponses(description: string, schema: z.ZodType, extra: Partial<Record<ProblemStatus, string | boolean>> = {}) {
  return {
    200: { description, content: { 'application/json': { schema: resolver(schema) } } },
    ...readProblems(extra),
  };
}
