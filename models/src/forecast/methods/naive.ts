import { isNonNegative, makeFit, residualSd } from '../make-fit';
import { checkSeries } from '../series';
import type { Fit, FitFn, Series } from '../types';

/**
 * Naive: every future value equals the last observed one.
 * Intervals are analytic (random walk): σ·√h, σ from one-step differences.
 */
export const fitNaive: FitFn = (series: Series): Fit => {
  const y = checkSeries(series, 2, 'naive');
  const n = y.length;
  const last = y[n - 1];
  const fitted = y.map((_, i) => (i === 0 ? NaN : y[i - 1]));
  const sigma = residualSd(y, fitted);
  return makeFit({
    method: 'naive',
    fitted,
    params: { sigma },
    intervalKind: 'analytic',
    nonNegative: isNonNegative(y),
    path: (h) => ({
      mean: Array.from({ length: h }, () => last),
      sd: Array.from({ length: h }, (_, i) => sigma * Math.sqrt(i + 1)),
    }),
  });
};
