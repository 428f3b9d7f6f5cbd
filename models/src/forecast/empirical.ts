/**
 * Rolling-origin errors of `auto`'s combination (parameters fixed, one filter
 * pass per origin), pooled per horizon into mean squares and summarised by a
 * variance curve v_h = σ²·h^γ (fitted on log scale, weighted by counts, γ
 * shrunk toward 1.5 for yearly and 0.8 for sub-annual data). σ and γ are the
 * per-series inputs of the calibrated intervals in calibration.ts.
 */

export interface RollingErrors {
  /** Mean squared error per horizon step (index 0 = one step ahead). */
  mse: number[];
  counts: number[];
  /** Number of one-step errors behind σ². */
  n1: number;
  /** Length of the series. */
  n: number;
  /** Whether the values were seasonally adjusted with in-sample indices (reported, not used in the scale). */
  seasonal: boolean;
  /** Periods per year of the series. */
  frequency: number;
}

/** Constants of the rolling-origin check and the variance curve. */
export const EMPIRICAL = {
  /** Most forecast origins used (the latest ones). */
  maxOrigins: 24,
  /** Fewest values a model is fitted on at the first origin. */
  minTrain: 3,
  /** …and at least this share of the series: tiny early fits would exaggerate errors. */
  minTrainShare: 0.5,
  /** Bounds and default of the growth exponent γ. */
  gammaMin: 0.5,
  gammaMax: 2,
  gammaDefault: 1.5,
  /** Prior γ for quarterly and monthly data, whose errors grow more slowly with the horizon. */
  gammaDefaultSub: 0.8,
  /** Weight of the default γ, in number of one-step errors (shrinks noisy slopes). */
  gammaPriorWeight: 40,
};

function meanSquare(errors: number[]): number {
  const k = errors.length;
  if (k === 0) return NaN;
  let s = 0;
  for (const e of errors) s += e * e;
  return s / k;
}

/** Rolling-origin errors of `fromOrigin`, on the log scale when `logScale` (positive series). */
export function rollingErrors(
  y: readonly number[],
  fromOrigin: (o: number, h: number) => number[],
  maxH: number,
  logScale: boolean,
  seasonal = false,
  frequency = 1,
): RollingErrors {
  const n = y.length;
  const byH: number[][] = Array.from({ length: maxH }, () => []);
  // Very short series still get at least two origins (from 1 and 2 values on).
  const first = Math.max(1, Math.min(n - 2, Math.max(EMPIRICAL.minTrain, Math.floor(n * EMPIRICAL.minTrainShare), n - EMPIRICAL.maxOrigins)));
  for (let o = first; o < n; o++) {
    const h = Math.min(maxH, n - o);
    const f = fromOrigin(o, h);
    for (let i = 0; i < h; i++) {
      const actual = y[o + i];
      let e: number;
      if (logScale) {
        if (!(f[i] > 0)) continue;
        e = Math.log(actual / f[i]);
      } else e = actual - f[i];
      if (!Number.isFinite(e)) continue;
      byH[i].push(e);
    }
  }
  const counts = byH.map((v) => v.length);
  return { mse: byH.map((v) => meanSquare(v)), counts, n1: counts[0], n, seasonal, frequency };
}

/** Fit v_h = σ²·h^γ to the per-horizon mean squares (weighted least squares on logs). */
export function varianceCurve(errors: RollingErrors): { sigma2: number; gamma: number } {
  const { mse, counts } = errors;
  let sw = 0,
    sx = 0,
    sy = 0,
    sxx = 0,
    sxy = 0;
  for (let i = 0; i < mse.length; i++) {
    if (!(counts[i] > 0 && mse[i] > 0)) continue;
    const w = counts[i];
    const x = Math.log(i + 1);
    const v = Math.log(mse[i]);
    sw += w;
    sx += w * x;
    sy += w * v;
    sxx += w * x * x;
    sxy += w * x * v;
  }
  const prior = errors.frequency > 1 ? EMPIRICAL.gammaDefaultSub : EMPIRICAL.gammaDefault;
  if (sw === 0) return { sigma2: 0, gamma: prior };
  let gamma = prior;
  const varX = sxx - (sx * sx) / sw;
  if (varX > 1e-9) {
    gamma = (sxy - (sx * sy) / sw) / varX;
    gamma = Math.min(EMPIRICAL.gammaMax, Math.max(EMPIRICAL.gammaMin, gamma));
  }
  const k = EMPIRICAL.gammaPriorWeight;
  gamma = (counts[0] * gamma + k * prior) / (counts[0] + k);
  return { sigma2: Math.exp((sy - gamma * sx) / sw), gamma };
}
