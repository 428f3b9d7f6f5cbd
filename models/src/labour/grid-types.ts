/**
 * The shapes of a projected grid: a grid's options, its history (bottom cells from the data,
 * totals their sums: grid-history.ts) and the projection of every cell (projection.ts).
 */
import type { BreakSpec } from './breaks';
import type { Dimension } from './hierarchy';
import type { Reconciler } from './reconcile';
import type { AppliedBreak, BasisChange, CellAccuracy, HistoryPoint, LevelInterval } from './types';
import type { IntervalKind, ModelWeight } from '../forecast/types';
import type { Unit } from '../data/observation';
import type { LeafPlan } from './system/allocate-grid';

/** One projected cell of a grid (means reconciled). */
export interface NodeProjection {
  region: string;
  sector: string;
  qualification: string;
  history: HistoryPoint[];
  /** Value in the base year (last history point). */
  base: number;
  /** Means for baseYear+1 … baseYear+horizon (top-down shares, or reconciled engine forecasts). */
  mean: number[];
  /** Intervals shifted with the mean by reconciliation (widths kept), lower bounds ≥ 0. */
  intervals: LevelInterval[];
  /**
   * Top-down grids only: half-width of the 80 % interval from the cell's OWN share uncertainty
   * (province, section, level and field shares, in quadrature), without the national level
   * component, per forecast year. The imbalance interval reads it (recompute.ts).
   */
  shareHalf80?: number[];
  models: ModelWeight[];
  intervalKind: IntervalKind;
  accuracy: CellAccuracy;
  break?: AppliedBreak;
  basisChanges?: BasisChange[];
}

/** The projection of one indicator over crossed dimensions. */
export interface Grid {
  indicator: string;
  unit: Unit;
  firstYear: number;
  baseYear: number;
  horizon: number;
  levels: number[];
  reconciler: Reconciler;
  /** One node per tensor position (see `cellOffset`). */
  nodes: NodeProjection[];
  /** Internal codes (e.g. a residual region) that are not shown. */
  hidden: Set<string>;
  /** 'shares' when the cells are allocated top-down (no reconciliation needed); absent = engine + OLS. */
  method?: 'shares';
}

export interface GridOptions {
  indicator: string;
  dims: [Dimension, Dimension, Dimension];
  horizon: number;
  levels: number[];
  breaks?: BreakSpec[];
  /** Fit from a break when at least this many points follow it, else splice. */
  minAfterBreak?: number;
  method?: string;
  /** Backtest origins for a node (0 = none); default 3 everywhere. */
  backtestOrigins?: (region: string, sector: string, qualification: string) => number;
  /**
   * Residual leaf codes (first dimension) whose history is the root's
   * observed value minus the other leaves: keeps a national total honest when
   * only some provinces have data. Not shown.
   */
  residual?: { code: string; root: string };
  /** Region totals not to show (incomplete because of the residual). */
  hiddenRegions?: string[];
  /** Source text for sums we computed. */
  sumSource?: string;
  /** Top-down allocation (issue 12): leaf means and band components from the grid's history. */
  topDown?: (history: GridHistory) => LeafPlan;
}
/** The history of a grid: bottom cells from the data, every total their sum. */
export interface GridHistory {
  indicator: string;
  unit: Unit;
  firstYear: number;
  baseYear: number;
  reconciler: Reconciler;
  /** Aggregated history tensor per year (firstYear … baseYear). */
  years: Float64Array[];
  periods: string[];
  codesAt: (off: number) => [string, string, string];
  offset: (r: string, s: string, q: string) => number;
  brk?: BreakSpec;
  /** First period of the indicator's declared break when the fit did not need it (`brk` unset): shown histories may still cross it. */
  shownBreak?: string;
}
