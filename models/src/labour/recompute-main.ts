/**
 * The main grid under a scenario: the national labour-force cap factors and the scenario
 * employment of every cell, memoised per grid base (recompute.ts applies them; new fields are
 * capped by their parent section in it, recompute-fields.ts).
 */
import { aggregateTensor } from './reconcile';
import type { Grid } from './projection';
import type { GridBase } from './grid-base';
import { demandKey, growthMultipliers, scenarioCap, sectorGrowthOf, type ScenarioCap } from './scenarios';
import { ancestors } from './structure';
import type { NationalSystem } from './system/types';
import type { Scenario } from './types';

const capCache = new WeakMap<GridBase, Map<string, ScenarioCap>>();

/**
 * The baseline's own cap factor per forecast year: system employment ÷ demand before the cap
 * (≤ 1; 1 where demand fits, or without `demandBeforeCap`). The stored grid paths are capped by it.
 */
export function baselineCapFactors(system: NationalSystem, H: number): Float64Array {
  const d = system.demandBeforeCap;
  return Float64Array.from({ length: H }, (_, t) => {
    const e = system.employment.mean[system.baseIndex + t + 1];
    const dt = d?.[t];
    return dt !== undefined && dt > 0 && e > 0 && e < dt ? e / dt : 1;
  });
}

/**
 * Level factors per forecast year t = 1..H (index t−1) of a scenario on the main grid's capped
 * baseline cells × growth (`scenarioCap`): the scenario's DEMAND (baseline cells × growth ÷ the
 * baseline's cap factor) is kept within labourForce × (1 − floor) of the national system (floor =
 * minUnemploymentRate, reached at most `maxRateFallPerYear` a year from the base-year rate when the
 * system says so). A factor may exceed 1 where the scenario's demand is below the ceiling but the
 * baseline was capped. Cached per grid and scenario growth.
 */
export function scenarioCapFactors(main: GridBase, scenario: Scenario, system: NationalSystem): ScenarioCap {
  return memoOn(capCache, main, demandKey(scenario), () => computeCap(main, scenario, system));
}

/** Memo per grid base and key: scenario results are pure functions of both (read-only once stored). */
function memoOn<T>(caches: WeakMap<GridBase, Map<string, T>>, main: GridBase, key: string, compute: () => T): T {
  let cache = caches.get(main);
  if (!cache) caches.set(main, (cache = new Map()));
  let hit = cache.get(key);
  if (hit === undefined) cache.set(key, (hit = compute()));
  return hit;
}

/** True for the detailed (bottom) cells of a grid, the ones scenarios transform before totals are re-added. */
function isDetailed(grid: Grid): (n: Grid['nodes'][number]) => boolean {
  const [br, bs, bq] = grid.reconciler.dims.map((d) => new Set(d.bottom));
  return (n) => br.has(n.region) && bs.has(n.sector) && bq.has(n.qualification);
}

function computeCap(main: GridBase, scenario: Scenario, system: NationalSystem): ScenarioCap {
  const { grid } = main;
  const ds = grid.reconciler.dims[1];
  const detailed = isDetailed(grid);
  const H = grid.horizon;
  const total = new Float64Array(H);
  const mult = new Map<string, Float64Array>();
  for (const n of grid.nodes) {
    if (!detailed(n)) continue;
    let m = mult.get(n.sector);
    if (!m) mult.set(n.sector, (m = sectorMultipliers(ds, scenario, n.sector, H)));
    for (let t = 0; t < H; t++) total[t] += n.mean[t] * m[t];
  }
  const lf = Array.from({ length: H }, (_, t) => system.labourForce.mean[system.baseIndex + t + 1]);
  const gradual =
    system.maxRateFallPerYear !== undefined
      ? { baseRate: system.unemploymentRate[system.baseIndex] / 100, maxFallPerYear: system.maxRateFallPerYear }
      : undefined;
  return scenarioCap(total, baselineCapFactors(system, H), lf, system.minUnemploymentRate, gradual);
}

/**
 * A detailed cell's scenario employment in forecast year index `t` (year t + 1): baseline path ×
 * growth multiplier × the cap's level factor (none without a cap). In years where the scenario's
 * demand reaches the ceiling (and the factor is not exactly 1) it is rounded DOWN, so Σ cells stays
 * ≤ the labour-force ceiling; otherwise rounded.
 */
export function leafEmployment(mean: number, m: number, cap: ScenarioCap | null, t: number): number {
  if (!cap) return Math.round(mean * m);
  const f = cap.factors[t];
  return cap.capped[t] === 1 && f !== 1 ? Math.floor(mean * m * f) : Math.round(mean * m * f);
}

/** Growth multipliers of a grid's sector (its own code, then its parents). */
function sectorMultipliers(ds: Grid['reconciler']['dims'][number], scenario: Scenario, s: string, H: number): Float64Array {
  return growthMultipliers(sectorGrowthOf(scenario, ancestors(ds, s)), H);
}

const mainEmpCache = new WeakMap<GridBase, Map<string, Float64Array[]>>();

/**
 * Scenario employment of EVERY cell of the main grid (or any grid that is not a new field), years
 * t = 1..H (index t−1), totals re-added from the detailed cells. The one computation of it per
 * scenario: `applyScenario` serves the grid's own rows from it, and new fields are capped by their
 * parent section in it. Cached per grid, scenario growth and cap; read-only.
 */
export function mainScenarioEmployment(main: GridBase, scenario: Scenario, cap: ScenarioCap | null): Float64Array[] {
  const key = JSON.stringify([demandKey(scenario), cap ? [Array.from(cap.factors), Array.from(cap.capped)] : null]);
  return memoOn(mainEmpCache, main, key, () => computeMainEmployment(main, scenario, cap));
}

function computeMainEmployment(main: GridBase, scenario: Scenario, cap: ScenarioCap | null): Float64Array[] {
  const { grid } = main;
  const ds = grid.reconciler.dims[1];
  const detailed = isDetailed(grid);
  const H = grid.horizon;
  const size = grid.nodes.length;
  const emp = Array.from({ length: H }, () => new Float64Array(size));
  const mult = new Map<string, Float64Array>();
  grid.nodes.forEach((n, off) => {
    if (!detailed(n)) return;
    let m = mult.get(n.sector);
    if (!m) mult.set(n.sector, (m = sectorMultipliers(ds, scenario, n.sector, H)));
    for (let t = 0; t < H; t++) emp[t][off] = leafEmployment(n.mean[t], m[t], cap, t);
  });
  for (const x of emp) aggregateTensor(grid.reconciler, x);
  return emp;
}
