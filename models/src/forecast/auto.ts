import { adjustmentIndices } from './decompose';
import { ForecastError } from './errors';
import { isNonNegative, makeFit } from './make-fit';
import { checkSeries } from './series';
import type { Fit, FitOptions, Series } from './types';
import {
  driftCandidate,
  logCandidate,
  naiveCandidate,
  robustTrendCandidate,
  smoothingCandidate,
  snaiveCandidate,
  thetaCandidate,
  type Candidate,
} from './auto-candidates';
import { rollingErrors, varianceCurve } from './empirical';
import { calibrationFor, conformalMultiplier, INTERVAL_CALIBRATION, pooledScale, volatilityOf } from './calibration';
import { SMOOTH_TREND_GRID } from './methods/smoothing';

/** Shortest series `auto` accepts. */
export const AUTO_MIN_LENGTH = 3;

/**
 * Candidate pools, chosen on the M3 and tourism training/test splits
 * (models/bench/tune-combos.ts, tune-research.ts + tune-research-combos.ts;
 * the quarterly pool on M3 and tourism quarterly jointly): the median of a few
 * simple, differently-biased methods beats any single one, and beat ranking
 * by rolling-origin error, inverse-error weights and trimmed means there.
 */
interface Pool {
  methods: readonly string[];
  /** How many of the pool to keep after ranking by rolling-origin error (all: no ranking). */
  keep: number;
  /** Weights in the median (default 1 each). */
  weights?: readonly number[];
}

export const AUTO_POOLS = {
  /**
   * Yearly data: level-only, straight-line, robust-trend, Theta and
   * compound-growth views; the 3 with the lowest rolling-origin error are kept.
   */
  plain: { methods: ['ses', 'drift', 'lholt', 'theta', 'rtrend'], keep: 3 },
  /**
   * Quarterly/monthly data, first of two pools averaged (all kept). The
   * seasonal naive (the last season as it was: evolving seasonality) counts
   * twice, as the one view that does not rely on fixed seasonal indices,
   * against three trend views of the adjusted values (smooth-trend Holt,
   * damped, drift).
   */
  seasonal: { methods: ['snaive', 'sholt', 'damped', 'drift'], keep: 4, weights: [2, 1, 1, 1] },
  /**
   * Quarterly/monthly data, second pool: level, fast-trend, compound-growth
   * (Holt on logarithms) and straight-line views around the seasonal naive,
   * against the first pool's. The mean of the two medians beat either alone on
   * both M3 and tourism quarterly. (Drift on logarithms here scored 0.03 sMAPE
   * better on M3 quarterly, but it was found by searching many variants
   * against the test parts, so it is left out as overfitted.)
   */
  seasonal2: { methods: ['snaive', 'naive', 'holt', 'lholt', 'drift'], keep: 5 },
} satisfies Record<string, Pool>;

/** Rolling-origin check used to rank candidates: the last H + this many origins (H = 6 yearly, 2m seasonal). */
const CV_ORIGINS = 6;

/** Seasonal indices are estimated on the last this-many cycles, so that they can drift. */
export const SEASONAL_WINDOW_CYCLES = 6;
/**
 * Critical value of the seasonality test for `auto`: 1.28 (one-sided 90% is
 * the M4 1.645) adjusts a few more borderline series, which helped on M3.
 */
export const AUTO_SEASONALITY_Z = 1.28;

/**
 * Methods `auto` can combine (`options.methods`). `sholt` is Holt with a smooth
 * trend, `lholt`/`ldrift` are Holt/drift on logarithms, `rtrend` the robust trend.
 */
export const AUTO_CANDIDATES = ['naive', 'snaive', 'drift', 'ses', 'holt', 'sholt', 'damped', 'theta', 'lholt', 'ldrift', 'rtrend'] as const;

function checkCandidates(names: readonly string[]): void {
  for (const name of names) {
    if (!(AUTO_CANDIDATES as readonly string[]).includes(name)) {
      throw new ForecastError(
        'UNKNOWN_METHOD',
        `The automatic method cannot combine "${name}". Choose among: ${AUTO_CANDIDATES.join(', ')}.`,
        { method: name, known: [...AUTO_CANDIDATES] },
      );
    }
  }
}

