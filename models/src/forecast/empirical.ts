/**
 * Empirical prediction intervals from rolling-origin errors. Errors are
 * pooled per horizon into mean squares, then summarised by a variance curve
 * v_h = σ²·h^γ (fitted on log scale, weighted by counts), so any horizon
 * can be asked for, even beyond what the history could test.
 */
import type { Spread } from './intervals';

export interface RollingErrors {
  /** Mean squared error per horizon step (index 0 = one step ahead). */
  mse: number[];
  counts: number[];
  /** Number of one-step errors behind σ². */
  n1: number;
  /** Length of the series. */
  n: number;
  /** Whether the values were seasonally adjusted with in-sample indices. */
  seasonal: boolean;
}

/** Tuned on M3 and tourism training data (see models/bench/tune-auto.ts). */
export const EMPIRICAL = {
  /** Most forecast origins used (the latest ones). */
  maxOrigins: 24,
  /** Fewest values a model is fitted on at the first origin. */
  minTrain: 3,
  /** …and at least this share of the series: tiny early fits would exaggerate errors. */
  minTrainShare: 0.5,
  /** Overall scale: errors at fixed, in-sample parameters are optimistic. */
  inflate: 0.85,
  /** Small-sample inflation: variance × (1 + smallSample / n1). */
  smallSample: 2,
  /** Bounds and default of the growth exponent γ. */
  gammaMin: 0.5,
  gammaMax: 2,
  gammaDefault: 1.5,
  /** Weight of the default γ, in number of one-step errors (shrinks noisy slopes). */
  gammaPriorWeight: 40,
  /** Student-t degrees of freedom of the bounds: errors have heavier tails than normal. */
  df: 5,
  /** 1: median-based error scale (robust to shocks); 0: root mean square. */
  robust: 0,
  /** df = clamp(n1 − dfLag, dfMin, df). */
  dfMin: 5,
  dfLag: 1,
  /** Scale × (lengthRef/n)^lengthPower: short histories understate, long ones overstate, future errors. */
  lengthRef: 30,
  lengthPower: 0.35,
  /** Largest log-scale standard deviation (bounds at most ×exp(t·maxLogSd) around the mean). */
  maxLogSd: 0.5,
  /** Extra scale when seasonal indices were estimated on the same data the errors come from. */
  seasonalInflate: 1.25,
};

/**
 * Scale² of errors: with `robust`, (median |e| / 0.6745)², which ignores a few
 * shocks (a crisis year) in the history; else the plain mean square.
 */
function meanSquare(errors: number[]): number {
  const k = errors.length;
  if (k === 0) return NaN;
  if (EMPIRICAL.robust) {
    const a = errors.map(Math.abs).sort((x, y) => x - y);
    const med = k % 2 ? a[(k - 1) / 2] : 0.5 * (a[k / 2 - 1] + a[k / 2]);
    return (med / 0.6745) ** 2;
  }
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
  return { mse: byH.map((v) => meanSquare(v)), counts, n1: counts[0], n, seasonal };
}

/** Fit v_h = σ²·h^γ to the per-horizon mean squares (weighted least squares on logs). */
export function varianceCurve(errors: RollingErrors): { sigma2: number; gamma: number } {
  const { mse, counts } = errors;
  let sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (let i = 0; i < mse.length; i++) {
    if (!(counts[i] > 0 && mse[i] > 0)) continue;
    const w = counts[i];
    const x = Math.log(i + 1);
    const v = Math.log(mse[i]);
    sw += w; sx += w * x; sy += w * v; sxx += w * x * x; sxy += w * x * v;
  }
  if (sw === 0) return { sigma2: 0, gamma: EMPIRICAL.gammaDefault };
  let gamma = EMPIRICAL.gammaDefault;
  const varX = sxx - (sx * sx) / sw;
  if (varX > 1e-9) {
    gamma = (sxy - (sx * sy) / sw) / varX;
    gamma = Math.min(EMPIRICAL.gammaMax, Math.max(EMPIRICAL.gammaMin, gamma));
  }
  const k = EMPIRICAL.gammaPriorWeight;
  gamma = (counts[0] * gamma + k * EMPIRICAL.gammaDefault) / (counts[0] + k);
  return { sigma2: Math.exp((sy - gamma * sx) / sw), gamma };
}

/** Spread for horizons 1..h from rolling errors. */
export function empiricalSpread(errors: RollingErrors, mean: number[], h: number, logScale: boolean): Spread {
  const { sigma2, gamma } = varianceCurve(errors);
  const small = 1 + EMPIRICAL.smallSample / Math.max(1, errors.n1);
  const base = EMPIRICAL.inflate * Math.sqrt(sigma2 * small) * Math.pow(EMPIRICAL.lengthRef / errors.n, EMPIRICAL.lengthPower) *
    (errors.seasonal ? EMPIRICAL.seasonalInflate : 1);
  // On the log scale a huge spread turns into absurd bounds (×1000): cap it.
  const cap = logScale ? EMPIRICAL.maxLogSd : Infinity;
  const sd = Array.from({ length: h }, (_, i) => Math.min(cap, base * Math.pow(i + 1, gamma / 2)));
  // Few errors → uncertain scale → heavier tails (Student t with df from the error count).
  const df = Math.min(EMPIRICAL.df, Math.max(EMPIRICAL.dfMin, errors.n1 - EMPIRICAL.dfLag));
  return { mean, sd, logScale, df };
}
