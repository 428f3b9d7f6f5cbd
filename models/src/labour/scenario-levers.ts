/**
 * Scenario levers applied inside the scenario step (recompute.ts, outlook.ts): graduates'
 * entry by level and year, a new field's boost, and the national system under the
 * labour-force levers. Each is a pure function of the scenario and the stored base.
 */
import type { GridBase } from './grid-base';
import type { NationalSystem } from './system/types';
import type { Scenario } from './types';
import { rootOf } from './hierarchy';

/** Value of a constant-or-per-year lever in forecast year t (1-based; the last value holds). */
export function atYear(v: number | readonly number[] | undefined, t: number): number {
  if (v === undefined) return 0;
  if (typeof v === 'number') return v;
  return v.length ? v[Math.min(t - 1, v.length - 1)] : 0;
}

/**
 * Graduates entering work per graduate of level `q` in forecast year t: the scenario's entry rate
 * (or the base rate) × (1 + its training change for q, else `trainingCapacityChange`).
 */
export function entryRateAt(s: Scenario, baseEntry: number, q: string, t: number): number {
  const byLevel = s.trainingByLevel?.[q];
  const change = byLevel !== undefined ? atYear(byLevel, t) : s.trainingCapacityChange;
  return (s.entryRate ?? baseEntry) * Math.max(0, 1 + change);
}

const boostCache = new WeakMap<GridBase, Map<string, Float64Array>>();

/**
 * Factors (t = 1..H, index t−1) that add `boost[t−1]` workers to a new field's national trend:
 * (trend + boost) ÷ trend, shared over its cells like the trend. 1 where the trend is 0 (no cells to share it over).
 */
export function fieldBoostFactors(gb: GridBase, boost: readonly number[]): Float64Array {
  const key = boost.join(',');
  let cache = boostCache.get(gb);
  if (!cache) boostCache.set(gb, (cache = new Map()));
  const hit = cache.get(key);
  if (hit) return hit;
  const national = fieldNationalNode(gb);
  const f = Float64Array.from({ length: gb.grid.horizon }, (_, t) => {
    const trend = national?.mean[t] ?? 0;
    return trend > 0 ? (trend + atYear(boost, t + 1)) / trend : 1;
  });
  cache.set(key, f);
  return f;
}

/** A new field's national node (root region and level of its grid): the trend a boost is shared by. */
export function fieldNationalNode(gb: GridBase): GridBase['grid']['nodes'][number] | undefined {
  const { grid } = gb;
  const [dr, , dq] = grid.reconciler.dims;
  return (
    grid.nodes.find((n) => n.region === rootOf(dr) && n.sector === gb.field?.code && n.qualification === rootOf(dq)) ??
    grid.nodes.find((n) => n.region === rootOf(dr) && n.qualification === rootOf(dq))
  );
}

const systemCache = new WeakMap<NationalSystem, Map<string, NationalSystem>>();

/**
 * The national system under a scenario's labour-force levers: the labour force (mean and bands)
 * moved by `labourForceChange`, the labour-force entrants by `entrantsChange`, the retirement rate ×
 * `retirementFactor`. The system itself when the scenario has none, so the baseline reproduces itself.
 */
export function scenarioSystem(system: NationalSystem, s: Scenario): NationalSystem {
  const dl = s.labourForceChange;
  const de = s.entrantsChange;
  const rf = s.retirementFactor;
  if (!dl?.some((x) => x !== 0) && !de?.some((x) => x !== 0) && !rf?.some((x) => x !== 1)) return system;
  const key = JSON.stringify([dl ?? null, de ?? null, rf ?? null]);
  let cache = systemCache.get(system);
  if (!cache) systemCache.set(system, (cache = new Map()));
  const hit = cache.get(key);
  if (hit) return hit;
  const b = system.baseIndex;
  const shift = (xs: number[]) => xs.map((x, i) => (i > b ? x + atYear(dl, i - b) : x));
  const lf = system.labourForce;
  const out: NationalSystem = {
    ...system,
    labourForce: dl ? { mean: shift(lf.mean), intervals: lf.intervals.map((iv) => ({ level: iv.level, lower: shift(iv.lower), upper: shift(iv.upper) })) } : lf,
    retirementRate: rf ? system.retirementRate.map((r, t) => r * atYear(rf, t + 1)) : system.retirementRate,
    lfEntrants: de ? system.lfEntrants.map((x, t) => Math.max(0, x + atYear(de, t + 1))) : system.lfEntrants,
  };
  cache.set(key, out);
  return out;
}
