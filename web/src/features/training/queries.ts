import { queryOptions } from '@tanstack/react-query';
import { fetchGaps } from '../../api/endpoints';

/** Training planner: every sector × qualification cell of one area. */
export const trainingQueries = {
  cells: (p: { region: string; scenario: string; horizon: number }) =>
    queryOptions({
      queryKey: ['gaps', p.region, p.scenario, p.horizon] as const,
      queryFn: ({ signal }) => fetchGaps(p, signal),
    }),
};
