/**
 * The one place errors become HTTP responses: everything leaves as problem+json.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ForecastError } from '@lmo/models';
import { z } from 'zod';
import { boundProblem, PROBLEM_TYPES, ProblemError, zodFieldProblems, type Problem } from './problem';

// Connection-level failures: node errno codes and SQLSTATE classes 08 (connection), 53 (resources), 57P (shutdown).
const NET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE', 'EHOSTUNREACH']);

/** True when `error` (or its cause chain) says the database is down rather than the query wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: any = error, depth = 0; e && depth < 5; e = e.cause, depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (NET_CODES.has(code) || code.startsWith('08') || code.startsWith('53') || code.startsWith('57P')) return true;
    const message = typeof e.message === 'string' ? e.message : '';
    if (/PGlite is closed|Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|Cannot use a pool after calling end|Query read timeout/i.test(message)) return true;
  }
  return false;
}

const FORECAST_STATUS: Record<string, number> = { INVALID_HORIZON: 400, INVALID_OPTION: 400, UNKNOWN_METHOD: 400 };

/** Maps any thrown value to a problem. Unknown errors become a 500 without internals. */
export function toProblem(error: unknown): Problem {
  if (error instanceof ProblemError) return { ...error.problem };
  if (error instanceof ForecastError) {
    return {
      type: `${PROBLEM_TYPES.forecast}/${error.code.toLowerCase().replace(/_/g, '-')}`,
      title: 'Forecast cannot be made',
      status: FORECAST_STATUS[error.code] ?? 422,
      detail: error.message,
      code: error.code,
      // A scenario lever the data cannot move names its parameter, like a validation error.
      ...(typeof error.details.parameter === 'string' && { errors: [{ path: error.details.parameter, message: error.message }] }),
    };
  }
  if (error instanceof z.ZodError) {
    return { type: PROBLEM_TYPES.validation, title: 'Invalid request', status: 400, detail: 'The input did not validate.', errors: zodFieldProblems(error) };
  }
  if (error instanceof HTTPException) {
    return { type: 'about:blank', title: httpTitle(error.status), status: error.status, detail: error.message || undefined };
  }
  if (isDatabaseUnavailable(error)) {
    return { type: PROBLEM_TYPES.unavailable, title: 'Database unavailable', status: 503, detail: 'The database cannot be reached; try again shortly.' };
  }
  return { type: PROBLEM_TYPES.internal, title: 'Internal error', status: 500, detail: 'An unexpected error occurred; it has been logged.' };
}

function httpTitle(status: number): string {
  return ({ 400: 'Bad request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not found', 405: 'Method not allowed', 413: 'Payload too large', 415: 'Unsupported media type' } as Record<number, string>)[status] ?? 'Error';
}

/** Writes `problem` as application/problem+json, every string cut to a short excerpt (boundProblem). */
export function problemResponse(c: Context, problem: Problem): Response {
  const body = boundProblem({ ...problem, instance: problem.instance ?? new URL(c.req.url).pathname });
  const headers: Record<string, string> = { 'content-type': 'application/problem+json; charset=utf-8' };
  if (problem.status === 503) headers['retry-after'] = '5';
  return c.body(JSON.stringify(body), problem.status as 400, headers);
}

/** Hono `onError` handler. `log` receives unexpected errors only. */
export function onError(log: (error: unknown) => void = (e) => console.error(e)) {
  return (error: Error, c: Context): Response => {
    const problem = toProblem(error);
    if (problem.status >= 500 && problem.status !== 503) log(error);
    return problemResponse(c, problem);
  };
}
