/**
 * Additive log-ratio (alr) helpers of the share model: shares of a whole are
 * moved to z_k = ln(s_k / s_ref), forecast there without any bound, and mapped
 * back with the softmax s_k = e^{z_k} / Σ_j e^{z_j} (z_ref = 0), so every share is
 * in (0, 1) and they add up to 1 whatever the forecast does.
 */

/** Largest |z| kept before the softmax: e^-600 ≈ 1e-261 is still > 0 in doubles. */
const Z_LIMIT = 600;

/**
 * Shares from log-ratios, in the same order as `z` (the reference's entry is 0).
 * The max is subtracted first so large ratios do not overflow, and |z| is
 * clipped at 600 so no share underflows to exactly 0.
 */
export function softmax(z: readonly number[]): number[] {
  const clipped = z.map((v) => Math.max(-Z_LIMIT, Math.min(Z_LIMIT, v)));
  const m = Math.max(...clipped);
  const e = clipped.map((v) => Math.exp(v - m));
  let sum = 0;
  for (const v of e) sum += v;
  return e.map((v) => v / sum);
}

/** ln(s / sRef) for each share of one year. Shares must be > 0. */
export function logRatios(shares: readonly number[], ref: number): number[] {
  const lr = Math.log(shares[ref]!);
  return shares.map((s) => Math.log(s) - lr);
}

/**
 * Yearly log-ratio drift allowed by the bounded-change rule.
 *
 * If every log-ratio stays within ±a of its base value (the reference's is
 * always 0), the softmax denominator moves by at most a factor e^a, so every
 * share stays within [e^-2a, e^2a] times its base share. Capping the drift at
 * ρ = ln(1 / minRetention) / (2 × years) per year therefore guarantees that
 * no share falls below `minRetention` (20 %) of its base share, nor rises above
 * 1 / minRetention (5×) of it, within `years` (10) years; with the defaults
 * ρ = ln 5 / 20 ≈ 0.080, i.e. about 8 % a year of relative change. The factor
 * (1 − 1e-9) keeps the bound strict under rounding.
 */
export function driftCapPerYear(minRetention = 0.2, years = 10): number {
  if (!(minRetention > 0 && minRetention < 1)) throw new Error(`minRetention must be in (0, 1); got ${minRetention}.`);
  if (!(years > 0)) throw new Error(`years must be > 0; got ${years}.`);
  return (Math.log(1 / minRetention) / (2 * years)) * (1 - 1e-9);
}

/** Clamp a forecast log-ratio path to base ± ρ·j at step j (1-based). */
export function capPath(path: readonly number[], base: number, rho: number): number[] {
  return path.map((v, i) => clampStep(v, base, rho, i + 1));
}

/** Clamp one value at step `step` (1-based) to base ± ρ·step. */
export function clampStep(v: number, base: number, rho: number, step: number): number {
  const d = rho * step;
  return Math.max(base - d, Math.min(base + d, v));
}

/**
 * Replace zeros of a part that is positive in some years by a floor of half its
 * smallest positive share, so its logarithm exists. Returns the floored values
 * and the floor (0 when the part had no zeros). A part that is 0 in every year
 * is not floored: the caller keeps it at exactly 0.
 */
export function floorZeros(shares: readonly number[]): { values: number[]; floor: number } {
  const positive = shares.filter((s) => s > 0);
  if (positive.length === 0 || positive.length === shares.length) return { values: [...shares], floor: 0 };
  const floor = Math.min(...positive) / 2;
  return { values: shares.map((s) => (s > 0 ? s : floor)), floor };
}
