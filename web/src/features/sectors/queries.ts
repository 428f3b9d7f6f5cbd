import { queryOptions } from '@tanstack/react-query';
import { fetchGaps } from '../../api/endpoints';
import { forecastQuery } from '../../api/queries';

/** Sector detail: employment forecast of the sector and its cells by qualification. */
export const sectorQueries = {
  employment: (p: { region: string; sector: string; scenario: string }) =>
    forecastQuery({ indicator: 'employment', region: p.region, sector: p.sector, qualification: 'ALL', scenario: p.scenario, horizon: 10 }),
  gaps: (p: { region: string; sector: string; scenario: string; horizon: number }) =>
    queryOptions({
      queryKey: ['gaps', p.region, p.scenario, p.horizon, p.sector] as const,
      queryFn: ({ signal }) => fetchGaps(p, signal),
    }),
};
