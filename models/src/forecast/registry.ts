/**
 * The method registry: the one list of forecasting methods. Each entry may
 * carry a stand-alone `fit` (the api and UI alias) and an `auto` role (how
 * `auto` builds it as a candidate, and which of `auto`'s default pools it sits
 * in with what weight). `auto` reads its candidates and pools from here only.
 */
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
import { ForecastError } from './errors';
import { fitDrift } from './methods/drift';
import { fitDamped, fitHolt } from './methods/holt';
import { fitLinear, fitLoglinear } from './methods/linear';
import { fitLogistic } from './methods/logistic';
import { fitNaive } from './methods/naive';
import { fitSes } from './methods/ses';
import { SMOOTH_TREND_GRID } from './methods/smoothing';
import { fitSnaive } from './methods/snaive';
import { fitTheta } from './methods/theta';
import type { FitFn } from './types';

/** `auto`'s default pools: one for yearly data, two (averaged) for quarterly and monthly data. */
export type AutoPoolName = 'yearly' | 'seasonal' | 'seasonal2';

/** How `auto` uses a method. */
export interface AutoRole {
  /**
   * Build the candidate on the (seasonally adjusted) values with period m;
   * null when the series is too short. `additive`: the values are not levels,
   * so variants on logarithms fall back to their plain form.
   */
  candidate(y: readonly number[], m: number, additive: boolean): Candidate | null;
  /** Default pools the method is in, with its weight in that pool's median (absent: not in the pool). */
  pools?: Partial<Record<AutoPoolName, number>>;
}

/** One registry entry. */
export interface MethodEntry {
  /** The stand-alone method; absent for variants that exist only inside `auto` (Holt on logs, …). */
  fit?: FitFn;
  auto?: AutoRole;
}

const logOk = (y: readonly number[], additive: boolean) => !additive && y.every((v) => v > 0);

/**
 * Every method. Pools: chosen on the benchmark TUNING halves only
 * (models/bench/tune-pools.ts; output in the comment of `AUTO_POOL_SHAPES`,
 * auto.ts). Within a pool, members keep registry order (ties in the ranking
 * and in the weighted median resolve in this order).
 */
export const REGISTRY = {
  naive: { fit: fitNaive, auto: { candidate: (y) => naiveCandidate(y), pools: { seasonal2: 1 } } },
  snaive: { fit: fitSnaive, auto: { candidate: (y, m) => (y.length > m ? snaiveCandidate(y, m) : null), pools: { seasonal: 2, seasonal2: 1 } } },
  drift: { fit: fitDrift, auto: { candidate: (y) => (y.length >= 2 ? driftCandidate(y) : null), pools: { yearly: 1, seasonal2: 1 } } },
  linear: { fit: fitLinear },
  loglinear: { fit: fitLoglinear },
  ses: { fit: fitSes, auto: { candidate: (y) => (y.length >= 3 ? smoothingCandidate(y, 'none', 'ses') : null), pools: { yearly: 1 } } },
  holt: { fit: fitHolt, auto: { candidate: (y) => (y.length >= 4 ? smoothingCandidate(y, 'linear', 'holt') : null), pools: { seasonal2: 1 } } },
  // Holt with a smooth trend (β ≤ 0.05·α).
  sholt: { auto: { candidate: (y) => (y.length >= 4 ? smoothingCandidate(y, 'linear', 'sholt', SMOOTH_TREND_GRID) : null), pools: { seasonal: 1 } } },
  damped: { fit: fitDamped, auto: { candidate: (y) => (y.length >= 5 ? smoothingCandidate(y, 'damped', 'damped') : null) } },
  theta: { fit: fitTheta, auto: { candidate: (y) => (y.length >= 4 ? thetaCandidate(y) : null), pools: { yearly: 1 } } },
  // Holt on logarithms = compound growth; Holt when a value is ≤ 0.
  lholt: {
    auto: {
      candidate: (y, _m, additive) =>
        y.length < 4
          ? null
          : logOk(y, additive)
            ? logCandidate([...y], (v) => smoothingCandidate(v, 'linear', 'lholt'), 'lholt')
            : smoothingCandidate(y, 'linear', 'holt'),
      pools: { yearly: 1, seasonal2: 1 },
    },
  },
  // Drift on logarithms = the average compound growth; drift when a value is ≤ 0.
  ldrift: {
    auto: {
      candidate: (y, _m, additive) => (y.length < 2 ? null : logOk(y, additive) ? logCandidate([...y], driftCandidate, 'ldrift') : driftCandidate(y)),
      pools: { seasonal: 1, seasonal2: 1 },
    },
  },
  // Last value plus the median one-step change (resists outliers and breaks).
  rtrend: { auto: { candidate: (y) => (y.length >= 3 ? robustTrendCandidate(y) : null), pools: { yearly: 1, seasonal: 1 } } },
  // Theta on logarithms; Theta when a value is ≤ 0.
  ltheta: {
    auto: { candidate: (y, _m, additive) => (y.length < 4 ? null : logOk(y, additive) ? logCandidate([...y], thetaCandidate, 'ltheta') : thetaCandidate(y)) },
  },
  logistic: { fit: fitLogistic },
  // `auto` itself is added to `methods` below (it is not its own candidate).
} satisfies Record<string, MethodEntry>;

/** Names `auto` can combine (`options.methods`), in registry order. */
export const AUTO_CANDIDATES: readonly string[] = Object.entries(REGISTRY as Record<string, MethodEntry>)
  .filter(([, e]) => e.auto)
  .map(([k]) => k);

/** A copy of AUTO_CANDIDATES. */
export function autoCandidateNames(): string[] {
  return [...AUTO_CANDIDATES];
}

/** Build `name` as an `auto` candidate, or null when the series is too short for it. */
export function autoCandidate(name: string, y: readonly number[], m: number, additive = false): Candidate | null {
  const entry = (REGISTRY as Record<string, MethodEntry>)[name];
  if (!entry?.auto) {
    throw new ForecastError('UNKNOWN_METHOD', `The automatic method cannot combine "${name}". Choose among: ${AUTO_CANDIDATES.join(', ')}.`, {
      method: name,
      known: [...AUTO_CANDIDATES],
    });
  }
  return entry.auto.candidate(y, m, additive);
}

/** Members of one of `auto`'s default pools and their weights, in registry order. */
export function autoPoolMembers(pool: AutoPoolName): { methods: string[]; weights: number[] } {
  const methodsIn: string[] = [];
  const weights: number[] = [];
  for (const [k, e] of Object.entries(REGISTRY as Record<string, MethodEntry>)) {
    const w = e.auto?.pools?.[pool];
    if (w !== undefined && w > 0) {
      methodsIn.push(k);
      weights.push(w);
    }
  }
  return { methods: methodsIn, weights };
}