function buildCandidate(name: string, y: readonly number[], m: number): Candidate | null {
  const n = y.length;
  const positive = y.every((v) => v > 0);
  switch (name) {
    case 'naive':
      return naiveCandidate(y);
    case 'snaive':
      return n > m ? snaiveCandidate(y, m) : null;
    case 'drift':
      return n >= 2 ? driftCandidate(y) : null;
    case 'ses':
      return n >= 3 ? smoothingCandidate(y, 'none', 'ses') : null;
    case 'holt':
      return n >= 4 ? smoothingCandidate(y, 'linear', 'holt') : null;
    case 'sholt':
      // Holt with a smooth trend (β ≤ 0.05·α), as the single `holt` method.
      return n >= 4 ? smoothingCandidate(y, 'linear', 'sholt', SMOOTH_TREND_GRID) : null;
    case 'damped':
      return n >= 5 ? smoothingCandidate(y, 'damped', 'damped') : null;
    case 'theta':
      return n >= 4 ? thetaCandidate(y) : null;
    case 'rtrend':
      return n >= 3 ? robustTrendCandidate(y) : null;
    case 'lholt':
      // Holt on logarithms = compound growth; falls back to Holt when a value is ≤ 0.
      if (n < 4) return null;
      return positive
        ? logCandidate(y, (v) => smoothingCandidate(v, 'linear', 'lholt'), 'lholt')
        : smoothingCandidate(y, 'linear', 'holt');
    case 'ldrift':
      // Drift on logarithms = the average compound growth; plain drift when a value is ≤ 0.
      if (n < 2) return null;
      return positive ? logCandidate(y, driftCandidate, 'ldrift') : driftCandidate(y);
    default:
      return null;
  }
}

/**
 * Mean symmetric relative error of a candidate over the last origins (on the
 * adjusted values). Cheap: parameters stay fixed, only states move.
 */
function cvError(c: Candidate, y: readonly number[], maxH: number): number {
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
    // Plain median (the common case): a typed-array sort is much faster.
    const v = new Float64Array(k);
    for (let i = 0; i < h; i++) {
      for (let j = 0; j < k; j++) v[j] = forecasts[j][i];
      v.sort();
      out[i] = k % 2 ? v[(k - 1) / 2] : 0.5 * (v[k / 2 - 1] + v[k / 2]);
    }
    return out;
  }
  const order = Array.from({ length: k }, (_, j) => j);
  for (let i = 0; i < h; i++) {
    // Sort by value, ties in pool order: deterministic.
    order.sort((a, b) => forecasts[a][i] - forecasts[b][i] || a - b);
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
 * 1. Quarterly/monthly series that pass the M4 seasonality test (at z = 1.28) are adjusted by
 *    classical multiplicative decomposition (indices from the last 6 cycles).
 * 2. Pools of simple methods are fitted once on the (adjusted) values
 *    (`AUTO_POOLS`: one for yearly, two for seasonal data); `options.methods`
 *    replaces them with one pool and keeps all of it.
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
  const idx = adjustmentIndices(y, m, SEASONAL_WINDOW_CYCLES * m, AUTO_SEASONALITY_Z);
  const adj = idx ? y.map((v, t) => v / idx[t % m]) : [...y];
  const season = (t: number) => (idx ? idx[t % m] : 1);
  if (options.methods) checkCandidates(options.methods);
  const pools: Pool[] = options.methods?.length
    ? [{ methods: options.methods, keep: options.methods.length }]
    : m > 1 ? [AUTO_POOLS.seasonal, AUTO_POOLS.seasonal2] : [AUTO_POOLS.plain];
  const maxH = m === 1 ? 6 : 2 * m;
  // Each method is fitted once even when several pools list it.
  const built = new Map<string, Candidate | null>();
  const build = (name: string) => {
    if (!built.has(name)) built.set(name, buildCandidate(name, adj, m));
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
      kept = [...scored].sort((a, b) => a.e - b.e).slice(0, pool.keep).map((x) => x.p);
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
    mean: (h: number) => averaged(groups.map((g) => weightedMedian(g.kept.map((p) => p.c.mean(h)), g.kept.map((p) => p.w)))),
    fromOrigin: (o: number, h: number) =>
      averaged(groups.map((g) => weightedMedian(g.kept.map((p) => p.c.fromOrigin(o, h)), g.kept.map((p) => p.w)))),
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
  const positive = y.every((v) => v > 0);
  const errors = rollingErrors(adj, combined.fromOrigin, maxH, positive, idx !== null, m);
  const fitted = y.map((_, t) => (t === 0 ? NaN : combined.fromOrigin(t, 1)[0] * season(t)));
  const curve = varianceCurve(errors);
  const volatility = volatilityOf(positive ? adj.map(Math.log) : adj);
  const cal = calibrationFor(m);
  const features = { sigma: Math.sqrt(curve.sigma2), gamma: curve.gamma, volatility, n, frequency: m, seasonal: idx ? 1 : 0 };
  const cap = positive ? INTERVAL_CALIBRATION.maxLogScale : Infinity;
  const multiplier = (level: number) => conformalMultiplier(level, cal);
  return makeFit({
    method: 'auto',
    fitted,
    params: { median: 1, pools: groups.length, candidates: kept, seasonal: idx ? 1 : 0, sigma: features.sigma, gamma: curve.gamma, volatility },
    intervalKind: 'empirical',
    nonNegative: isNonNegative(y),
    models: [...shares].map(([method, weight]) => ({ method, weight })),
    path(h) {
      const mean = combined.mean(h).map((v, i) => v * season(n + i));
      const sd = pooledScale(features, h, cal).map((v) => Math.min(cap, v));
      return { mean, sd, logScale: positive, multiplier };
    },
  });
}
