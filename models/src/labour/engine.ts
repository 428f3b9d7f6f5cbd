/**
 * The labour model's one door into the forecasting engine: fit a cell's
 * annual history with `auto` (or a named method), forecast h years with
 * intervals, and measure backtest accuracy against naive on the same origins.
 */
import { backtest, ForecastError, fitMethod, scoreBacktest } from '../forecast/index';
import type { BacktestRow } from '../forecast/backtest';
import type { Fit, FitOptions, Forecast, Series } from '../forecast/types';
import type { CellAccuracy } from './types';

/** Fit `method` (default `auto`) on a series through the engine's registry. */
export function fitSeries(series: Series, method = 'auto', options?: FitOptions): Fit {
  return fitMethod(method, series, options);
}

/** Result of fitting and forecasting one cell. */
export interface CellFit {
  fit: Fit;
  forecast: Forecast;
}

/** Fit and forecast `h` steps at `levels`. Series of one point forecast flat with no interval. */
export function forecastCell(series: Series, h: number, levels: number[], method = 'auto'): CellFit {
  const fit = fitSeries(series, method);
  return { fit, forecast: fit.forecast(h, { levels }) };
}

const EMPTY_ACCURACY: CellAccuracy = {
  mase: null,
  smape: null,
  coverage80: null,
  coverage95: null,
  naiveMase: null,
  naiveSmape: null,
  origins: 0,
};

function nullable(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** Horizon and origins `cellAccuracy` uses for a series of length n (origins 0: too short). */
export function cellBacktestPlan(n: number, options: { h?: number; origins?: number; minTrain?: number } = {}): { h: number; origins: number } {
  const minTrain = options.minTrain ?? 4;
  const h = Math.min(options.h ?? 3, n >= 10 ? 3 : n >= 7 ? 2 : 1);
  return { h, origins: Math.max(0, Math.min(options.origins ?? 3, n - h - minTrain + 1)) };
}

/**
 * Rolling-origin accuracy of `method` on a cell, through the engine's own
 * `backtest()` and `scoreBacktest()` (one backtest path for the app and the
 * bench): origins one year apart, the last leaving h values to check; the
 * naive forecast is scored on the same rows. MASE uses each origin's
 * training-part naive scale; figures are means over origins, coverage over
 * all held-out points. Shorter series use a shorter `h` and fewer origins;
 * all nulls when fewer than `minTrain` points would remain to fit on.
 * An engine error is not swallowed silently: the result carries `failed`.
 */
export function cellAccuracy(series: Series, options: { method?: string; h?: number; origins?: number; minTrain?: number } = {}): CellAccuracy {
  const { h, origins } = cellBacktestPlan(series.values.length, options);
  if (origins < 1) return EMPTY_ACCURACY;
  const method = options.method ?? 'auto';
  // Scored with the one-year naive scale, as the labour model's cells are annual.
  const annual: Series = { ...series, frequency: 1 };
  let rows: BacktestRow[];
  try {
    rows = backtest(series, method, { h, origins, levels: [80, 95] });
  } catch (err) {
    const code = err instanceof ForecastError ? err.code : 'INTERNAL';
    return { ...EMPTY_ACCURACY, failed: { code, message: err instanceof Error ? err.message : String(err) } };
  }
  const s = scoreBacktest(annual, rows);
  // Naive on the same rows: the last training value.
  const naiveRows = rows.map((r) => ({ ...r, mean: annual.values[r.trainLength - 1]!, intervals: [] }));
  const nv = scoreBacktest(annual, naiveRows);
  return {
    mase: nullable(s.mase),
    smape: nullable(s.smape),
    coverage80: nullable(s.coverage[80] ?? NaN),
    coverage95: nullable(s.coverage[95] ?? NaN),
    naiveMase: nullable(nv.mase),
    naiveSmape: nullable(nv.smape),
    origins: s.origins,
  };
}
