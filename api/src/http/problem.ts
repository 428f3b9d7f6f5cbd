/**
 * RFC 9457 problem details. Every error the API returns has this shape and the
 * `application/problem+json` media type; `errors` lists field-level problems.
 */
import { z } from 'zod';
import type { FieldProblem } from '../domain-error';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

/** Relative problem type URIs, documented in the OpenAPI description. */
export const PROBLEM_TYPES = {
  validation: '/api/problems/validation',
  unknownCode: '/api/problems/unknown-code',
  notFound: '/api/problems/not-found',
  forecast: '/api/problems/forecast',
  unavailable: '/api/problems/database-unavailable',
  notReady: '/api/problems/results-not-ready',
  internal: '/api/problems/internal',
  tooLarge: '/api/problems/too-large',
  officialData: '/api/problems/official-data',
  outOfScope: '/api/problems/out-of-scope',
  conflict: '/api/problems/conflict',
  unauthorized: '/api/problems/unauthorized',
  forbidden: '/api/problems/forbidden',
  tooManyAttempts: '/api/problems/too-many-attempts',
} as const;

/** Turns zod issues into field problems, keeping `expected` lists for unknown codes. */
export function zodFieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => {
    const field: FieldProblem = { path: issue.path.map(String).join('.') || '(root)', message: issue.message };
    const params = (issue as { params?: { expected?: string[] } }).params;
    if (params?.expected) field.expected = params.expected;
    return field;
  });
}

/** Longest text a problem echoes: `detail`, and every other string (messages, cell values, paths). */
export const MAX_DETAIL_CHARS = 1_000;
export const MAX_FIELD_CHARS = 200;

/** `text` cut to `max` characters, with "…" when cut (never splits a surrogate pair). */
export function excerptText(text: string, max = MAX_FIELD_CHARS): string {
  if (text.length <= max) return text;
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

function bound(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return excerptText(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => bound(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, bound(v, depth + 1)]));
}

/**
 * The problem with every string cut to a short excerpt (MAX_FIELD_CHARS; `detail`
 * MAX_DETAIL_CHARS), however deep: an error echoes at most a little of the
 * offending input, so a 50 MB header line cannot come back as a 50 MB answer.
 */
export function boundProblem(problem: Problem): Problem {
  const out = bound(problem, 0) as Problem;
  if (typeof problem.detail === 'string') out.detail = excerptText(problem.detail, MAX_DETAIL_CHARS);
  return out;
}

/** The JSON schema of a problem response, for the OpenAPI document. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z
      .array(
        z.object({
          path: z.string(),
          message: z.string(),
          expected: z.array(z.string()).optional(),
          line: z.number().int().optional(),
          column: z.union([z.string(), z.number()]).optional(),
        }),
      )
      .optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });
