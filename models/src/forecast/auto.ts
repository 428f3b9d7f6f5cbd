import { autoSeasonalIndices } from './auto-seasonal';
import { ForecastError } from './errors';
import { isNonNegative, makeFit } from './make-fit';
import { checkSeries } from './series';
import type { Fit, FitOptions, Series } from './types';
import { naiveCandidate, type Candidate } from './auto-candidates';
import { autoCandidate, autoCandidateNames, autoPoolMembers, type AutoPoolName } from './registry';
import { rollingErrors, varianceCurve } from './empirical';
import { calibrationFor, conformalMultiplier, curvatureOf, INTERVAL_CALIBRATION, pooledScale, volatilityOf } from './calibration';

/** Shortest series `auto` accepts. */
export const AUTO_MIN_LENGTH = 3;

/** One pool of `auto`: members (from the registry), how many to keep after ranking, weights in the median. */
export interface Pool {
  methods: readonly string[];
  /** How many of the pool to keep after ranking by rolling-origin error (all: no ranking). */
  keep: number;
  /** Weights in the median (default 1 each). */
  weights?: readonly number[];
}

/**
 * How each default pool is used; its members and weights are declared in the
 * registry (registry.ts, `auto.pools`). Chosen on the benchmark TUNING halves
 * only (models/bench/tune-pools.ts, issue 14):
 * - yearly: the `keep` members with the lowest rolling-origin error are kept
 *   and their median taken;
 * - seasonal, seasonal2 (quarterly/monthly): every member is kept; the
 *   forecast is the mean of the two pools' weighted medians.
 *
 * Issue-14 run of `tsx bench/tune-pools.ts yearly|quarterly` (objective: mean
 * over the two datasets of (sMAPE/sMAPE₀ + MASE/MASE₀)/2, 1 = the pools then
 * in force; a new pool is adopted only if the winners of both inner folds of
 * the tuning half also win on the other fold):
 * - yearly, best of 6,105 pools on the whole tuning half 0.9940
 *   (naive,drift,ses,lholt,rtrend keep 4); fold winners scored 0.9911 and
 *   1.0119 on the other fold: not robust, so the pool stays
 *   ses, drift, lholt, theta, rtrend, keep 3 (tuning half: M3 yearly sMAPE
 *   16.144 MASE 2.618, tourism yearly MASE 2.141);
 * - quarterly, greedy swaps from the old pools (A snaive×2, drift, sholt,
 *   damped; B naive, snaive, drift, holt, lholt): 0.9918 with
 *   A snaive×2, sholt, ldrift, rtrend; B naive, snaive, drift, holt, lholt,
 *   ldrift; fold winners 0.9951 and 0.9966 on the other fold: adopted
 *   (tuning half: M3 quarterly sMAPE 9.261 → 9.201, MASE 1.053 → 1.050;
 *   tourism quarterly MASE 1.387 → 1.373).
 */
export const AUTO_POOL_SHAPES: Record<AutoPoolName, { keep: number | 'all' }> = {
  yearly: { keep: 3 },
  seasonal: { keep: 'all' },
  seasonal2: { keep: 'all' },
};

/** The default pools for a series with `frequency` periods per year, read from the registry. */
export function autoPools(frequency: number): Pool[] {
  const names: AutoPoolName[] = frequency > 1 ? ['seasonal', 'seasonal2'] : ['yearly'];
  return names.map((name) => {
    const { methods, weights } = autoPoolMembers(name);
    const keep = AUTO_POOL_SHAPES[name].keep;
    return { methods, weights, keep: keep === 'all' ? methods.length : keep };
  });
}

/** Rolling-origin check used to rank candidates: the last H + this many origins (H = 6 yearly, 2m seasonal). */
const CV_ORIGINS = 6;

export { AUTO_SEASONALITY_Z, SEASONAL_WINDOW_CYCLES, autoSeasonalIndices, seasonalShrinkFactor } from './auto-seasonal';

function checkCandidates(names: readonly string[]): void {
  const known = autoCandidateNames();
  for (const name of names) {
    if (!known.includes(name)) {
      throw new ForecastError('UNKNOWN_METHOD', `The automatic method cannot combine "${name}". Choose among: ${known.join(', ')}.`, { method: name, known });
    }
  }
}

/**
 * Mean symmetric relative error of a candidate over the last origins (on the
 * adjusted values). Cheap: parameters stay fixed, only states move.
 */
export function cvError(c: Candidate, y: readonly number[], maxH: number): number {
  const n = y.length;
  let sum = 0;
  let count = 0;
  for (let o = Math.max(2, n - maxH - CV_ORIGINS); o < n; o++) {
    const f = c.fromOrigin(o, Math.min(maxH, n - o));
    for (let i = 0; i < f.length; i++) {
      const d = Math.abs(y[o + i]) + Math.abs(f[i]);
      const r = d > 0 ? Math.abs(y[o + i] - f[i]) / d : 0;
      // An overflowing path (exp of a steep log trend) counts as the worst error, 1.
      sum += Number.isFinite(r) ? r : 1;
      count++;
    }
  }
  return count > 0 ? sum / count : 0;
}

/**
 * Weighted median at each step: the value where the cumulative weight of the
 * sorted forecasts reaches half (mean of the two neighbours on an exact tie).
 * With unit weights this is the plain median.
 */
function weightedMedian(forecasts: number[][], weights: readonly number[]): number[] {
  const k = forecasts.length;
  if (k === 1) return forecasts[0];
  const h = forecasts[0].length;
  const out = new Array<number>(h);
  let total = 0;
  for (const w of weights) total += w;
  const half = total / 2;
  if (weights.every((w) => w === weights[0])) {
    // Plain median (the common case, called once per origin and step): the pools hold a handful of
    // candidates, so an insertion sort beats a typed-array sort's call overhead; NaN takes that sort.
    const v = new Float64Array(k);
    for (let i = 0; i < h; i++) {
      let nan = false;
      for (let j = 0; j < k; j++) {
        const x = forecasts[j][i];
        nan ||= x !== x;
        let a = j;
        while (a > 0 && v[a - 1] > x) v[a] = v[--a];
        v[a] = x;
      }
      if (nan) v.sort();
      out[i] = k % 2 ? v[(k - 1) / 2] : 0.5 * (v[k / 2 - 1] + v[k / 2]);
    }
    return out;
  }
  const order = new Int32Array(k);
  for (let i = 0; i < h; i++) {
    // Sort by value, ties in pool order (a stable insertion sort over a handful): deterministic.
    for (let j = 0; j < k; j++) {
      const x = forecasts[j][i];
      let a = j;
      while (a > 0 && forecasts[order[a - 1]][i] > x) order[a] = order[--a];
      order[a] = j;
    }
    let acc = 0;
    for (let j = 0; j < k; j++) {
      acc += weights[order[j]];
      if (Math.abs(acc - half) <= half * 1e-12 && j + 1 < k) {
        out[i] = 0.5 * (forecasts[order[j]][i] + forecasts[order[j + 1]][i]);
        break;
      }
      if (acc > half) {
        out[i] = forecasts[order[j]][i];
        break;
      }
    }
  }
  return out;
}

/**
 * Automatic forecasting for short yearly and quarterly series.
 *
 * 1. Quarterly/monthly series that pass the M4 seasonality test (at z = 0.5) are adjusted by
 *    classical multiplicative decomposition (indices from the last 6 cycles, shrunk toward 1
 *    by a James–Stein factor; auto-seasonal.ts).
 * 2. Pools of simple methods are fitted once on the (adjusted) values
 *    (members and weights from the registry, `autoPools`: one for yearly, two
 *    for seasonal data); `options.methods` replaces them with one pool and
 *    keeps all of it. `options.scale: 'additive'` is for values that are not
 *    levels (log-ratios): no seasonal indices, no log candidates, additive
 *    errors, no cap at 0.
 * 3. For yearly data the candidates are ranked by rolling-origin error over
 *    the last origins (parameters fixed, so no refits) and the best 3 kept.
 * 4. The forecast is the weighted median of the kept candidates at each step
 *    (unit weights except the seasonal naive, weight 2, in the first seasonal
 *    pool); seasonal data average the medians of two pools. It is then
 *    reseasonalised and capped at 0 for non-negative series. `models` lists
 *    every candidate with its share of the weight if kept and 0 if dropped
 *    (`params.median = 1` says the combination is a weighted median, not a
 *    weighted mean).
 *
 * Intervals are empirical (`intervalKind: 'empirical'`): errors of the median
 * forecast from every rolling origin of the training data (parameters fixed),
 * on the log scale for positive series, summarised by a variance curve
 * σ²·h^γ, then scaled and multiplied by split-conformal quantiles learned on
 * the benchmark tuning halves (calibration.ts).
 * Deterministic bit for bit: fixed grids, no random numbers.
 */
