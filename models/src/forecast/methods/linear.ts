import { linearRegression } from 'simple-statistics';
import { isNonNegative, makeFit } from '../make-fit';
import { assertPositive, checkSeries } from '../series';
import type { Fit, FitFn, Series } from '../types';

/** Least-squares line over t = 0..n−1 with what is needed for prediction intervals. */
export function trendLine(y: readonly number[]) {
  const n = y.length;
  const { m: slope, b: intercept } = linearRegression(y.map((v, t) => [t, v]));
  const fitted = y.map((_, t) => intercept + slope * t);
  const tbar = (n - 1) / 2;
  let sxx = 0;
  let sse = 0;
  for (let t = 0; t < n; t++) {
    sxx += (t - tbar) ** 2;
    sse += (y[t] - fitted[t]) ** 2;
  }
  const s = n > 2 ? Math.sqrt(sse / (n - 2)) : 0;
  /** Prediction standard error at t = n−1+h. */
  const se = (h: number) => s * Math.sqrt(1 + 1 / n + (n - 1 + h - tbar) ** 2 / sxx);
  return { slope, intercept, fitted, s, se, at: (t: number) => intercept + slope * t };
}

/**
 * Linear trend: ordinary least squares on time. Intervals are the analytic
 * regression prediction intervals (normal approximation).
 */
export const fitLinear: FitFn = (series: Series): Fit => {
  const y = checkSeries(series, 3, 'linear trend');
  const n = y.length;
  const line = trendLine(y);
  return makeFit({
    method: 'linear',
    fitted: line.fitted,
    params: { intercept: line.intercept, slope: line.slope, sigma: line.s },
    intervalKind: 'analytic',
    nonNegative: isNonNegative(y),
    path: (h) => ({
      mean: Array.from({ length: h }, (_, i) => line.at(n + i)),
      sd: Array.from({ length: h }, (_, i) => line.se(i + 1)),
    }),
  });
};

/**
 * Log-linear trend: a line on log values, i.e. constant percentage growth.
 * Needs strictly positive values. The mean is the median path exp(a+bt);
 * intervals are analytic on the log scale, so they are asymmetric.
 */
export const fitLoglinear: FitFn = (series: Series): Fit => {
  const y = checkSeries(series, 3, 'log-linear trend');
  assertPositive(y, 'log-linear trend');
  const n = y.length;
  const line = trendLine(y.map(Math.log));
  return makeFit({
    method: 'loglinear',
    fitted: line.fitted.map(Math.exp),
    params: { intercept: line.intercept, growth: Math.expm1(line.slope), sigma: line.s },
    intervalKind: 'analytic',
    nonNegative: true,
    path: (h) => ({
      mean: Array.from({ length: h }, (_, i) => Math.exp(line.at(n + i))),
      sd: Array.from({ length: h }, (_, i) => line.se(i + 1)),
      logScale: true,
    }),
  });
};
