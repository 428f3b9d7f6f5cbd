import { queryOptions } from '@tanstack/react-query';
import { fetchForecast, fetchGaps, type ForecastParams } from './endpoints';

/**
 * Query factories shared by the features. Keys run generic → specific (`forecasts` → indicator →
 * cell → scenario → horizon; `gaps` → area → scenario → horizon), so every page that asks for the
 * same thing hits the same cache entry. Feature-only queries stay in each feature's `queries.ts`.
 */

/** One cell's forecast with its 80/95 % intervals. */
export const forecastQuery = (p: ForecastParams) =>
  queryOptions({
    queryKey: ['forecasts', p.indicator, p.region, p.sector, p.qualification, p.scenario, p.horizon] as const,
    queryFn: ({ signal }) =>
      fetchForecast(
        { indicator: p.indicator, region: p.region, sector: p.sector, qualification: p.qualification, scenario: p.scenario, horizon: p.horizon },
        signal,
      ),
  });

/**
 * `placeholderData` that keeps the previous answer while another scenario of the same view loads
 * (keys equal but for the scenario at `scenarioAt`), so a chart stays drawn, marked as updating,
 * instead of falling back to a skeleton on every slider release. Anything else loads afresh.
 */
export function keepWhileScenarioLoads<T>(key: readonly unknown[], scenarioAt: number) {
  return (previous: T | undefined, previousQuery?: { queryKey: readonly unknown[] }): T | undefined =>
    previousQuery && previousQuery.queryKey.length === key.length && previousQuery.queryKey.every((k, i) => i === scenarioAt || k === key[i])
      ? previous
      : undefined;
}

/** Every sector × qualification gap cell of one area. */
export const areaGapsQuery = (p: { region: string; scenario: string; horizon: number }) =>
  queryOptions({
    queryKey: ['gaps', p.region, p.scenario, p.horizon] as const,
    queryFn: ({ signal }) => fetchGaps({ region: p.region, scenario: p.scenario, horizon: p.horizon }, signal),
  });
