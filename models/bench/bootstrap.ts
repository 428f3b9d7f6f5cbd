/**
 * Sampling uncertainty of the benchmark figures: a percentile cluster
 * bootstrap (Efron & Tibshirani 1993, ch. 13; resampling whole clusters as in
 * Davison & Hinkley 1997, §3.8). A dataset figure is a ratio of sums over
 * clusters (series, or countries in the labour backtest): a mean MASE is
 * Σ MASE_s / Σ 1, a coverage Σ inside / Σ points. Test points of one series
 * or country are correlated (one bad trend misses every horizon), so the
 * cluster, not the point, is what is resampled.
 *
 * Why: the issue-14 targets are bands (76–84 %) and thresholds (MASE ≤ 1.07).
 * A figure 0.3 point outside a band on 186 countries says little unless the
 * report also says how much the figure would move on another draw of
 * countries. The interval is printed next to the figure; nothing is tuned on it.
 */
import { mulberry32 } from '../src/forecast/prng';

/** One cluster's contribution to a ratio statistic Σ num / Σ den. */
export interface ClusterSum {
  num: number;
  den: number;
}

/** Resamples and the seed used when none are given (reproducible output). */
export const BOOTSTRAP = { reps: 2000, seed: 20261204, level: 95 };

/**
 * Percentile interval of Σ num / Σ den over clusters drawn with replacement.
 * Returns [NaN, NaN] for no clusters. Same seed, same interval.
 */
export function clusterBootstrap(
  clusters: readonly ClusterSum[],
  { reps = BOOTSTRAP.reps, seed = BOOTSTRAP.seed, level = BOOTSTRAP.level } = {},
): [number, number] {
  const n = clusters.length;
  if (n === 0) return [NaN, NaN];
  const rnd = mulberry32(seed);
  const stats = new Float64Array(reps);
  for (let r = 0; r < reps; r++) {
    let num = 0,
      den = 0;
    for (let i = 0; i < n; i++) {
      const c = clusters[Math.floor(rnd() * n)]!;
      num += c.num;
      den += c.den;
    }
    stats[r] = den > 0 ? num / den : NaN;
  }
  // A typed array sorts numerically; resamples with no points (or NaN figures) have no ratio.
  const sorted = stats.filter(Number.isFinite).sort();
  if (sorted.length === 0) return [NaN, NaN];
  const tail = (1 - level / 100) / 2;
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(p * (sorted.length - 1))))]!;
  return [at(tail), at(1 - tail)];
}

/** Per-cluster figures a dataset's headline numbers are built from. */
export interface ClusterScores {
  /** Per-series MASE (finite only are used), or NaN. */
  mase: number;
  inside80: number;
  inside95: number;
  points: number;
}

/** 95 % cluster-bootstrap intervals of mean MASE and of coverage at 80 and 95 %. */
export function scoreIntervals(clusters: readonly ClusterScores[]): { mase: [number, number]; coverage80: [number, number]; coverage95: [number, number] } {
  const finite = clusters.filter((c) => Number.isFinite(c.mase));
  return {
    mase: clusterBootstrap(finite.map((c) => ({ num: c.mase, den: 1 }))),
    coverage80: clusterBootstrap(clusters.map((c) => ({ num: c.inside80, den: c.points }))),
    coverage95: clusterBootstrap(clusters.map((c) => ({ num: c.inside95, den: c.points }))),
  };
}

/** The three intervals of `scoreIntervals` with each end rounded to 4 decimals (NaN → null), for a BENCH line. */
export function roundedIntervals(ci: ReturnType<typeof scoreIntervals>): Record<keyof typeof ci, (number | null)[]> {
  const r = ([lo, hi]: [number, number]) => [lo, hi].map((x) => (Number.isFinite(x) ? Number(x.toFixed(4)) : null));
  return { mase: r(ci.mase), coverage80: r(ci.coverage80), coverage95: r(ci.coverage95) };
}

/** "a–b" with the given digits (percent when `pct`). */
export function formatRange([lo, hi]: [number, number], digits: number, pct = false): string {
  const f = (x: number) => (pct ? 100 * x : x).toFixed(digits);
  return Number.isFinite(lo) && Number.isFinite(hi) ? `${f(lo)}–${f(hi)}` : '—';
}
