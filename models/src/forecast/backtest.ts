/**
 * Rolling-origin evaluation ("time series cross-validation", like
 * statsforecast's `cross_validation`): refit at each cutoff on the data up to
 * it, forecast the next h periods, and keep one row per (cutoff, step).
 */
import { coverage, finiteMean, mase, smape } from './accuracy';
import { ForecastError } from './errors';
import { fitMethod } from './method-table';
import { addPeriods } from './periods';
import { assertHorizon } from './series';
import type { FitFn, FitOptions, Series } from './types';

/** One interval bound pair at one horizon step. */
export interface BacktestInterval {
  level: number;
  lower: number;
  upper: number;
}

/** One forecast step from one origin. */
export interface BacktestRow {
  /** Period label of the last observation used for fitting. */
  cutoff: string;
  /** Number of observations used for fitting (the cutoff as a count). */
  trainLength: number;
  /** Period label being forecast. */
  period: string;
  /** Steps ahead of the cutoff, 1..h. */
  h: number;
  actual: number;
  mean: number;
  intervals: BacktestInterval[];
}

export interface BacktestOptions {
  /** Forecast horizon at each origin. */
  h: number;
  /**
   * Number of origins. The last one leaves exactly h observations to check
   * and each earlier one is `step` periods before it (statsforecast's
   * `n_windows`). Default 3 unless `initial` is given.
   */
  origins?: number;
  /**
   * Alternatively, the training length of the first origin; origins then move
   * forward by `step` while a full h-step window is left to check.
   */
  initial?: number;
  /** Periods between origins; default 1. */
  step?: number;
  /** Interval levels in percent; default [80, 95]. */
  levels?: number[];
  /** Passed to the fit function (e.g. `methods` for auto, `target` for logistic). */
  fitOptions?: FitOptions;
}

/** A FitFn as given, or the registry method named by an alias (UNKNOWN_METHOD if none). */
function resolveFitFn(method: FitFn | string): FitFn {
  if (typeof method === 'function') return method;
  return (series, options) => fitMethod(method, series, options);
}

function wholeAtLeast(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new ForecastError('INVALID_OPTION', `Backtest option "${name}" must be a whole number ≥ ${min}; got ${String(value)}.`, {
      [name]: value,
    });
  }
}

/** Training lengths (cutoffs as counts) of every origin, oldest first. */
export function backtestCutoffs(n: number, options: BacktestOptions): number[] {
  const { h } = options;
  assertHorizon(h);
  const step = options.step ?? 1;
  wholeAtLeast('step', step, 1);
  const last = n - h;
  const cutoffs: number[] = [];
  if (options.initial !== undefined) {
    wholeAtLeast('initial', options.initial, 1);
    for (let c = options.initial; c <= last; c += step) cutoffs.push(c);
  } else {
    const k = options.origins ?? 3;
    wholeAtLeast('origins', k, 1);
    for (let i = k - 1; i >= 0; i--) cutoffs.push(last - i * step);
  }
  if (cutoffs.length === 0 || cutoffs[0]! < 1) {
    throw new ForecastError('NOT_ENOUGH_DATA', `A backtest with horizon ${h} and these origins needs more data than the ${n} values in the series.`, {
      length: n,
      h,
      origins: options.origins,
      initial: options.initial,
      step,
    });
  }
  return cutoffs;
}

/**
 * Rolling-origin backtest of `method` (a FitFn or a registry alias such as
 * `auto`). Fits once per origin; the fit never sees data after its cutoff.
 * @throws ForecastError from the fit (e.g. NOT_ENOUGH_DATA at an early origin)
 *   or INVALID_OPTION / INVALID_HORIZON for bad options.
 */
export function backtest(series: Series, method: FitFn | string, options: BacktestOptions): BacktestRow[] {
  const fit = resolveFitFn(method);
  const levels = options.levels ?? [80, 95];
  return backtestCutoffs(series.values.length, options).flatMap((n) => rowsAt(series, fit, n, options.h, levels, options.fitOptions));
}

/** Fit on the first n values and compare the next h (all must exist) with the forecast. */
function rowsAt(series: Series, fit: FitFn, n: number, h: number, levels: number[], fitOptions?: FitOptions): BacktestRow[] {
  const train: Series = { ...series, values: series.values.slice(0, n) };
  const fc = fit(train, fitOptions).forecast(h, { levels });
  const cutoff = addPeriods(series.start, n - 1);
  const rows: BacktestRow[] = [];
  for (let i = 0; i < h; i++) {
    rows.push({
      cutoff,
      trainLength: n,
      period: addPeriods(series.start, n + i),
      h: i + 1,
      actual: series.values[n + i]!,
      mean: fc.mean[i]!,
      intervals: fc.intervals.map((iv) => ({ level: iv.level, lower: iv.lower[i]!, upper: iv.upper[i]! })),
    });
  }
  return rows;
}

/** Accuracy of a set of backtest rows. */
export interface BacktestScores {
  /** Mean over origins of each origin's MASE (scaled on that origin's training data). NaN if undefined. */
  mase: number;
  /** Mean over origins of each origin's sMAPE (0–200). */
  smape: number;
  /** Share (0–1) of actuals inside the interval, per level, over all rows. */
  coverage: Record<number, number>;
  origins: number;
}

