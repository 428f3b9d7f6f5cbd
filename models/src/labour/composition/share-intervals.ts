/**
 * Share intervals from log-ratio forecasts, two ways; both give bounds that are
 * shares in [0, 1] and contain the mean share.
 *
 * - `delta` (default, fast, O(K) per step): the delta method in log-share
 *   space. With s = softmax(z), ln s_k = z_k − ln Σ e^{z_j}, so
 *   Var(ln s_k) ≈ (1 − s_k)² σ_k² + Σ_{j≠k} s_j² σ_j² (log-ratios independent,
 *   the reference has none of its own); the bound is s_k · e^{∓z·sd}, using the
 *   lower spreads of the part's own log-ratio and the upper ones of the others
 *   for its lower bound (and the reverse). Each log-ratio interval is first
 *   moved to the capped mean and clamped to the cap band (as the simulation's
 *   draws are); bounds are then kept inside base · e^{±2ρt} and [0, 1].
 * - `simulate`: draws log-ratios, maps each draw through the softmax and takes
 *   quantiles; about 100 times slower, for checks.
 *
 * Assumptions (for the methodology page): each log-ratio's forecast at a step
 * is a split normal whose lower and upper spreads are the interval's
 * half-widths ÷ z (per level for `delta`, from the widest level for
 * `simulate`); log-ratios are independent of each other.
 */
import { mulberry32 } from '../../forecast/prng';
import { zFor } from '../../forecast/intervals';
import type { PathInterval, PathForecast } from './forecaster';
import { clampStep, softmax } from './log-ratio';

export interface ShareIntervalInput {
  /** Capped mean log-ratio path of every part, reference included (all 0). */
  means: number[][];
  /** PathForecaster output of every part (null for the reference). */
  raw: (PathForecast | null)[];
  /** Base log-ratio of every part (for the cap). */
  base: number[];
  /** Yearly drift cap, or null for none. */
  rho: number | null;
  /** Mean shares of every part at each step, kept inside the bounds. */
  meanShares: number[][];
  /** Base share of every part (for the bounded-change band of `delta`). */
  baseShares: number[];
  levels: number[];
  simulations: number;
  seed: number;
}

/** Standard normal draws (Box–Muller) from a seeded uniform generator. */
function normalSampler(seed: number): () => number {
  const u = mulberry32(seed);
  return () => {
    const a = Math.max(u(), 1e-300);
    return Math.sqrt(-2 * Math.log(a)) * Math.cos(2 * Math.PI * u());
  };
}

