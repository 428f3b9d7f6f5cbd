/**
 * What computeBase's grid steps share (base-main.ts, base-fields.ts): the context resolved from
 * the options once, the options every employment grid has, and a fitted grid's base with the
 * basis masks its rows carry.
 */
import type { Observation } from '../data/observation';
import { gridBasisMasks, labelSummedHistory } from './basis';
import { dimensionOf, regionDimension } from './base-dimensions';
import type { BreakSpec } from './breaks';
import type { Dimension } from './hierarchy';
import type { ObservationIndex } from './observations';
import type { ExitRates } from './openings';
import { SUM_SOURCE, type Grid, type GridOptions } from './projection';
import type { PathForecaster } from './composition/forecaster';
import type { GridBase } from './grid-base';
import type { LabourStructure } from './structure';
import type { SupplyInputs } from './supply';

/** A new field: its code and the section it is part of. */
export type FieldSpec = LabourStructure['fields'][number];

/** Flow indicators behind new supply and replacement demand: their statuses join a gap row's basis. */
export const SUPPLY_FLOWS = ['graduates', 'exits', 'entrants'] as const;

/** What every step of computeBase shares, resolved from the options once. */
export interface BaseContext {
  observations: readonly Observation[];
  index: ObservationIndex;
  structure: LabourStructure;
  horizon: number;
  levels: number[];
  /** Declared breaks of an indicator. */
  gridBreaks: (indicator: string) => BreakSpec[];
  minAfterBreak?: number;
  backtest?: 'all' | 'aggregates';
  otherEntrants?: 'calibrated' | 'default';
  entryRate: number;
  retirementExitShare?: number;
  minUnemploymentRate?: number;
  forecaster: PathForecaster;
  /** Milliseconds per step, filled in as the steps run. */
  timing: Record<string, number>;
}

/**
 * What every employment grid shares (the sections, or one new field: `sectors`): the regions and
 * levels with data in those sectors, with the hidden residual region when provinces are missing.
 */
export function employmentGridOptions(ctx: BaseContext, sectors: Set<string>, sector: Dimension): GridOptions {
  const { index, structure } = ctx;
  const { dim: region, residual, hidden } = regionDimension(index, 'employment', sectors, structure.regions);
  const qualification = dimensionOf(index, 'employment', 'qualification', structure.qualifications, (s) => sectors.has(s));
  return {
    indicator: 'employment',
    dims: [region, sector, qualification],
    horizon: ctx.horizon,
    levels: ctx.levels,
    breaks: ctx.gridBreaks('employment'),
    minAfterBreak: ctx.minAfterBreak,
    residual,
    hiddenRegions: hidden,
  };
}

/**
 * A fitted grid's base: its exits and supply inputs with the basis masks its rows carry (both from
 * one pass), its summed history relabelled by them. `field` is set for a new field's grid only.
 */
export function gridBaseOf(index: ObservationIndex, grid: Grid, exits: ExitRates, supply: SupplyInputs, field?: FieldSpec): GridBase {
  const { basis, gapBasis } = gridBasisMasks(index, grid, SUPPLY_FLOWS);
  labelSummedHistory(grid, basis, SUM_SOURCE);
  // No `field` key at all on the main grid: a GridBase with one is a new field's.
  return field ? { grid, exits, supply, field, basis, gapBasis } : { grid, exits, supply, basis, gapBasis };
}
