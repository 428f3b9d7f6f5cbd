import { queryOptions } from '@tanstack/react-query';
import { fetchGaps } from '../../api/endpoints';
import { areaGapsQuery } from '../../api/queries';

/** Regions page: one sector × qualification across every region, and one area's cells. */
export const regionsQueries = {
  /** Every region and province for one sector/qualification (`region=all`). */
  map: (p: { scenario: string; horizon: number; sector: string; qualification: string }) =>
    queryOptions({
      queryKey: ['gaps', 'all', p.scenario, p.horizon, p.sector, p.qualification] as const,
      queryFn: ({ signal }) => fetchGaps({ region: 'all', ...p }, signal),
    }),
  /** All cells of one area (province detail panel). */
  area: areaGapsQuery,
};
