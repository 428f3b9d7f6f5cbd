import { queryOptions } from '@tanstack/react-query';
import { fetchSeries } from '../../api/endpoints';
import { areaGapsQuery, forecastQuery } from '../../api/queries';
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
  national: (indicator: string, scenario: string, horizon: number) => forecastQuery({ indicator, ...NATIONAL, scenario, horizon }),
  gaps: (scenario: string, horizon: number) => areaGapsQuery({ region: NATIONAL.region, scenario, horizon }),
};
