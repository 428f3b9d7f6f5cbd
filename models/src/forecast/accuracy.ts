/**
 * Point and interval accuracy measures, as defined in
 * ../shared/benchmarks/PUBLISHED.md §0 (M3/M4/tourism competitions).
 * Every function takes plain arrays aligned by horizon step and returns a
 * per-series value; dataset figures are means of these over series.
 */
import { ForecastError } from './errors';

function checkAligned(name: string, a: readonly number[], b: readonly number[]): void {
  if (a.length !== b.length) {
    throw new ForecastError(
      'INVALID_OPTION',
      `${name}: actual has ${a.length} values but the forecast has ${b.length}; they must be aligned by horizon step.`,
      { actual: a.length, forecast: b.length },
    );
  }
  if (a.length === 0) {
    throw new ForecastError('INVALID_OPTION', `${name}: there are no values to compare.`);
  }
}

function meanOf(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

/** Mean absolute error. */
export function mae(actual: readonly number[], forecast: readonly number[]): number {
  checkAligned('mae', actual, forecast);
  return meanOf(actual.map((y, i) => Math.abs(y - forecast[i]!)));
}

/** Root mean squared error. */
export function rmse(actual: readonly number[], forecast: readonly number[]): number {
  checkAligned('rmse', actual, forecast);
  return Math.sqrt(meanOf(actual.map((y, i) => (y - forecast[i]!) ** 2)));
}

/** Mean absolute percentage error in percent: mean of 100·|y − ŷ| / |y|. Infinite if some y is 0. */
export function mape(actual: readonly number[], forecast: readonly number[]): number {
  checkAligned('mape', actual, forecast);
  return meanOf(actual.map((y, i) => (100 * Math.abs(y - forecast[i]!)) / Math.abs(y)));
}

/**
 * Symmetric MAPE as in M4 (`smape_cal`) and Bergmeir et al. 2016, on a 0–200
 * scale: mean of 200·|y − ŷ| / (|y| + |ŷ|). A step where both are 0 counts as 0
 * (a perfect forecast), rather than NaN.
 */
export function smape(actual: readonly number[], forecast: readonly number[]): number {
  checkAligned('smape', actual, forecast);
  return meanOf(
    actual.map((y, i) => {
      const f = forecast[i]!;
      const d = Math.abs(y) + Math.abs(f);
      return d === 0 ? 0 : (200 * Math.abs(y - f)) / d;
    }),
  );
}

export interface MaseOptions {
  /**
   * Where the seasonal-naive scale is measured. `train` (default) is the
   * standard in-sample scale (M3, M4, Hyndman & Koehler 2006). `train+test`
   * measures it over the whole series, which is what reproduces the published
   * tourism-competition MASE (Athanasopoulos et al. 2011; see PUBLISHED.md).
   */
  scaleOver?: 'train' | 'train+test';
}

/**
 * In-sample mean absolute seasonal difference: (1/(n−m)) Σ_{t>m} |y_t − y_{t−m}|.
 * This is the MASE denominator.
 */
export function naiveScale(values: readonly number[], period = 1): number {
  if (!Number.isInteger(period) || period < 1) {
    throw new ForecastError('INVALID_OPTION', `The seasonal period must be a whole number ≥ 1, not ${period}.`);
  }
  if (values.length <= period) {
    throw new ForecastError('NOT_ENOUGH_DATA', `MASE needs more than ${period} training values to measure the naive scale; got ${values.length}.`, {
      needed: period + 1,
      got: values.length,
    });
  }
  let s = 0;
  for (let t = period; t < values.length; t++) s += Math.abs(values[t]! - values[t - period]!);
  return s / (values.length - period);
}

/**
 * Mean absolute scaled error (Hyndman & Koehler 2006): MAE of the forecast
 * divided by the in-sample MAE of the seasonal-naive method with `period`.
 * Returns NaN when the scale is 0 (a constant training series), so callers
 * can skip the series instead of averaging an infinity.
 */
export function mase(actual: readonly number[], forecast: readonly number[], train: readonly number[], period = 1, options: MaseOptions = {}): number {
  checkAligned('mase', actual, forecast);
  const scaleSeries = options.scaleOver === 'train+test' ? [...train, ...actual] : train;
  const scale = naiveScale(scaleSeries, period);
  if (scale === 0) return Number.NaN;
  return mae(actual, forecast) / scale;
}

/** Share (0–1) of actual values that fall inside [lower, upper], bounds included. */
export function coverage(actual: readonly number[], lower: readonly number[], upper: readonly number[]): number {
  checkAligned('coverage', actual, lower);
  checkAligned('coverage', actual, upper);
  let inside = 0;
  actual.forEach((y, i) => {
    if (y >= lower[i]! && y <= upper[i]!) inside++;
  });
  return inside / actual.length;
}

/**
 * Mean Winkler (interval) score at `level` percent: width, plus a penalty of
 * (2/α)·distance for each point outside the interval, α = 1 − level/100.
 * Lower is better; it rewards narrow intervals only if they still cover.
 */
export function winkler(actual: readonly number[], lower: readonly number[], upper: readonly number[], level: number): number {
  if (!(level > 0 && level < 100)) {
    throw new ForecastError('INVALID_OPTION', `The interval level must be between 0 and 100 percent, not ${level}.`);
  }
  checkAligned('winkler', actual, lower);
  checkAligned('winkler', actual, upper);
  const alpha = 1 - level / 100;
  return meanOf(
    actual.map((y, i) => {
      const l = lower[i]!;
      const u = upper[i]!;
      const width = u - l;
      if (y < l) return width + (2 / alpha) * (l - y);
      if (y > u) return width + (2 / alpha) * (y - u);
      return width;
    }),
  );
}

/** Dataset-level MASE and sMAPE of one method. */
export interface MethodScore {
  mase: number;
  smape: number;
}

/**
 * Overall weighted average (M4): ½·(MASE / MASE_Naive2 + sMAPE / sMAPE_Naive2),
 * a ratio of dataset means computed once for the whole set (not per series).
 * Below 1 means better than Naive2.
 */
export function owa(method: MethodScore, naive2: MethodScore): number {
  return 0.5 * (method.mase / naive2.mase + method.smape / naive2.smape);
}

/** Mean of the finite values (NaN if none), for averaging per-series scores. */
export function finiteMean(values: readonly number[]): number {
  let s = 0;
  let n = 0;
  for (const v of values) {
    if (Number.isFinite(v)) {
      s += v;
      n++;
    }
  }
  return n === 0 ? Number.NaN : s / n;
}
