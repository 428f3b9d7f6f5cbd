/**
 * The cells one scenario run computes (recompute.ts `applyScenario`): a whole grid, or one
 * bottom region's slice of it, with their scenario employment. Shared by its steps
 * (recompute-gaps.ts, recompute-forecasts.ts).
 */
import { statusBit } from './basis';
import type { Grid } from './projection';
import type { Reconciler } from './reconcile';
import type { GridBase, ScenarioContext, SystemInputs } from './grid-base';
import type { Scenario } from './types';

/** Where a new field's cell finds its parent section in the main grid: `plus` − Σ `minus` (offsets; −1 = none). */
export interface ParentRef {
  plus: number;
  minus: number[];
}

/** A new field's parent section in the main grid: its scenario employment and where each field cell finds its parent. */
export interface ParentCap {
  main: GridBase;
  /** Scenario employment of every main-grid cell, t = 1..H (index t−1). */
  emp: Float64Array[];
  refs: ParentRef[];
}

/** The computed cells of one run and their scenario employment. */
export interface ScenarioCells {
  gb: GridBase;
  scenario: Scenario;
  ctx: ScenarioContext;
  /** Reconciler of the computed cells (the grid's, or its one-region slice). */
  rec: Reconciler;
  /** Tensor offset of the first computed cell in the grid, and how many there are. */
  offset: number;
  size: number;
  H: number;
  nodes: Grid['nodes'];
  /** 1 for detailed (bottom) cells. */
  leaf: Uint8Array;
  /** 1 for cells of hidden regions (the residual): computed, never shown. */
  hidden: Uint8Array;
  /** Employment E'_t of every computed cell, t = 0..H (0 = base year). Read-only: a grid that is not a new field shares t ≥ 1 with the cached main-grid paths. */
  emp: Float64Array[];
  sys: SystemInputs | null;
  parent: ParentCap | null;
}

/** A node's status mask from its own history, when the grid base carries no masks (hand-built bases in tests). */
export function historyMask(node: Grid['nodes'][number]): number {
  let m = 0;
  for (const p of node.history) m |= statusBit(p.status);
  return m;
}
