/**
 * What the scenario step (recompute.ts) works on: a grid fitted once per dataset version, the
 * national-system inputs and the settings shared by every scenario. Plain types in their own
 * module, so the fitting (base.ts) and the scenario steps can name them without importing each other.
 */
import type { ExitRates } from './openings';
import type { EntrantInputs } from './other-entrants';
import type { Grid } from './projection';
import type { SupplyInputs } from './supply';
import type { NationalSystem } from './system/types';
import type { Thresholds } from './types';

/** Everything fitted once per dataset version for one grid (sections, or one new field). */
export interface GridBase {
  grid: Grid;
  exits: ExitRates;
  supply: SupplyInputs;
  /** Set for a new field's grid. */
  field?: { code: string; parent: string };
  /** Trend and target paths of a new field with a target (national, `qualification`), years base+1… */
  target?: { qualification: string; trend: number[]; path: number[] };
  /** Status mask (basis.ts) of the employment observations each node rests on, by tensor offset. */
  basis?: Uint8Array;
  /** Same, with the graduates, exits and entrants series behind supply and replacement: the gap rows' basis. */
  gapBasis?: Uint8Array;
}

/** Settings shared by every scenario of an outlook. */
export interface ScenarioContext {
  thresholds: Thresholds;
  /** Base entry rate (a scenario may override it). */
  entryRate: number;
  /** Horizons (years) to produce gap rows for. */
  gapHorizons: number[];
  /** Produce employment forecasts too (not only gaps). */
  forecasts: boolean;
  /** @deprecated Ignored: mobility re-entry was removed (it double counted net expansion). */
  mobilityRate?: number;
  /** Scenario-independent inputs from the national system; absent or null = documented default rates, no cap. */
  system?: SystemInputs | null;
  /**
   * The main (sections) grid: a new field's cells are capped by their parent section's scenario path
   * in it (a part never exceeds its whole). Default `system.main`; without either, fields are not capped.
   */
  main?: GridBase | null;
}

/** What the scenario step takes from the national system (built once per base, outlook.ts). */
export interface SystemInputs {
  system: NationalSystem;
  /** The main (sections) grid: the labour-force cap is computed on it and applied to every grid. */
  main: GridBase | null;
  /** Other entrants by level from the demographic model. */
  others: EntrantInputs | null;
}
