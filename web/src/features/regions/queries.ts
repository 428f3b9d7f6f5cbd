import { queryOptions } from '@tanstack/react-query';
import { fetchGaps } from '../../api/endpoints';

/** Regions page: one sector × qualification across every region, and one area's cells. */
export const regionsQueries = {
  /** Every region and province for one sector/qualification (`region=all`). */
  map: (p: { scenario: string; horizon: number; sector: string; qualification: string }) =>
    queryOptions({
      queryKey: ['gaps', 'all', p.scenario, p.horizon, p.sector, p.qualification] as const,
      queryFn: ({ signal }) => fetchGaps({ region: 'all', ...p }, signal),
    }),
  /** All cells of one area (province detail panel). */
  area: (p: { region: string; scenario: string; horizon: number }) =>
    queryOptions({
      queryKey: ['gaps', p.region, p.scenario, p.horizon] as const,
      queryFn: ({ signal }) => fetchGaps(p, signal),
    }),
};
