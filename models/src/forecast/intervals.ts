import { ForecastError } from './errors';
import type { Forecast, Interval } from './types';

/** Levels used when the caller names none. */
export const DEFAULT_LEVELS = [80, 95];

/** @throws ForecastError INVALID_OPTION unless every level is strictly between 0 and 100. */
export function checkLevels(levels: readonly number[]): number[] {
  for (const level of levels) {
    if (typeof level !== 'number' || !(level > 0 && level < 100)) {
      throw new ForecastError('INVALID_OPTION', `An interval level is a percentage strictly between 0 and 100 (such as 80 or 95); got ${String(level)}.`, {
        level,
      });
    }
  }
  return [...levels];
}

/**
 * Standard normal quantile (Acklam's rational approximation, relative error
 * < 1.2e-9). simple-statistics' `probit` is only good to about 3 decimals
 * (1.957 for 97.5%), too coarse for interval bounds.
 */
export function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - lo) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/** Two-sided normal multiplier for a level in percent: 95 → 1.96. */
export function zFor(level: number): number {
  return normalQuantile(0.5 + level / 200);
}

/**
 * Two-sided Student-t multiplier with `df` degrees of freedom (Cornish–Fisher
 * expansion around the normal quantile, Abramowitz & Stegun 26.7.5; accurate
 * to about 1% for df ≥ 3). Infinite df gives the normal multiplier.
 */
export function tFor(level: number, df: number): number {
  const z = zFor(level);
  if (!Number.isFinite(df)) return z;
  const z3 = z ** 3,
    z5 = z ** 5,
    z7 = z ** 7,
    z9 = z ** 9;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3) +
    (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * df ** 4)
  );
}

/** Running maximum, so that a spread never shrinks as the horizon grows. */
export function nonDecreasing(values: readonly number[]): number[] {
  const out = new Array<number>(values.length);
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const v = Number.isFinite(values[i]) ? values[i] : max;
    max = Math.max(max, v);
    out[i] = max;
  }
  return out;
}

/** What a method knows about its forecast distribution at each step. */
export interface Spread {
  mean: number[];
  /** Standard deviation of the forecast error per step (additive scale). */
  sd: number[];
  /**
   * When set, `sd` is on the log scale and bounds are `mean·exp(±z·sd)`:
   * asymmetric and positive, which suits growing, strictly positive series.
   */
  logScale?: boolean;
  /** Degrees of freedom for Student-t multipliers (heavier tails); normal when absent. */
  df?: number;
  /**
   * Multiplier of `sd` for a level in percent, when calibrated rather than
   * normal or Student-t (auto's conformal quantiles). Must increase with the level.
   */
  multiplier?: (level: number) => number;
  /**
   * Seasonal factor of each step's mean (multiplicative, about 1), for
   * seasonally adjusted forecasts. Half-widths are then made non-decreasing
   * after dividing by it: a low season a year later is not forced to be as
   * wide as this year's high season, but every step is at least as wide as
   * the same season a year earlier (widths never narrow, season for season).
   */
  season?: number[];
}

/**
 * Turn point forecasts and error spreads into the shared `Forecast` shape.
 * Half-widths are made non-decreasing with the horizon and, because bounds are
 * symmetric in z, a wider level always contains a narrower one.
 * With `nonNegative`, the mean and the lower bounds are capped at 0.
 */
export function toForecast(spread: Spread, levels: readonly number[], nonNegative = false): Forecast {
  const sd = nonDecreasing(spread.sd);
  const mean = nonNegative ? spread.mean.map((v) => Math.max(0, v)) : [...spread.mean];
  const intervals: Interval[] = [...levels]
    .sort((a, b) => a - b)
    .map((level) => {
      const z = spread.multiplier ? spread.multiplier(level) : spread.df ? tFor(level, spread.df) : zFor(level);
      let lower: number[];
      let upper: number[];
      if (spread.logScale) {
        lower = mean.map((m, i) => m * Math.exp(-z * sd[i]));
        upper = mean.map((m, i) => m * Math.exp(z * sd[i]));
        // exp() is convex: keep the half-widths themselves monotone too (on the adjusted scale).
        const f = (i: number) => spread.season?.[i] ?? 1;
        const lo = nonDecreasing(mean.map((m, i) => (m - lower[i]) / f(i)));
        const up = nonDecreasing(upper.map((u, i) => (u - mean[i]) / f(i)));
        lower = mean.map((m, i) => m - lo[i] * f(i));
        upper = mean.map((m, i) => m + up[i] * f(i));
      } else {
        lower = mean.map((m, i) => m - z * sd[i]);
        upper = mean.map((m, i) => m + z * sd[i]);
      }
      if (nonNegative) lower = lower.map((v) => Math.max(0, v));
      return { level, lower, upper };
    });
  // Keep the caller's order of levels.
  const byLevel = new Map(intervals.map((iv) => [iv.level, iv]));
  return { mean, intervals: levels.map((l) => byLevel.get(l)!) };
}
