import { useQuery } from '@tanstack/react-query';
import type { ScenarioParameters } from '../../api/types';
import { scenarioQueries } from './queries';

/**
 * The parameters of a scenario id: a preset's from the catalogue (no extra request), any other
 * id's from GET /api/scenarios/:id. `data` is undefined until known.
 */
export function useScenarioParameters(id: string): { data: ScenarioParameters | undefined; isError: boolean; error: unknown } {
  const catalogue = useQuery(scenarioQueries.catalogue());
  const preset = catalogue.data?.presets?.find((p) => p.id === id);
  const detail = useQuery({ ...scenarioQueries.detail(id), enabled: catalogue.isFetched && !preset });
  if (preset) return { data: preset.parameters, isError: false, error: null };
  // Without a catalogue (older server) the baseline still means "no change".
  if (catalogue.isError && id === 'baseline') return { data: {}, isError: false, error: null };
  return { data: detail.data?.parameters, isError: detail.isError || catalogue.isError, error: detail.error ?? catalogue.error };
}
