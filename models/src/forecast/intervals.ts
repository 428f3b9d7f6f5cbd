import { probit } from 'simple-statistics';
import { ForecastError } from './errors';
import type { Forecast, Interval } from './types';

/** Levels used when the caller names none. */
export const DEFAULT_LEVELS = [80, 95];

/** @throws ForecastError INVALID_OPTION unless every level is strictly between 0 and 100. */
export function checkLevels(levels: readonly number[]): number[] {
  for (const level of levels) {
    if (typeof level !== 'number' || !(level > 0 && level < 100)) {
      throw new ForecastError(
        'INVALID_OPTION',
        `An interval level is a percentage strictly between 0 and 100 (such as 80 or 95); got ${String(level)}.`,
        { level },
      );
    }
  }
  return [...levels];
}

/** Two-sided normal multiplier for a level in percent: 95 → 1.96. */
export function zFor(level: number): number {
  return probit(0.5 + level / 200);
}

/**
 * Two-sided Student-t multiplier with `df` degrees of freedom (Cornish–Fisher
 * expansion around the normal quantile, Abramowitz & Stegun 26.7.5; accurate
 * to about 1% for df ≥ 3). Infinite df gives the normal multiplier.
 */
export function tFor(level: number, df: number): number {
  const z = zFor(level);
  if (!Number.isFinite(df)) return z;
  const z3 = z ** 3, z5 = z ** 5, z7 = z ** 7, z9 = z ** 9;
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
      const z = spread.df ? tFor(level, spread.df) : zFor(level);
      let lower: number[];
      let upper: number[];
      if (spread.logScale) {
        lower = mean.map((m, i) => m * Math.exp(-z * sd[i]));
        upper = mean.map((m, i) => m * Math.exp(z * sd[i]));
        // exp() is convex: keep the half-widths themselves monotone too.
        const lo = nonDecreasing(mean.map((m, i) => m - lower[i]));
        const up = nonDecreasing(upper.map((u, i) => u - mean[i]));
        lower = mean.map((m, i) => m - lo[i]);
        upper = mean.map((m, i) => m + up[i]);
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
