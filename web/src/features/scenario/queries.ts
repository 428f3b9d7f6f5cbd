import { queryOptions } from '@tanstack/react-query';
import { fetchScenario, fetchScenarioCatalogue } from '../../api/endpoints';

/**
 * Scenario queries, keys generic → specific: `scenarios` → `catalogue` (presets, specs, baseline
 * values) and `scenarios` → `detail` → id. A scenario's parameters never change (its id is derived
 * from them), so details stay fresh for the session.
 */
export const scenarioQueries = {
  all: () => ['scenarios'] as const,
  catalogue: () =>
    queryOptions({
      queryKey: [...scenarioQueries.all(), 'catalogue'] as const,
      queryFn: ({ signal }) => fetchScenarioCatalogue(signal),
      staleTime: 60 * 60 * 1000,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...scenarioQueries.all(), 'detail', id] as const,
      queryFn: ({ signal }) => fetchScenario(id, signal),
      staleTime: Infinity,
    }),
};

/** User-built scenario ids look like `u-` + 16 hex digits; presets have names. */
export const isCustomScenario = (id: string) => /^u-[0-9a-f]{6,}$/i.test(id);
