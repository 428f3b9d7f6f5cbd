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
  /** Variance-curve summary. */
  sigma2: number;
  gamma: number;
  /** Number of one-step errors behind σ². */
  n1: number;
}

/** Tuned on M3 and tourism training data (see models/bench/tune-auto.ts). */
export const EMPIRICAL = {
  /** Most forecast origins used (the latest ones). */
  maxOrigins: 24,
  /** Fewest values a model is fitted on at the first origin. */
  minTrain: 3,
  /** Overall scale: errors at fixed, in-sample parameters are optimistic. */
  inflate: 1.0,
  /** Small-sample inflation: variance × (1 + smallSample / n1). */
  smallSample: 2,
  /** Bounds and default of the growth exponent γ. */
  gammaMin: 0.5,
  gammaMax: 3,
  gammaDefault: 1.5,
  /** Weight of the default γ, in number of one-step errors (shrinks noisy slopes). */
  gammaPriorWeight: 0,
  /** Student-t degrees of freedom of the bounds: errors have heavier tails than normal. */
  df: 8,
  /** 1: median-based error scale (robust to shocks); 0: root mean square. */
  robust: 0,
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
): RollingErrors {
  const n = y.length;
  const byH: number[][] = Array.from({ length: maxH }, () => []);
  const first = Math.max(EMPIRICAL.minTrain, n - EMPIRICAL.maxOrigins);
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
  const mse = byH.map((v) => meanSquare(v));
  // Weighted least squares of log mse on log h.
  let sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (let i = 0; i < maxH; i++) {
    if (!(counts[i] > 0 && mse[i] > 0)) continue;
    const w = counts[i];
    const x = Math.log(i + 1);
    const v = Math.log(mse[i]);
    sw += w; sx += w * x; sy += w * v; sxx += w * x * x; sxy += w * x * v;
  }
  let gamma = EMPIRICAL.gammaDefault;
  let logS2: number;
  const varX = sxx - (sx * sx) / (sw || 1);
  if (sw > 0 && varX > 1e-9) {
    gamma = (sxy - (sx * sy) / sw) / varX;
    gamma = Math.min(EMPIRICAL.gammaMax, Math.max(EMPIRICAL.gammaMin, gamma));
    const k = EMPIRICAL.gammaPriorWeight;
    gamma = (counts[0] * gamma + k * EMPIRICAL.gammaDefault) / (counts[0] + k);
  }
  if (sw > 0) logS2 = (sy - gamma * sx) / sw;
  else logS2 = Math.log(1e-12);
  return { mse, counts, sigma2: Math.exp(logS2), gamma, n1: counts[0] };
}

/** Spread for horizons 1..h from rolling errors. */
export function empiricalSpread(errors: RollingErrors, mean: number[], h: number, logScale: boolean): Spread {
  const small = 1 + EMPIRICAL.smallSample / Math.max(1, errors.n1);
  const base = EMPIRICAL.inflate * Math.sqrt(errors.sigma2 * small);
  const sd = Array.from({ length: h }, (_, i) => base * Math.pow(i + 1, errors.gamma / 2));
  return { mean, sd, logScale, df: EMPIRICAL.df };
}
