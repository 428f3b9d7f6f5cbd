/** Machine-readable reasons a forecast cannot be made. */
export type ForecastErrorCode =
  'NOT_ENOUGH_DATA' | 'NON_FINITE_VALUE' | 'NEGATIVE_VALUE' | 'INVALID_HORIZON' | 'UNKNOWN_METHOD' | 'INVALID_PERIOD' | 'INVALID_OPTION';

/**
 * Error thrown by the engine. `message` is written for a planner, `code` for
 * programs (the api maps it to a problem+json `type`).
 */
export class ForecastError extends Error {
  override readonly name = 'ForecastError';
  constructor(
    readonly code: ForecastErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
