import { isNonNegative, makeFit, residualSd, type FitSpec } from '../make-fit';
import { withSeasonalAdjustment } from '../seasonal';
import { checkSeries } from '../series';
import type { Fit, FitFn, Series } from '../types';
import { trendLine } from './linear';
import { fitSmoothing, runFilter } from './smoothing';

/** Classic Theta on already-adjusted values. */
export function thetaSpec(y: number[]): FitSpec {
  const n = y.length;
  const line = trendLine(y);
  // θ = 2 line: doubles the local curvature; smoothed by SES.
  const theta2 = y.map((v, t) => 2 * v - line.fitted[t]);
  const s = fitSmoothing(theta2, 'none');
  const run = runFilter(theta2, s);
  const fitted = run.fitted.map((f, t) => 0.5 * f + 0.5 * line.fitted[t]);
  const sigma = residualSd(y, fitted, 3);
  return {
    method: 'theta',
    fitted,
    params: { alpha: s.alpha, slope: line.slope, sigma },
    intervalKind: 'analytic',
    nonNegative: false,
    path: (h) => ({
      mean: Array.from({ length: h }, (_, i) => 0.5 * line.at(n + i) + 0.5 * run.level),
      // SES-with-drift approximation (Hyndman & Billah 2003).
      sd: Array.from({ length: h }, (_, i) => sigma * Math.sqrt(1 + i * s.alpha * s.alpha)),
    }),
  };
}

/**
 * Classic Theta (Assimakopoulos & Nikolopoulos 2000, as in the M4 benchmarks):
 * the θ=2 line smoothed by SES, combined 50/50 with the linear trend; seasonal
 * series are adjusted by classical multiplicative decomposition when the ACF
 * test says so. Negative forecasts of non-negative series are set to 0.
 */
export const fitTheta: FitFn = (series: Series): Fit => {
  const y = checkSeries(series, 4, 'Theta');
  const spec = withSeasonalAdjustment(y, series.frequency, thetaSpec);
  return makeFit({ ...spec, nonNegative: isNonNegative(y) });
};
