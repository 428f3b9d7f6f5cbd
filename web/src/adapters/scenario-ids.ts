/**
 * Adapter: the scenarios a compare may set the current one against, from the served lists
 * (GET /api/scenarios presets, else the /api/meta scenarios while the catalogue loads).
 */
import type { ScenarioMeta, ScenarioPreset } from '../api/types';

/**
 * Ids of the reference scenarios to offer: the baseline first, then the presets (or the meta
 * scenarios when no catalogue is served yet), then the chosen one even when it is not a preset
 * (a user-built scenario from a shared link); each id once, in that order.
 */
export function compareScenarioIds(
  presets: readonly Pick<ScenarioPreset, 'id'>[] | undefined,
  scenarios: readonly Pick<ScenarioMeta, 'id' | 'code'>[] | undefined,
  chosen: string | undefined,
): string[] {
  const served = presets?.map((p) => p.id) ?? scenarios?.map((s) => s.id ?? s.code) ?? [];
  return [...new Set(['baseline', ...served, ...(chosen ? [chosen] : [])])];
}
