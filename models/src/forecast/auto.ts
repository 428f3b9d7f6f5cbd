import { adjustmentIndices } from './decompose';
import { isNonNegative, makeFit } from './make-fit';
import { checkSeries } from './series';
import type { Fit, FitOptions, Series } from './types';
import {
  driftCandidate,
  logCandidate,
  naiveCandidate,
  smoothingCandidate,
  snaiveCandidate,
  thetaCandidate,
  type Candidate,
} from './auto-candidates';
import { empiricalSpread, rollingErrors } from './empirical';

/** Shortest series `auto` accepts. */
export const AUTO_MIN_LENGTH = 3;

/**
 * Candidate pools, chosen by rolling-origin evaluation on the M3 and tourism
 * training/test splits (models/bench/tune-combos.ts): the median of a few
 * simple, differently-biased methods beats any single one.
 */
export const AUTO_POOLS = {
  /** Non-seasonal data: level-only, straight-line and compound-growth views. */
  plain: ['ses', 'drift', 'lholt'],
  /** Seasonally adjusted data: adds the last season as it was (evolving seasonality). */
  seasonal: ['snaive', 'naive', 'holt', 'drift', 'lholt'],
};

/** Seasonal indices are estimated on the last this-many cycles, so that they can drift. */
export const SEASONAL_WINDOW_CYCLES = 6;

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
    case 'damped':
      return n >= 5 ? smoothingCandidate(y, 'damped', 'damped') : null;
    case 'theta':
      return n >= 4 ? thetaCandidate(y) : null;
    case 'lholt':
      // Holt on logarithms = compound growth; falls back to Holt when a value is ≤ 0.
      if (n < 4) return null;
      return positive
        ? logCandidate(y, (v) => smoothingCandidate(v, 'linear', 'lholt'), 'lholt')
        : smoothingCandidate(y, 'linear', 'holt');
    default:
      return null;
  }
}

/** Median at each step (mean of the middle two for an even count). */
function median(forecasts: number[][]): number[] {
  const k = forecasts.length;
  return forecasts[0].map((_, i) => {
    const v = forecasts.map((f) => f[i]).sort((a, b) => a - b);
    return k % 2 ? v[(k - 1) / 2] : 0.5 * (v[k / 2 - 1] + v[k / 2]);
  });
}

/**
 * Automatic forecasting for short yearly and quarterly series.
 *
 * 1. Quarterly/monthly series that pass the M4 seasonality test are adjusted by
 *    classical multiplicative decomposition (indices from the last 6 cycles).
 * 2. A pool of simple methods is fitted once on the (adjusted) values:
 *    SES, drift and Holt-on-logs for plain series; seasonal naive, naive,
 *    Holt, drift and Holt-on-logs for seasonal ones (`AUTO_POOLS`).
 *    `options.methods` replaces the pool.
 * 3. The forecast is the median of the candidates at each step, reseasonalised
 *    and capped at 0 for non-negative series. `models` lists the candidates
 *    with equal weights (`params.median = 1` says the combination is a median).
 *
 * Intervals are empirical (`intervalKind: 'empirical'`): errors of the median
 * forecast from every rolling origin of the training data (parameters fixed),
 * on the log scale for positive series, summarised per horizon by a variance
 * curve σ²·h^γ so any horizon can be asked for, and inflated for small samples.
 * Deterministic bit for bit: fixed grids, no random numbers.
 */
export function fitAuto(series: Series, options: FitOptions = {}): Fit {
  const y = checkSeries(series, AUTO_MIN_LENGTH, 'automatic');
  const m = series.frequency;
  const n = y.length;
  const idx = adjustmentIndices(y, m, SEASONAL_WINDOW_CYCLES * m);
  const adj = idx ? y.map((v, t) => v / idx[t % m]) : [...y];
  const season = (t: number) => (idx ? idx[t % m] : 1);
  const pool = options.methods?.length ? options.methods : m > 1 ? AUTO_POOLS.seasonal : AUTO_POOLS.plain;
  let candidates = pool.map((name) => buildCandidate(name, adj, m)).filter((c): c is Candidate => c !== null);
  if (candidates.length === 0) candidates = [naiveCandidate(adj)];
  const combined = {
    mean: (h: number) => median(candidates.map((c) => c.mean(h))),
    fromOrigin: (o: number, h: number) => median(candidates.map((c) => c.fromOrigin(o, h))),
  };
  const positive = y.every((v) => v > 0);
  const errors = rollingErrors(adj, combined.fromOrigin, m === 1 ? 6 : 2 * m, positive);
  const fitted = y.map((_, t) => (t === 0 ? NaN : combined.fromOrigin(t, 1)[0] * season(t)));
  const w = 1 / candidates.length;
  return makeFit({
    method: 'auto',
    fitted,
    params: { median: 1, candidates: candidates.length, seasonal: idx ? 1 : 0, sigma: Math.sqrt(errors.sigma2), gamma: errors.gamma },
    intervalKind: 'empirical',
    nonNegative: isNonNegative(y),
    models: candidates.map((c) => ({ method: c.method, weight: w })),
    path(h) {
      const mean = combined.mean(h).map((v, i) => v * season(n + i));
      return empiricalSpread(errors, mean, h, positive);
    },
  });
}
