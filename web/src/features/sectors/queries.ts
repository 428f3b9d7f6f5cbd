import { queryOptions } from '@tanstack/react-query';
import { fetchForecast, fetchGaps } from '../../api/endpoints';

/** Sector detail: employment forecast of the sector and its cells by qualification. */
export const sectorQueries = {
  employment: (p: { region: string; sector: string; scenario: string }) =>
    queryOptions({
      queryKey: ['forecasts', 'employment', p.region, p.sector, 'ALL', p.scenario, 10] as const,
      queryFn: ({ signal }) => fetchForecast({ indicator: 'employment', region: p.region, sector: p.sector, qualification: 'ALL', scenario: p.scenario, horizon: 10 }, signal),
    }),
  gaps: (p: { region: string; sector: string; scenario: string; horizon: number }) =>
    queryOptions({
      queryKey: ['gaps', p.region, p.scenario, p.horizon, p.sector] as const,
      queryFn: ({ signal }) => fetchGaps(p, signal),
    }),
};
