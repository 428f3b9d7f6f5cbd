/**
 * The one place errors become HTTP responses: everything leaves as problem+json.
 * `PROBLEMS` is the one table from a domain error code (domain-error.ts) or a
 * forecast error code (@lmo/models) to its status, problem type and title.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ForecastError, type ForecastErrorCode } from '@lmo/models';
import { z } from 'zod';
import { isDatabaseUnavailable } from '../db/unavailable';
import { DomainError, type DomainErrorCode } from '../domain-error';
import { boundProblem, PROBLEM_TYPES, zodFieldProblems, type Problem } from './problem';

/** How one error code is answered. `code`: the `code` member the body carries, if any. */
export interface ProblemRow {
  status: number;
  type: string;
  title: string;
  code?: string;
}

const T = PROBLEM_TYPES;
const forecastRow = (status: number, code: ForecastErrorCode): ProblemRow => ({
  status,
  type: `${T.forecast}/${code.toLowerCase().replace(/_/g, '-')}`,
  title: 'Forecast cannot be made',
  code,
});

/** Every error code the API answers, with its HTTP status and problem type. */
export const PROBLEMS: Record<DomainErrorCode | ForecastErrorCode, ProblemRow> = {
  INVALID_REQUEST: { status: 400, type: T.validation, title: 'Invalid request' },
  UNKNOWN_CODE: { status: 400, type: T.unknownCode, title: 'Unknown code' },
  NOT_FOUND: { status: 404, type: T.notFound, title: 'Not found' },
  NO_DATA_LOADED: { status: 503, type: T.notReady, title: 'No data loaded' },
  RESULTS_NOT_READY: { status: 503, type: T.notReady, title: 'Results not ready' },
  // The seeds ship with the app: a bad one is our fault, not the client's.
  INVALID_SEED_DATA: { status: 500, type: T.validation, title: 'Invalid seed data' },
  INVALID_OBSERVATIONS: { status: 422, type: T.validation, title: 'Invalid observations' },
  INVALID_UPLOAD: { status: 422, type: T.validation, title: 'Invalid upload' },
  UPLOAD_NOT_FORECASTABLE: { status: 422, type: T.validation, title: 'Forecasts cannot be computed' },
  UPLOAD_TOO_LARGE: { status: 413, type: T.tooLarge, title: 'File too large' },
  REPLACES_OFFICIAL: { status: 409, type: T.officialData, title: 'The upload would replace official figures', code: 'REPLACES_OFFICIAL' },
  OUT_OF_SCOPE: { status: 403, type: T.outOfScope, title: 'The upload changes areas outside your scope', code: 'OUT_OF_SCOPE' },
  CENTRAL_ONLY: { status: 403, type: T.outOfScope, title: 'Central analysts only', code: 'OUT_OF_SCOPE' },
  DATA_CHANGED: { status: 409, type: T.conflict, title: 'Data changed meanwhile' },
  UPLOAD_DISCARDED: { status: 409, type: T.conflict, title: 'Upload discarded' },
  LAST_ADMIN: { status: 409, type: T.conflict, title: 'Last admin token' },
  UNAUTHORIZED: { status: 401, type: T.unauthorized, title: 'Unauthorized' },
  FORBIDDEN: { status: 403, type: T.forbidden, title: 'Forbidden' },
  TOO_MANY_ATTEMPTS: { status: 429, type: T.tooManyAttempts, title: 'Too many failed sign-in attempts' },
  // A request the engine refuses (bad option) is the client's; data it cannot forecast is not.
  INVALID_HORIZON: forecastRow(400, 'INVALID_HORIZON'),
  INVALID_OPTION: forecastRow(400, 'INVALID_OPTION'),
  UNKNOWN_METHOD: forecastRow(400, 'UNKNOWN_METHOD'),
  NOT_ENOUGH_DATA: forecastRow(422, 'NOT_ENOUGH_DATA'),
  NON_FINITE_VALUE: forecastRow(422, 'NON_FINITE_VALUE'),
  NEGATIVE_VALUE: forecastRow(422, 'NEGATIVE_VALUE'),
  INVALID_PERIOD: forecastRow(422, 'INVALID_PERIOD'),
};

/** The row of `code`; a code without one (an engine newer than this table) answers like bad data. */
export function problemRow(code: string): ProblemRow {
  return (PROBLEMS as Record<string, ProblemRow | undefined>)[code] ?? forecastRow(422, code as ForecastErrorCode);
}

function domainProblem(error: DomainError): Problem {
  const row = PROBLEMS[error.code];
  return {
    type: row.type,
    title: row.title,
    status: row.status,
    detail: error.message,
    ...(row.code && { code: row.code }),
    ...(error.messageVi !== undefined && { detailVi: error.messageVi }),
    ...(error.errors && { errors: error.errors }),
    ...error.details,
  };
}

function forecastProblem(error: ForecastError): Problem {
  const row = problemRow(error.code);
  return {
    type: row.type,
    title: row.title,
    status: row.status,
    detail: error.message,
    code: error.code,
    // A scenario lever the data cannot move names its parameter, like a validation error.
    ...(typeof error.details.parameter === 'string' && { errors: [{ path: error.details.parameter, message: error.message }] }),
  };
}

/** Maps any thrown value to a problem. Unknown errors become a 500 without internals. */
export function toProblem(error: unknown): Problem {
  if (error instanceof DomainError) return domainProblem(error);
  if (error instanceof ForecastError) return forecastProblem(error);
  if (error instanceof z.ZodError) {
    return { type: T.validation, title: 'Invalid request', status: 400, detail: 'The input did not validate.', errors: zodFieldProblems(error) };
  }
  if (error instanceof HTTPException) {
    return { type: 'about:blank', title: httpTitle(error.status), status: error.status, detail: error.message || undefined };
  }
  if (isDatabaseUnavailable(error)) {
    return { type: T.unavailable, title: 'Database unavailable', status: 503, detail: 'The database cannot be reached; try again shortly.' };
  }
  return { type: T.internal, title: 'Internal error', status: 500, detail: 'An unexpected error occurred; it has been logged.' };
}

function httpTitle(status: number): string {
  return (
    (
      {
        400: 'Bad request',
        401: 'Unauthorized',
        403: 'Forbidden',
        404: 'Not found',
        405: 'Method not allowed',
        413: 'Payload too large',
        415: 'Unsupported media type',
      } as Record<number, string>
    )[status] ?? 'Error'
  );
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
