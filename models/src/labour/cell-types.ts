/**
 * Shapes of one cell's figures: its key, history, intervals, backtest accuracy, the series break
 * treated, and the forecast the outlook shows (`CellForecast`). Conventions: see types.ts.
 */
import type { IntervalKind, ModelWeight } from '../forecast/types';
import type { ObservationStatus, Unit } from '../data/observation';

/** The four coordinates of a cell, without the period. */
export interface CellKey {
  /** Indicator code: `employment`, `labour_force`, `graduates`, … */
  indicator: string;
  /** `VN`, a socio-economic region code or a province code. */
  region: string;
  /** `TOTAL`, a VSIC section letter or a new-field code. */
  sector: string;
  /** `ALL` or a qualification level. */
  qualification: string;
}

/** One observed point of a cell's history. */
export interface HistoryPoint {
  period: string;
  value: number;
  /** `official`, `survey`, or `modelled` (a modelled input or an aggregate we summed). */
  status: ObservationStatus;
  source: string;
}

/** One prediction interval, one bound per forecast period (columnar). */
export interface LevelInterval {
  /** Percent, e.g. 80 or 95. */
  level: number;
  lower: number[];
  upper: number[];
}

/** A forecast in columns: `periods[i]` goes with `mean[i]` and every interval's `lower[i]`/`upper[i]`. */
export interface ColumnForecast {
  periods: string[];
  mean: number[];
  intervals: LevelInterval[];
}

/**
 * Backtest accuracy of the method used for this cell, measured by rolling
 * origin on the cell's own history, beside the naive benchmark on the same origins.
 * `null` when the history was too short to backtest.
 */
export interface CellAccuracy {
  /** Mean absolute scaled error of the forecast (lower is better; < naiveMase beats naive). */
  mase: number | null;
  /** Symmetric MAPE in percent (0–200). */
  smape: number | null;
  /** Share (0–1) of held-out points inside the 80% interval. */
  coverage80: number | null;
  /** Share (0–1) of held-out points inside the 95% interval. */
  coverage95: number | null;
  naiveMase: number | null;
  naiveSmape: number | null;
  /** Number of forecast origins the figures average over. */
  origins: number;
  /** Set when the engine's backtest threw: the figures are then empty (null, 0 origins). */
  failed?: { code: string; message: string };
  /**
   * Set when the figures are not the cell's own method's: the method that was backtested instead,
   * as a benchmark (a cell the supply–demand system makes, `system-shares`, carries the engine's
   * backtest on the cell's own history; the system's own backtest is `backtestSystem`).
   */
  benchmark?: string;
}

/** How a declared series break was treated before fitting. */
export type BreakTreatment = 'fit-from-break' | 'splice';

/** A series break that applied to a cell, and what was done about it. */
export interface AppliedBreak {
  /** First period of the new series (e.g. `2021`). */
  period: string;
  treatment: BreakTreatment;
  /** For `splice`: factor applied to the pre-break values. */
  ratio?: number;
  reason?: { vi: string; en: string };
}

/**
 * Where a cell's shown history changes basis across consecutive points before a declared break
 * the model did not need (its fitted values are all on the new basis): published figures on the
 * old basis up to `previous`, values on the new basis from `period` (or the reverse). Only what
 * is shown changes basis there; the step between the two points is not a change in the labour
 * market.
 */
export interface BasisChange {
  /** First point on the other basis. */
  period: string;
  /** The point before it. */
  previous: string;
  /** First period of the declared break's new basis (e.g. `2021`). */
  breakPeriod: string;
  /** True when `period` starts the new basis (old-basis figures before it), false for the reverse. */
  toNew: boolean;
}

/** History and forecast of one cell. */
export interface CellForecast extends CellKey {
  unit: Unit;
  history: HistoryPoint[];
  /** Mean and intervals after reconciliation (means add up across the hierarchy). */
  forecast: ColumnForecast;
  /** Models combined by the engine, with weights. */
  models: ModelWeight[];
  intervalKind: IntervalKind;
  accuracy: CellAccuracy;
  break?: AppliedBreak;
  /**
   * The national unemployment rate only: its history is GSO's working-age rate, its forecast the
   * system's rate of everyone 15+ (1 − employment ÷ labour force). Both in the last history year
   * (percent), so the step between history and forecast is not read as a fall in unemployment.
   */
  rateDefinition?: { period: string; history: number; forecast: number };
  /** Changes of basis in the shown history (see `BasisChange`); absent when there are none. */
  basisChanges?: BasisChange[];
  /** How hierarchy coherence was enforced for this cell's mean, if it was. */
  reconciliation?: Reconciliation;
  /**
   * National employment (VN × TOTAL × ALL) only: labour demand before the labour-force limit
   * (Σ sections of value added ÷ productivity, moved by the scenario's sector growth), persons,
   * aligned with `forecast.periods` (system/demand-line.ts).
   */
  demand?: number[];
  status: 'modelled';
  /**
   * Distinct statuses of the observations this figure rests on (its history and, for a total,
   * every detailed cell summed into it), in OBSERVATION_STATUSES order. Always set by the model;
   * includes `illustrative` when generated demonstration values lie underneath.
   */
  basis?: ObservationStatus[];
  /** e.g. "LMO forecast (auto) from GSO LFS 2010–2025 …" */
  source: string;
}
/** How coherence was enforced: OLS projection, or MinT with a shrunk covariance. */
export type Reconciliation = 'ols' | 'mint-shrink';
