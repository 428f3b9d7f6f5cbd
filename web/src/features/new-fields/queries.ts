import { queryOptions } from '@tanstack/react-query';
import { fetchTargets } from '../../api/endpoints';
import { forecastQuery } from '../../api/queries';

/** New fields: policy-target paths for all fields, and each field's own employment forecast. */
export const newFieldQueries = {
  targets: (scenario: string) =>
    queryOptions({
      queryKey: ['targets', scenario] as const,
      queryFn: ({ signal }) => fetchTargets({ scenario }, signal),
    }),
  /** The field's employment at the qualification its target is stated at (`ALL` when none). */
  trend: (field: string, scenario: string, qualification = 'ALL') =>
    forecastQuery({ indicator: 'employment', region: 'VN', sector: field, qualification, scenario, horizon: 10 }),
};
