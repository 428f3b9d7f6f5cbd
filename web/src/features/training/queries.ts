import { areaGapsQuery } from '../../api/queries';

/** Training planner: every sector × qualification cell of one area. */
export const trainingQueries = {
  cells: areaGapsQuery,
};
