/**
 * Tells a database outage from a wrong query: an outage becomes a 503 and is not
 * remembered as a failed model run.
 */

// Connection-level failures: node errno codes and SQLSTATE classes 08 (connection), 53 (resources), 57P (shutdown).
const NET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE', 'EHOSTUNREACH']);

/** True when `error` (or its cause chain) says the database is down rather than the query wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: any = error, depth = 0; e && depth < 5; e = e.cause, depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (NET_CODES.has(code) || code.startsWith('08') || code.startsWith('53') || code.startsWith('57P')) return true;
    const message = typeof e.message === 'string' ? e.message : '';
    if (
      /PGlite is closed|Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|Cannot use a pool after calling end|Query read timeout/i.test(
        message,
      )
    )
      return true;
  }
  return false;
}
