import { queryOptions } from '@tanstack/react-query';
import { fetchForecast, fetchTargets } from '../../api/endpoints';

/** New fields: policy-target paths for all fields, and each field's own employment forecast. */
export const newFieldQueries = {
  targets: (scenario: string) =>
    queryOptions({
      queryKey: ['targets', scenario] as const,
      queryFn: ({ signal }) => fetchTargets({ scenario }, signal),
    }),
  /** The field's employment at the qualification its target is stated at (`ALL` when none). */
  trend: (field: string, scenario: string, qualification = 'ALL') =>
    queryOptions({
      queryKey: ['forecasts', 'employment', 'VN', field, qualification, scenario, 10] as const,
      queryFn: ({ signal }) => fetchForecast({ indicator: 'employment', region: 'VN', sector: field, qualification, scenario, horizon: 10 }, signal),
    }),
};
