import { isNonNegative, makeFit, type FitSpec } from '../make-fit';
import { withSeasonalAdjustment } from '../seasonal';
import { checkSeries } from '../series';
import type { Fit, FitFn, Series } from '../types';
import { fitSmoothing, runFilter, SMOOTH_TREND_GRID, smoothingMean, smoothingSd, type TrendKind } from './smoothing';

/** Fit spec of an exponential-smoothing model on already-adjusted values. */
export function smoothingSpec(y: number[], kind: TrendKind, method: string): FitSpec {
  // Trend models use the smooth-trend grid (β ≤ 0.05α); SES has no β.
  const s = fitSmoothing(y, kind, SMOOTH_TREND_GRID);
  const { fitted } = runFilter(y, s);
  const k = kind === 'none' ? 2 : kind === 'linear' ? 4 : 5;
  const sigma = Math.sqrt(s.sse / Math.max(1, y.length - k));
  const params: Record<string, number> = { alpha: s.alpha, l0: s.l0, sigma };
  if (kind !== 'none') Object.assign(params, { beta: s.beta, b0: s.b0 });
  if (kind === 'damped') params.phi = s.phi;
  return {
    method,
    fitted,
    params,
    intervalKind: 'analytic',
    nonNegative: false,
    path: (h) => ({ mean: smoothingMean(s, h), sd: smoothingSd(s, sigma, h) }),
  };
}

/** Shared body of SES / Holt / damped: validation, seasonal adjustment, fit. */
export function fitSmoothingMethod(series: Series, kind: TrendKind, method: string, label: string, min: number): Fit {
  const y = checkSeries(series, min, label);
  const spec = withSeasonalAdjustment(y, series.frequency, (v) => smoothingSpec(v, kind, method));
  return makeFit({ ...spec, nonNegative: isNonNegative(y) });
}

/**
 * Simple exponential smoothing (ETS(A,N,N)): α and the initial level by least
 * squares. Quarterly/monthly series are seasonally adjusted first when the M4
 * test finds seasonality. Intervals are analytic: σ·√(1 + (h−1)α²).
 */
export const fitSes: FitFn = (series) => fitSmoothingMethod(series, 'none', 'ses', 'simple exponential smoothing', 3);
