import { queryOptions } from '@tanstack/react-query';
import { fetchForecast, fetchGaps, fetchSeries } from '../../api/endpoints';
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
  national: (indicator: string, scenario: string, horizon: number) =>
    queryOptions({
      queryKey: ['forecasts', indicator, NATIONAL.region, NATIONAL.sector, NATIONAL.qualification, scenario, horizon] as const,
      queryFn: ({ signal }) => fetchForecast({ indicator, ...NATIONAL, scenario, horizon }, signal),
    }),
  gaps: (scenario: string, horizon: number) =>
    queryOptions({
      queryKey: ['gaps', NATIONAL.region, scenario, horizon] as const,
      queryFn: ({ signal }) => fetchGaps({ region: NATIONAL.region, scenario, horizon }, signal),
    }),
};
