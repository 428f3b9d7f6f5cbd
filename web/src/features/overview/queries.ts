import { queryOptions } from '@tanstack/react-query';
import { fetchSeries } from '../../api/endpoints';
import { areaGapsQuery, forecastQuery, keepWhileScenarioLoads } from '../../api/queries';
import { NATIONAL } from './indicators';

/**
 * Overview queries. Keys run generic → specific and share their first segments with the
 * other features (`series`, `forecasts`, `gaps`), so the cache is shared across pages.
 */
export const overviewQueries = {
  kpi: (indicator: string) =>
    queryOptions({
      queryKey: ['series', indicator, NATIONAL.region, NATIONAL.sector, NATIONAL.qualification] as const,
      queryFn: ({ signal }) => fetchSeries({ indicator, ...NATIONAL }, signal),
    }),
  /** National system forecasts; while a new scenario loads, the previous one stays drawn (marked as updating). */
  national: (indicator: string, scenario: string, horizon: number) => {
    const options = forecastQuery({ indicator, ...NATIONAL, scenario, horizon });
    return queryOptions({ ...options, placeholderData: keepWhileScenarioLoads(options.queryKey, 5) });
  },
  /** National gap cells; like `national`, the previous scenario's stay drawn while a new one loads. */
  gaps: (scenario: string, horizon: number) => {
    const options = areaGapsQuery({ region: NATIONAL.region, scenario, horizon });
    return queryOptions({ ...options, placeholderData: keepWhileScenarioLoads(options.queryKey, 2) });
  },
};
