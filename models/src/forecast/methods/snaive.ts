import { isNonNegative, makeFit, residualSd } from '../make-fit';
import { checkSeries } from '../series';
import type { Fit, FitFn, Series } from '../types';

/**
 * Seasonal naive: each future period repeats the same period of the last observed season
 * (for yearly data this is the naive method). Intervals are analytic: σ·√(⌊(h−1)/m⌋+1).
 */
export const fitSnaive: FitFn = (series: Series): Fit => {
  const m = series.frequency;
  const y = checkSeries(series, m + 1, 'seasonal naive');
  const n = y.length;
  const fitted = y.map((_, i) => (i < m ? NaN : y[i - m]));
  const sigma = residualSd(y, fitted);
  return makeFit({
    method: 'snaive',
    fitted,
    params: { sigma, period: m },
    intervalKind: 'analytic',
    nonNegative: isNonNegative(y),
    path: (h) => ({
      mean: Array.from({ length: h }, (_, i) => y[n - m + (i % m)]),
      sd: Array.from({ length: h }, (_, i) => sigma * Math.sqrt(Math.floor(i / m) + 1)),
    }),
  });
};