/**
 * Summarise backtest rows into MASE, sMAPE and interval coverage. MASE uses
 * the seasonal-naive scale of each origin's own training part, with the
 * series frequency as period.
 */
export function scoreBacktest(series: Series, rows: readonly BacktestRow[]): BacktestScores {
  const byCutoff = new Map<number, BacktestRow[]>();
  for (const r of rows) {
    const list = byCutoff.get(r.trainLength);
    if (list) list.push(r);
    else byCutoff.set(r.trainLength, [r]);
  }
  const maseValues: number[] = [];
  const smapeValues: number[] = [];
  for (const [n, group] of byCutoff) {
    const actual = group.map((r) => r.actual);
    const mean = group.map((r) => r.mean);
    const train = series.values.slice(0, n);
    maseValues.push(train.length > series.frequency ? mase(actual, mean, train, series.frequency) : Number.NaN);
    smapeValues.push(smape(actual, mean));
  }
  const levels = new Set(rows.flatMap((r) => r.intervals.map((iv) => iv.level)));
  const cov: Record<number, number> = {};
  for (const level of levels) {
    const hits = rows.filter((r) => r.intervals.some((iv) => iv.level === level));
    const pick = (r: BacktestRow) => r.intervals.find((iv) => iv.level === level)!;
    cov[level] = coverage(
      hits.map((r) => r.actual),
      hits.map((r) => pick(r).lower),
      hits.map((r) => pick(r).upper),
    );
  }
  return { mase: finiteMean(maseValues), smape: finiteMean(smapeValues), coverage: cov, origins: byCutoff.size };
}

/** What the API shows next to a forecast: backtest accuracy, against naive. */
export interface BacktestSummary {
  /** MASE of the method (NaN when the history is flat or too short; JSON null). */
  mase: number;
  /** sMAPE of the method, 0–200. */
  smape: number;
  /** Share (0–1) of held-out points inside the 80 % interval. */
  coverage80: number;
  /** Share (0–1) of held-out points inside the 95 % interval. */
  coverage95: number;
  /** MASE of the naive forecast (seasonal naive for quarterly/monthly) on the same origins. */
  naiveMase: number;
  naiveSmape: number;
  /** Origins that could be evaluated (0 when the history is too short). */
  origins: number;
  /** Horizon used in the backtest (shorter than the requested one for short series). */
  h: number;
}

export interface BacktestSummaryOptions {
  /** Origins to try, one period apart, ending h before the last value; default 3. Each costs one fit. */
  origins?: number;
  /** Passed to the fit function. */
  fitOptions?: FitOptions;
}

/** Last value, or last season when there is a whole season to repeat. */
function naivePoints(train: readonly number[], frequency: number, h: number): number[] {
  const m = train.length >= frequency ? frequency : 1;
  return Array.from({ length: h }, (_, i) => train[train.length - m + (i % m)]!);
}

/**
 * Cheap rolling-origin accuracy of `method` on the end of the series, with the
 * naive method on the same origins for comparison. Uses up to 3 origins
 * (option `origins`) one period apart and a horizon of min(h, ⌊n/4⌋), so
 * that short annual histories (8–16 points) still get an honest, if rough,
 * figure. Origins at which the method cannot fit (NOT_ENOUGH_DATA) are
 * skipped; `origins` in the result says how many counted.
 */
export function backtestSummary(series: Series, method: FitFn | string, h: number, options: BacktestSummaryOptions = {}): BacktestSummary {
  assertHorizon(h);
  const { fitOptions } = options;
  const origins = options.origins ?? 3;
  wholeAtLeast('origins', origins, 1);
  const fit = resolveFitFn(method);
  const n = series.values.length;
  const hb = Math.max(1, Math.min(h, Math.floor(n / 4)));
  const rows: BacktestRow[] = [];
  const naiveRows: BacktestRow[] = [];
  for (let k = origins - 1; k >= 0; k--) {
    const cut = n - hb - k;
    if (cut < 2) continue;
    let one: BacktestRow[];
    try {
      one = rowsAt(series, fit, cut, hb, [80, 95], fitOptions);
    } catch (err) {
      if (err instanceof ForecastError && err.code === 'NOT_ENOUGH_DATA') continue;
      throw err;
    }
    rows.push(...one);
    const naive = naivePoints(series.values.slice(0, cut), series.frequency, hb);
    naiveRows.push(...one.map((r, i) => ({ ...r, mean: naive[i]!, intervals: [] })));
  }
  if (rows.length === 0) {
    return { mase: NaN, smape: NaN, coverage80: NaN, coverage95: NaN, naiveMase: NaN, naiveSmape: NaN, origins: 0, h: hb };
  }
  const s = scoreBacktest(series, rows);
  const nv = scoreBacktest(series, naiveRows);
  return {
    mase: s.mase,
    smape: s.smape,
    coverage80: s.coverage[80] ?? NaN,
    coverage95: s.coverage[95] ?? NaN,
    naiveMase: nv.mase,
    naiveSmape: nv.smape,
    origins: s.origins,
    h: hb,
  };
}
