/**
 * Empirical prediction intervals from rolling-origin errors. Errors are
 * pooled per horizon into mean squares, then summarised by a variance curve
 * v_h = σ²·h^γ (fitted on log scale, weighted by counts, γ shrunk toward
 * 1.5 for yearly and 0.8 for sub-annual data), so any horizon can be asked
 * for, even beyond what the history could test.
 *
 * sd_h = 0.85 · σ · √(1 + 2/n₁) · (30/n)^0.35 · [1.2 if quarterly/monthly] · h^(γ/2),
 * bounds from Student-t(5) multipliers, log-scale sd capped at 0.5.
 * The constants were calibrated so that 80% and 95% intervals cover 76–84%
 * and 92–97% of test points on each of M3 yearly/quarterly and tourism
 * yearly/quarterly (models/bench/tune-intervals.ts).
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
  /** Whether the values were seasonally adjusted with in-sample indices (reported, not used in the scale). */
  seasonal: boolean;
  /** Periods per year of the series. */
  frequency: number;
}

/** Calibrated constants (see the module comment). Mutated only by the bench tuning scripts. */
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
  /** Prior γ for quarterly and monthly data, whose errors grow more slowly with the horizon. */
  gammaDefaultSub: 0.8,
  /** Extra scale for quarterly and monthly data (in-sample seasonal indices flatter their errors). */
  inflateSub: 1.2,
  /** Weight of the default γ, in number of one-step errors (shrinks noisy slopes). */
  gammaPriorWeight: 40,
  /** Student-t degrees of freedom of the bounds: errors have heavier tails than normal. */
  df: 5,
  /** Scale × (lengthRef/n)^lengthPower: short histories understate, long ones overstate, future errors. */
  lengthRef: 30,
  lengthPower: 0.35,
  /** Largest log-scale standard deviation (bounds at most ×exp(t·maxLogSd) around the mean). */
  maxLogSd: 0.5,
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
  let sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (let i = 0; i < mse.length; i++) {
    if (!(counts[i] > 0 && mse[i] > 0)) continue;
    const w = counts[i];
    const x = Math.log(i + 1);
    const v = Math.log(mse[i]);
    sw += w; sx += w * x; sy += w * v; sxx += w * x * x; sxy += w * x * v;
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

/** Spread for horizons 1..h from rolling errors (`curve`: their variance curve, if already fitted). */
export function empiricalSpread(
  errors: RollingErrors,
  mean: number[],
  h: number,
  logScale: boolean,
  curve: { sigma2: number; gamma: number } = varianceCurve(errors),
): Spread {
  const { sigma2, gamma } = curve;
  const small = 1 + EMPIRICAL.smallSample / Math.max(1, errors.n1);
  const base = EMPIRICAL.inflate * Math.sqrt(sigma2 * small) * Math.pow(EMPIRICAL.lengthRef / errors.n, EMPIRICAL.lengthPower) *
    (errors.frequency > 1 ? EMPIRICAL.inflateSub : 1);
  // On the log scale a huge spread turns into absurd bounds (×1000): cap it.
  const cap = logScale ? EMPIRICAL.maxLogSd : Infinity;
  const sd = Array.from({ length: h }, (_, i) => Math.min(cap, base * Math.pow(i + 1, gamma / 2)));
  return { mean, sd, logScale, df: EMPIRICAL.df };
}
