import { ApiError } from '../api/problem';
import type { LoadStatus } from './states';

/** One status for a chart fed by several queries: pending until all settle, error if any failed. */
export function combineStatus(queries: LoadStatus[]): LoadStatus {
  const failed = queries.find((q) => q.isError);
  return {
    isPending: queries.some((q) => q.isPending),
    isError: Boolean(failed),
    error: failed?.error,
    refetch: () => queries.forEach((q) => q.isError && q.refetch()),
  };
}

/**
 * Like combineStatus, but a 404 (no forecast for a cell that has no history) only drops that
 * series; the chart fails only on real errors.
 */
export function combineStatusIgnoringMissing(queries: LoadStatus[]): LoadStatus {
  const real = queries.filter((q) => !(q.isError && q.error instanceof ApiError && q.error.problem.status === 404));
  return combineStatus(real.length ? real : queries.slice(0, 0));
}
