import { isNonNegative, makeFit, residualSd } from '../make-fit';
import { checkSeries } from '../series';
import type { Fit, FitFn, Series } from '../types';

/**
 * Drift: the line through the first and last values, extended. Intervals are
 * analytic (random walk with estimated drift): σ·√(h·(1 + h/(n−1))).
 */
export const fitDrift: FitFn = (series: Series): Fit => {
  const y = checkSeries(series, 3, 'drift');
  const n = y.length;
  const slope = (y[n - 1] - y[0]) / (n - 1);
  const fitted = y.map((_, i) => (i === 0 ? NaN : y[i - 1] + slope));
  const sigma = residualSd(y, fitted, 1);
  return makeFit({
    method: 'drift',
    fitted,
    params: { slope, sigma },
    intervalKind: 'analytic',
    nonNegative: isNonNegative(y),
    path: (h) => ({
      mean: Array.from({ length: h }, (_, i) => y[n - 1] + slope * (i + 1)),
      sd: Array.from({ length: h }, (_, i) => sigma * Math.sqrt((i + 1) * (1 + (i + 1) / (n - 1)))),
    }),
  });
};