function quantile(sorted: Float64Array, p: number): number {
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Split-normal spreads (σ below, σ above) of one part at one step, from the interval at `level` (default: the widest). */
function spreads(r: PathForecast, step: number, level?: number): [number, number] {
  const ivs = r.intervals ?? [];
  const iv =
    level === undefined ? ivs.reduce<PathInterval | null>((w, x) => (w && w.level >= x.level ? w : x), null) : (ivs.find((x) => x.level === level) ?? null);
  if (!iv) return [0, 0];
  const z = zFor(iv.level);
  const m = r.mean[step]!;
  return [Math.max(0, m - iv.lower[step]!) / z, Math.max(0, iv.upper[step]! - m) / z];
}

/**
 * Spreads of a log-ratio after the cap: the forecaster's interval is moved to
 * the capped mean and clamped to the band base ± ρ·step, as the simulation's
 * clamped draws are, so both methods describe the same capped forecast.
 */
function cappedSpreads(r: PathForecast, j: number, level: number, cm: number, base: number, rho: number | null, z: number): [number, number] {
  const [lo, hi] = spreads(r, j, level);
  if (rho === null) return [lo, hi];
  const d = rho * (j + 1);
  const lower = Math.max(base - d, cm - z * lo);
  const upper = Math.min(base + d, cm + z * hi);
  return [Math.max(0, cm - lower) / z, Math.max(0, upper - cm) / z];
}

/** Share intervals per part by the delta method (see the file comment). */
export function deltaShareIntervals(input: ShareIntervalInput): PathInterval[][] {
  const { raw, rho, meanShares, baseShares, levels } = input;
  const k = raw.length;
  const h = meanShares[0]?.length ?? 0;
  const out: PathInterval[][] = raw.map(() => levels.map((level) => ({ level, lower: new Array<number>(h), upper: new Array<number>(h) })));
  levels.forEach((level, li) => {
    const z = zFor(level);
    for (let j = 0; j < h; j++) {
      const sig = raw.map((r, q) => (r ? cappedSpreads(r, j, level, input.means[q]![j]!, input.base[q]!, rho, z) : ([0, 0] as [number, number])));
      const s = meanShares.map((path) => path[j]!);
      // When part p falls the others rise (their upper spread counts), and vice versa.
      let allUp = 0;
      let allLo = 0;
      for (let q = 0; q < k; q++) {
        allUp += (s[q]! * sig[q]![1]) ** 2;
        allLo += (s[q]! * sig[q]![0]) ** 2;
      }
      for (let p = 0; p < k; p++) {
        const othersUp = Math.max(0, allUp - (s[p]! * sig[p]![1]) ** 2);
        const othersLo = Math.max(0, allLo - (s[p]! * sig[p]![0]) ** 2);
        const own = 1 - s[p]!;
        let lo = s[p]! * Math.exp(-z * Math.sqrt((own * sig[p]![0]) ** 2 + othersUp));
        let hi = Math.min(1, s[p]! * Math.exp(z * Math.sqrt((own * sig[p]![1]) ** 2 + othersLo)));
        if (rho !== null) {
          lo = Math.max(lo, baseShares[p]! * Math.exp(-2 * rho * (j + 1)));
          hi = Math.min(hi, baseShares[p]! * Math.exp(2 * rho * (j + 1)));
        }
        out[p]![li]!.lower[j] = Math.min(s[p]!, lo);
        out[p]![li]!.upper[j] = Math.max(s[p]!, hi);
      }
    }
  });
  return out;
}

/** Share intervals per part: one list of {level, lower, upper} per part. */
export function simulateShareIntervals(input: ShareIntervalInput): PathInterval[][] {
  const { means, raw, base, rho, meanShares, levels, simulations } = input;
  const k = means.length;
  const h = means[0]?.length ?? 0;
  const draw = normalSampler(input.seed);
  const out: PathInterval[][] = means.map(() => levels.map((level) => ({ level, lower: new Array<number>(h).fill(0), upper: new Array<number>(h).fill(0) })));
  const samples = Array.from({ length: k }, () => new Float64Array(simulations));
  const z = new Array<number>(k).fill(0);
  for (let j = 0; j < h; j++) {
    const sig = raw.map((r) => (r ? spreads(r, j) : ([0, 0] as [number, number])));
    for (let s = 0; s < simulations; s++) {
      for (let p = 0; p < k; p++) {
        if (!raw[p]) {
          z[p] = 0;
          continue;
        }
        const e = draw();
        const v = means[p]![j]! + e * (e < 0 ? sig[p]![0] : sig[p]![1]);
        z[p] = rho === null ? v : clampStep(v, base[p]!, rho, j + 1);
      }
      const sh = softmax(z);
      for (let p = 0; p < k; p++) samples[p]![s] = sh[p]!;
    }
    for (let p = 0; p < k; p++) {
      const sorted = samples[p]!.slice().sort();
      const m = meanShares[p]![j]!;
      levels.forEach((level, li) => {
        const a = (1 - level / 100) / 2;
        out[p]![li]!.lower[j] = Math.min(m, quantile(sorted, a));
        out[p]![li]!.upper[j] = Math.max(m, quantile(sorted, 1 - a));
      });
    }
  }
  return out;
}
