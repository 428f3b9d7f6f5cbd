import { adjustmentIndices } from './decompose';
import { nonDecreasing } from './intervals';
import type { FitSpec } from './make-fit';

/**
 * Fit a non-seasonal method to the seasonally adjusted series and
 * reseasonalise its forecasts (the M4 treatment of Theta, SES, Holt, Damped).
 * Adjustment happens only when the M4 seasonality test says so.
 */
export function withSeasonalAdjustment(y: readonly number[], m: number, inner: (values: number[]) => FitSpec): FitSpec {
  const idx = adjustmentIndices(y, m);
  if (!idx) return inner([...y]);
  const adj = y.map((v, t) => v / idx[t % m]);
  const spec = inner(adj);
  const n = y.length;
  const season = (i: number) => idx[(n + i) % m];
  const params: Record<string, number> = { ...spec.params };
  idx.forEach((v, k) => (params[`season${k + 1}`] = v));
  return {
    ...spec,
    fitted: spec.fitted.map((f, t) => f * idx[t % m]),
    params,
    path(h) {
      const p = spec.path(h);
      const sd = nonDecreasing(p.sd);
      return {
        mean: p.mean.map((v, i) => v * season(i)),
        sd: p.logScale ? sd : sd.map((v, i) => v * season(i)),
        logScale: p.logScale,
      };
    },
  };
}
