import { queryOptions } from '@tanstack/react-query';
import { fetchTargets } from '../../api/endpoints';
import { forecastQuery } from '../../api/queries';

const targets = (scenario: string) =>
  queryOptions({
    queryKey: ['targets', scenario] as const,
    queryFn: ({ signal }) => fetchTargets({ scenario }, signal),
  });

/** New fields: policy-target paths for all fields, and each field's own employment forecast. */
export const newFieldQueries = {
  targets,
  /** One field's target path (none when the field has no quantified target), selected from the one targets answer. */
  target: (scenario: string, field: string) => queryOptions({ ...targets(scenario), select: (answer) => answer.targets.find((x) => x.field === field) }),
  /** The field's employment at the qualification its target is stated at (`ALL` when none). */
  trend: (field: string, scenario: string, qualification = 'ALL') =>
    forecastQuery({ indicator: 'employment', region: 'VN', sector: field, qualification, scenario, horizon: 10 }),
};
