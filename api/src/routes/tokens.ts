/**
 * Token management over HTTP (admin), so accounts change while the server runs,
 * on the embedded database too (`pnpm run token … ` uses these routes when the
 * server holds the data directory):
 *   GET    /api/tokens        every token, newest first (never a secret)
 *   POST   /api/tokens        { name, role, scope? } → 201 with the secret, shown this once
 *                              (scope: province/region codes an analyst may upload for)
 *   DELETE /api/tokens/{id}   revoke (the row stays, for the audit log)
 * Only sha256 hashes are stored; answers carrying a secret are `no-store`.
 */
import { Hono } from 'hono';
import { describeRoute, resolver } from 'hono-openapi';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { DomainError, notFound } from '../domain-error';
import { problemSchema } from '../http/problem';
import { idParam } from '../http/params';
import { requireRole, type AuthEnv } from '../http/require-role';
import { needsRole, problems } from '../http/responses';
import { zInput } from '../http/validate';
import { actorOf, createToken, listTokens, MAX_TOKEN_NAME, revokeTokenChecked, ROLES, tokenNameProblem, tokenScope } from '../services/auth';
import { MAX_SCOPE_CODES, ScopeError, scopeAreas, type Scope } from '../services/upload-scope';

const area = z.object({ code: z.string(), level: z.enum(['province', 'region']), vi: z.string(), en: z.string() });
const tokenInfo = z
  .object({
    id: z.number().int(),
    name: z.string(),
    role: z.enum(ROLES),
    scope: z
      .array(z.string())
      .nullable()
      .meta({ description: 'Province and region codes the token may upload for (a region covers its provinces); null: every area (central)' }),
    scopeAreas: z.array(area).nullable().meta({ description: 'The scope with names' }),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: 'TokenInfo' });
const created = tokenInfo
  .extend({ token: z.string().meta({ description: 'The secret: shown only in this answer; only its sha256 is stored' }) })
  .meta({ id: 'TokenCreated' });

const createBody = z
  .object({
    name: z
      .string()
      .max(MAX_TOKEN_NAME * 4)
      .superRefine((name, ctx) => {
        const problem = tokenNameProblem(name);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .meta({ description: `Who or what uses the token (1–${MAX_TOKEN_NAME} characters)` }),
    role: z.enum(ROLES).meta({ description: 'viewer (read), analyst (upload, roll back, audit), admin (also tokens)' }),
    scope: z
      .union([z.string().max(MAX_SCOPE_CODES * 6), z.array(z.string().max(10)).max(MAX_SCOPE_CODES)])
      .nullable()
      .optional()
      .meta({
        description:
          'Analysts only: province codes of the 34-unit list and/or region codes (NMM, RRD, NCCC, CH, SE, MRD), as an array or "01,79"; absent or empty: every area (central)',
      }),
  })
  .strict()
  .superRefine((body, ctx) => {
    try {
      tokenScope(body.role, body.scope);
    } catch (e) {
      if (!(e instanceof ScopeError)) throw e;
      ctx.addIssue({ code: 'custom', path: ['scope'], message: e.message });
    }
  });

/** A token as listed: its scope also with names, so a reader need not know the codes. */
const withAreas = <T extends { scope: string[] | null }>(t: T) => ({ ...t, scopeAreas: scopeAreas(t.scope as Scope) });

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: resolver(problemSchema) } } });
const json = (description: string, schema: z.ZodType) => ({ description, content: { 'application/json': { schema: resolver(schema) } } });
const guarded = {
  401: problem('No or invalid token'),
  403: problem('Token role below admin'),
  429: problem('Too many failed token attempts'),
  ...problems({ 503: true }),
};

/** Token routes (admin only). */
export const tokenRoutes = (deps: AppDeps) =>
  new Hono<AuthEnv>()
    .get(
      '/',
      describeRoute({
        tags: ['uploads'],
        summary: 'Every API token, newest first (admin; never the secrets)',
        ...needsRole('admin'),
        responses: { 200: json('Tokens', z.object({ tokens: z.array(tokenInfo) })), ...guarded },
      }),
      requireRole(deps, 'admin'),
      async (c) => c.json({ tokens: (await listTokens(deps.database.db)).map(withAreas) }),
    )
    .post(
      '/',
      describeRoute({
        tags: ['uploads'],
        summary: 'Create a token (admin): the secret is in this answer only',
        ...needsRole('admin'),
        responses: {
          201: json('Created', created),
          400: problem('Bad name, role or scope (errors[] names the field)'),
          ...problems({ 413: true }),
          ...guarded,
        },
      }),
      requireRole(deps, 'admin'),
      zInput('json', createBody),
      async (c) => {
        const { name, role, scope } = c.req.valid('json');
        const token = await createToken(deps.database.db, { name, role, scope, actor: actorOf(c.get('principal')) });
        c.header('cache-control', 'no-store');
        return c.json(withAreas(token), 201);
      },
    )
    .delete(
      '/:id',
      describeRoute({
        tags: ['uploads'],
        summary: 'Revoke a token (admin); requests with it get 401 from now on',
        ...needsRole('admin'),
        responses: {
          200: json('Revoked', z.object({ revoked: tokenInfo })),
          400: problem('Bad id'),
          404: problem('No such active token'),
          409: problem('The last active admin token cannot be revoked through the API'),
          ...guarded,
        },
      }),
      requireRole(deps, 'admin'),
      zInput('param', z.object({ id: idParam.meta({ description: 'Token id (see GET /api/tokens)' }) })),
      async (c) => {
        const id = c.req.valid('param').id;
        const outcome = await revokeTokenChecked(deps.database.db, id, actorOf(c.get('principal')), { keepAnAdmin: true });
        if (outcome.status === 'missing') throw notFound(`No active token #${id} (see GET /api/tokens).`);
        if (outcome.status === 'last-admin') {
          throw new DomainError(
            'LAST_ADMIN',
            `Token #${id} is the last active admin token; create another admin token first, or revoke it with the server stopped (pnpm run token revoke ${id}).`,
          );
        }
        return c.json({ revoked: withAreas(outcome.token) });
      },
    );
