/**
 * Research candidates for issue 14 (tune-candidates.ts): the Optimised Theta
 * Method family (Fiorucci et al. 2016, IJF 32(4)). With a, b the least-squares
 * line on t = 0..n−1 and ℓ_n the SES level of the theta line
 * Z_t = θ·y_t + (1 − θ)·(a + b·t):
 *   ŷ_{n+h} = (1 − 1/θ)·(a + b·(n − 1 + h)) + ℓ_n / θ.
 * θ = 2 is `thetaCandidate` (auto-candidates.ts), θ = 1 is SES. As there, α is
 * fitted once on the full series (parameters fixed); from an origin o the line
 * and the SES level (with its best initial value) are recomputed on y[0..o−1].
 * Not used by the engine.
 */
import { thetaCandidate, type Candidate } from '../src/forecast/auto-candidates';
import { concentratedSse, fitSmoothing, runFilter, SMOOTHING_GRID, smoothingMean, type SmoothingGrid, type TrendKind } from '../src/forecast/methods/smoothing';

/** The θ grid of the optimised variants. */
export const THETA_GRID = [1, 1.5, 2, 2.5, 3, 4] as const;

/** A theta candidate with its in-sample one-step SSE on the theta line (full fit). */
export interface ThetaFit extends Candidate {
  theta: number;
  /** One-step SSE of the SES on Z (full series, best initial level). */
  zSse: number;
}

/** Theta method with a fixed θ ≥ 1: the engine's own `thetaCandidate` with that θ. */
export function thetaK(y: readonly number[], theta: number, method: string): ThetaFit {
  const c = thetaCandidate(y, theta, method);
  return { method, theta, zSse: c.sse, mean: c.mean, fromOrigin: c.fromOrigin };
}

/**
 * θ picked per series from THETA_GRID by in-sample one-step MSE:
 * 'z' — of the SES on the theta line itself (grows with θ, favours small θ);
 * 'y' — of the implied forecasts of y, which is the Z error divided by θ
 *   (y_t − ŷ_t = (Z_t − ℓ_{t−1})/θ), i.e. Fiorucci's OTM criterion with a, b fixed.
 * θ then stays fixed from every origin, as α does.
 */
export function othetaMse(y: readonly number[], kind: 'z' | 'y', method: string): ThetaFit {
  let best: ThetaFit | null = null,
    bestErr = Infinity;
  for (const th of THETA_GRID) {
    const c = thetaK(y, th, method);
    const err = kind === 'z' ? c.zSse : c.zSse / (th * th);
    if (err < bestErr * (1 - 1e-12)) {
      best = c;
      bestErr = err;
    }
  }
  return best!;
}

/** `auto`'s CV_ORIGINS (auto.ts, not exported). */
const CV_ORIGINS = 6;

/** Rolling-origin error of `c` as `cvError` (auto.ts) computes it, but on the prefix y[0..end−1] only. */
function prefixCv(c: Candidate, y: readonly number[], end: number, maxH: number, origins: number): number {
  let sum = 0,
    count = 0;
  for (let o = Math.max(2, end - maxH - origins); o < end; o++) {
    const f = c.fromOrigin(o, Math.min(maxH, end - o));
    for (let i = 0; i < f.length; i++) {
      const d = Math.abs(y[o + i]!) + Math.abs(f[i]!);
      const r = d > 0 ? Math.abs(y[o + i]! - f[i]!) / d : 0;
      sum += Number.isFinite(r) ? r : 1;
      count++;
    }
  }
  return count ? sum / count : 0;
}

/**
 * θ picked from THETA_GRID by the rolling-origin error `auto` ranks with
 * (`cvError`, same maxH). From origin o the pick is redone on y[0..o−1] only
 * (same window length), so the candidate's own rolling-origin error is not
 * the minimum it was selected by.
 */
export function othetaCv(y: readonly number[], maxH: number, method: string): Candidate & { theta: number } {
  const cands = THETA_GRID.map((th) => thetaK(y, th, method));
  const pick = (end: number) => {
    let best = cands[0]!,
      bestErr = Infinity;
    for (const c of cands) {
      const e = prefixCv(c, y, end, maxH, CV_ORIGINS);
      if (e < bestErr * (1 - 1e-12)) {
        best = c;
        bestErr = e;
      }
    }
    return best;
  };
  const chosen = pick(y.length);
  const memo = new Map<number, ThetaFit>();
  return {
    method,
    theta: chosen.theta,
    mean: (h) => chosen.mean(h),
    fromOrigin: (o, h) => {
      if (!memo.has(o)) memo.set(o, pick(o));
      return memo.get(o)!.fromOrigin(o, h);
    },
  };
}

/**
 * Control for `othetaZ` (which always picks θ = 1, i.e. SES): SES / Holt /
 * damped with the full fit's α, β, φ, but from origin o the initial states are
 * re-estimated on y[0..o−1] (concentrated least squares), as `thetaK` does,
 * instead of kept from the full fit as `smoothingCandidate` keeps them. Same
 * final forecast; only the rolling-origin error (the ranking) changes.
 */
export function smoothingPrefix(y: readonly number[], kind: TrendKind, method: string, grid: SmoothingGrid = SMOOTHING_GRID): Candidate {
  const s = fitSmoothing(y, kind, grid);
  const trend = kind !== 'none';
  const at = (o: number, h: number) => {
    const p = y.slice(0, o);
    const { l0, b0 } = o === y.length ? s : concentratedSse(p, s.alpha, s.beta, s.phi, trend);
    const r = runFilter(p, { alpha: s.alpha, beta: s.beta, phi: s.phi, l0, b0 });
    return smoothingMean({ ...s, level: r.level, slope: r.slope }, h);
  };
  return { method, mean: (h) => at(y.length, h), fromOrigin: at };
}
