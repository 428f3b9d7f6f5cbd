/**
 * Logit helpers: rates are modelled on the logit scale so that any shift or
 * forecast maps back inside (0, 1).
 */

/** Rates are clamped to [EPS, 1 − EPS] before taking the logit. */
export const RATE_EPS = 1e-6;

export function logit(p: number, eps = RATE_EPS): number {
  const q = Math.min(1 - eps, Math.max(eps, p));
  return Math.log(q / (1 - q));
}

export function expit(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/**
 * The logit shift δ such that Σ weights·expit(logit(shape)+δ) = target, found
 * by bisection (the sum is increasing in δ). Returns ±Infinity when the target
 * is at or beyond what rates of 0 or 1 give: the caller then uses all-0 or
 * all-1 rates. Shape entries must lie in (0, 1).
 */
export function calibrateShift(weights: readonly number[], shape: readonly number[], target: number): number {
  const total = weights.reduce((s, w) => s + w, 0);
  if (target <= 0) return -Infinity;
  if (target >= total) return Infinity;
  const f = (d: number) => {
    let s = 0;
    for (let i = 0; i < weights.length; i++) if (weights[i] > 0) s += weights[i] * expit(logit(shape[i]) + d);
    return s - target;
  };
  let lo = -1;
  let hi = 1;
  while (f(lo) > 0) lo *= 2;
  while (f(hi) < 0) hi *= 2;
  for (let k = 0; k < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo)); k++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Rates from a shape and a shift, honouring the ±Infinity convention of {@link calibrateShift}. */
export function ratesFromShift(shape: readonly number[], delta: number): number[] {
  if (delta === -Infinity) return shape.map(() => 0);
  if (delta === Infinity) return shape.map(() => 1);
  return shape.map((p) => expit(logit(p) + delta));
}
