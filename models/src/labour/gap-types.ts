/**
 * Shapes of the imbalance figures: the gap row of one cell and horizon (openings, new supply,
 * imbalance), its flag and confidence, and the thresholds the flag reads.
 */
import type { ObservationStatus } from '../data/observation';

/**
 * COPS-style signal of one cell, read on `imbalanceShare` (cumulative new supply − openings over
 * the horizon ÷ base employment) against `Thresholds`:
 * - `shortage` / `surplus`: the share is below / above the thresholds;
 * - `balanced`: in between;
 * - `uncertain`: the 80% interval of the share reaches below the shortage threshold AND above the surplus one;
 * - `too-small`: fewer than `Thresholds.smallCell` workers in the base year or fewer than
 *   `Thresholds.minOpenings` openings over the horizon (never flagged, never ranked).
 */
export type Flag = 'shortage' | 'balanced' | 'surplus' | 'uncertain' | 'too-small';

/** How far to trust a flag. */
export type Confidence = 'high' | 'medium' | 'low';

/**
 * Openings, new supply and imbalance of one (region, sector, qualification)
 * over `horizon` years after the base year. Flows are totals over the horizon
 * (persons), not per year.
 */
export interface GapRow {
  region: string;
  sector: string;
  qualification: string;
  /** Years after the base year (1..10). */
  horizon: number;
  /** Last period of the horizon, e.g. `2030`. */
  period: string;
  /** Employment in the base year (persons). */
  employmentBase: number;
  /** Projected employment at the end of the horizon. */
  employmentEnd: number;
  /** `expansion + replacement` (negative when a cell sheds more jobs than it must replace). */
  openings: number;
  /**
   * Net change in employment over the horizon (`employmentEnd − employmentBase`, negative in a
   * shrinking cell). Adds up: a total's expansion is the sum of its parts' = its own change.
   */
  expansion: number;
  /** Retirements and deaths of the employed that must be refilled (age-based rates; see `Assumptions.replacement`). */
  replacement: number;
  /** Graduates × entry rate + other entrants from the demographic model (see `Assumptions.newSupply`). */
  newSupply: number;
  /** `newSupply − openings`, cumulative over the horizon (negative = shortage). */
  imbalance: number;
  /** 80% interval of `imbalance`. */
  imbalanceLower: number;
  imbalanceUpper: number;
  /** `imbalance ÷ employmentBase` (share, −0.02 = −2 %), the figure the flag reads; null when base employment is 0. */
  imbalanceShare: number | null;
  /** `newSupply / openings`; null when openings are ≤ 0. */
  ratio: number | null;
  flag: Flag;
  confidence: Confidence;
  /**
   * 1 = most severe shortage (lowest `imbalanceShare`) among comparable rows: same region, horizon
   * and aggregation level (sections × levels are ranked together; totals, broad groups and new
   * fields among themselves). null for a `too-small` row (never ranked).
   */
  rank: number | null;
  status: 'modelled';
  /**
   * Statuses of the observations the row rests on: the cell's employment basis and the graduates,
   * exits and entrants series feeding its supply and replacement demand (OBSERVATION_STATUSES order).
   */
  basis?: ObservationStatus[];
  source: string;
}
/**
 * Flag thresholds on `imbalanceShare` = cumulative (new supply − openings) over the horizon ÷ base
 * employment (COPS-style). shortage if share < shortageBelow; surplus if share > surplusAbove; else
 * balanced. The map colours use exactly these numbers.
 */
export interface Thresholds {
  /** The figure the thresholds apply to (issue 12: always the share of base employment). */
  measure?: 'imbalance-share';
  /** Share of base employment, negative (default −0.02 = −2 %). */
  shortageBelow: number;
  /** Share of base employment (default +0.02 = +2 %). */
  surplusAbove: number;
  /** Cells with fewer base-year workers than this are `too-small` (default 5,000). */
  smallCell: number;
  /** Cells with fewer openings over the horizon than this are `too-small` (default 500). */
  minOpenings?: number;
}