export function fitAuto(series: Series, options: FitOptions = {}): Fit {
  const y = checkSeries(series, AUTO_MIN_LENGTH, 'automatic');
  const m = series.frequency;
  const n = y.length;
  const additive = options.scale === 'additive';
  // A positive level gets log-scale errors; with `scale: 'additive'` nothing is treated as a level.
  const positive = !additive && y.every((v) => v > 0);
  // Multiplicative seasonal indices only make sense for levels.
  const idx = additive ? null : autoSeasonalIndices(y, m);
  const adj = idx ? y.map((v, t) => v / idx[t % m]) : [...y];
  const season = (t: number) => (idx ? idx[t % m] : 1);
  if (options.methods) checkCandidates(options.methods);
  const pools: Pool[] = options.methods?.length ? [{ methods: options.methods, keep: options.methods.length }] : autoPools(m);
  const maxH = m === 1 ? 6 : 2 * m;
  // Each method is fitted once even when several pools list it.
  const built = new Map<string, Candidate | null>();
  const build = (name: string) => {
    if (!built.has(name)) built.set(name, autoCandidate(name, adj, m, additive));
    return built.get(name) ?? null;
  };
  const groups = pools.map((pool) => {
    let pooled: { c: Candidate; w: number }[] = [];
    pool.methods.forEach((name, j) => {
      const c = build(name);
      if (c) pooled.push({ c, w: pool.weights?.[j] ?? 1 });
    });
    if (pooled.length === 0) pooled = [{ c: naiveCandidate(adj), w: 1 }];
    let kept = pooled;
    if (pool.keep < pooled.length) {
      // Rank by rolling-origin error; ties keep pool order (stable sort), so results are deterministic.
      const scored = pooled.map((p) => ({ p, e: cvError(p.c, adj, maxH) }));
      kept = [...scored]
        .sort((a, b) => a.e - b.e)
        .slice(0, pool.keep)
        .map((x) => x.p);
    }
    return { pooled, kept, total: kept.reduce((q, p) => q + p.w, 0) };
  });
  const averaged = (paths: number[][]) => {
    if (paths.length === 1) return paths[0];
    return paths[0].map((_, i) => {
      let sum = 0;
      for (const f of paths) sum += f[i];
      return sum / paths.length;
    });
  };
  const combined = {
    mean: (h: number) =>
      averaged(
        groups.map((g) =>
          weightedMedian(
            g.kept.map((p) => p.c.mean(h)),
            g.kept.map((p) => p.w),
          ),
        ),
      ),
    fromOrigin: (o: number, h: number) =>
      averaged(
        groups.map((g) =>
          weightedMedian(
            g.kept.map((p) => p.c.fromOrigin(o, h)),
            g.kept.map((p) => p.w),
          ),
        ),
      ),
  };
  // Weight of each distinct method: its share of each pool's median, averaged over pools.
  const shares = new Map<string, number>();
  for (const g of groups) {
    for (const p of g.pooled) {
      const share = g.kept.includes(p) ? p.w / g.total / groups.length : 0;
      shares.set(p.c.method, (shares.get(p.c.method) ?? 0) + share);
    }
  }
  const kept = groups.reduce((q, g) => q + g.kept.length, 0);
  const errors = rollingErrors(adj, combined.fromOrigin, maxH, positive, idx !== null, m);
  const fitted = y.map((_, t) => (t === 0 ? NaN : combined.fromOrigin(t, 1)[0] * season(t)));
  const curve = varianceCurve(errors);
  const scaled = positive ? adj.map(Math.log) : adj;
  const volatility = volatilityOf(scaled);
  const cal = calibrationFor(m, additive);
  const features = { sigma: Math.sqrt(curve.sigma2), gamma: curve.gamma, volatility, n, frequency: m, seasonal: idx ? 1 : 0, curvature: curvatureOf(scaled) };
  const cap = positive ? INTERVAL_CALIBRATION.maxLogScale : Infinity;
  const multiplier = (level: number) => conformalMultiplier(level, cal, features.curvature);
  return makeFit({
    method: 'auto',
    fitted,
    params: {
      median: 1,
      pools: groups.length,
      candidates: kept,
      seasonal: idx ? 1 : 0,
      sigma: features.sigma,
      gamma: curve.gamma,
      volatility,
      curvature: features.curvature,
    },
    intervalKind: 'empirical',
    nonNegative: !additive && isNonNegative(y),
    models: [...shares].map(([method, weight]) => ({ method, weight })),
    path(h) {
      const mean = combined.mean(h).map((v, i) => v * season(n + i));
      const sd = pooledScale(features, h, cal).map((v) => Math.min(cap, v));
      return { mean, sd, logScale: positive, multiplier, season: idx ? mean.map((_, i) => season(n + i)) : undefined };
    },
  });
}
