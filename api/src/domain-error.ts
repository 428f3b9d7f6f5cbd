/**
 * Errors the services (and routes) throw for a request they cannot serve. They
 * say *what* went wrong with a `code`; the HTTP status, problem type and title
 * of each code live in one table in http/on-error.ts, so no service knows HTTP.
 */

/** One field-level problem (query parameter, CSV cell, …). */
export interface FieldProblem {
  /** Query parameter or JSON path, e.g. `region`. */
  path: string;
  message: string;
  /** For unknown codes: the codes that would have been accepted, or the closest ones. */
  expected?: string[];
  line?: number;
  column?: string | number;
}

/** Every domain error code; http/on-error.ts has one row for each (a test checks). */
export const DOMAIN_ERROR_CODES = [
  'INVALID_REQUEST',
  'UNKNOWN_CODE',
  'NOT_FOUND',
  'NO_DATA_LOADED',
  'RESULTS_NOT_READY',
  'INVALID_SEED_DATA',
  'INVALID_OBSERVATIONS',
  'INVALID_UPLOAD',
  'UPLOAD_NOT_FORECASTABLE',
  'UPLOAD_TOO_LARGE',
  'REPLACES_OFFICIAL',
  'OUT_OF_SCOPE',
  'CENTRAL_ONLY',
  'DATA_CHANGED',
  'UPLOAD_DISCARDED',
  'LAST_ADMIN',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'TOO_MANY_ATTEMPTS',
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export interface DomainErrorOptions {
  /** The same message in Vietnamese, for the planner-facing pages. */
  messageVi?: string;
  /** Field-level problems (a query parameter, a CSV cell, …). */
  errors?: FieldProblem[];
  /** Further facts a client may use (counts, the accepted values, conflicting cells…). */
  details?: Record<string, unknown>;
  cause?: unknown;
}

/** A request the domain refuses, with a machine-readable `code` and a message for people. */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly messageVi?: string;
  readonly errors?: FieldProblem[];
  readonly details: Record<string, unknown>;

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    options: DomainErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.messageVi = options.messageVi;
    this.errors = options.errors;
    this.details = options.details ?? {};
  }
}

/** A request whose input does not validate; `errors` names each bad field. */
export function invalidRequest(message: string, errors: FieldProblem[]): DomainError {
  return new DomainError('INVALID_REQUEST', message, { errors });
}

/** A well-formed request with nothing behind it. */
export function notFound(message: string, details: Record<string, unknown> = {}): DomainError {
  return new DomainError('NOT_FOUND', message, { details });
}
