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
