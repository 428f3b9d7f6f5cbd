import { queryOptions } from '@tanstack/react-query';
import { fetchAccuracy } from '../../api/endpoints';
import { areaGapsQuery } from '../../api/queries';
import { DEFAULT_STATE } from '../../router/url-state';

/** How often the page asks again while the served version's system backtest is computed. */
export const BACKTEST_POLL_MS = 3000;

/** Methodology: the served version's backtest report, and the notes its outlook was computed with. */
export const methodologyQueries = {
  accuracy: () =>
    queryOptions({
      queryKey: ['accuracy'] as const,
      queryFn: ({ signal }) => fetchAccuracy(signal),
      staleTime: 30 * 60 * 1000,
      // Seconds after an upload the server is still refitting the system backtest on the new data: ask again until it is there.
      refetchInterval: (query) => (query.state.data?.system.pending ? BACKTEST_POLL_MS : false),
    }),
  /** The national baseline outlook, read for the method notes it was computed with (`assumptions.sources`). */
  notes: () => areaGapsQuery({ region: 'VN', scenario: 'baseline', horizon: DEFAULT_STATE.horizon }),
};
