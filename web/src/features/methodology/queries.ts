import { queryOptions } from '@tanstack/react-query';
import { fetchAccuracy } from '../../api/endpoints';
import { areaGapsQuery } from '../../api/queries';
import { DEFAULT_STATE } from '../../router/url-state';

/** Methodology: the served version's backtest report, and the notes its outlook was computed with. */
export const methodologyQueries = {
  accuracy: () => queryOptions({ queryKey: ['accuracy'] as const, queryFn: ({ signal }) => fetchAccuracy(signal), staleTime: 30 * 60 * 1000 }),
  /** The national baseline outlook, read for the method notes it was computed with (`assumptions.sources`). */
  notes: () => areaGapsQuery({ region: 'VN', scenario: 'baseline', horizon: DEFAULT_STATE.horizon }),
};
