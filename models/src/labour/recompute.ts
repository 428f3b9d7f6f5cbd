/**
 * Apply a scenario to a base projection: adjusted employment paths (kept within the national
 * labour-force ceiling), then openings, new supply and imbalance for every cell and horizon. Works
 * on the detailed cells and re-adds every total, so all figures of one scenario are coherent (a
 * province's TOTAL is the sum of its sections, VN the sum of provinces, and likewise for openings,
 * supply and imbalance; expansion is net, so VN expansion = the change in national employment).
 *
 * Replacement and other entrants come from the national system (`ScenarioContext.system`):
 * age-based replacement rates by level (measured `exits` data override a cell), and the
 * demographic inflow of other entrants by level shared by base employment. Without a system the
 * documented default rates are used. Mobility between sections is no longer added to supply: with
 * net expansion, the jobs a shrinking section sheds already lower the openings of every total that
 * contains it, so adding its workers to the supply of growing sections counted them twice.
 */
import { aggregateTensor, cellOffset, makeReconciler, type Reconciler } from './reconcile';
import type { Grid } from './projection';
import { levelTotals, otherEntrantsFromSystem } from './other-entrants';
import type { BaseProjection } from './base';
import type { GridBase, ScenarioContext, SystemInputs } from './grid-base';
import { scenarioForecasts } from './recompute-forecasts';
import { scenarioGaps } from './recompute-gaps';
import type { ParentCap, ParentRef, ScenarioCells } from './scenario-cells';
import { demandKey, growthMultipliers, scenarioCap, sectorGrowthOf, type ScenarioCap } from './scenarios';
import { fieldBoostFactors } from './scenario-levers';
import { ancestors } from './structure';
import type { NationalSystem } from './system/types';
import type { CellForecast, GapRow, Scenario } from './types';
import { rootOf } from './hierarchy';

export type { GridBase, ScenarioContext, SystemInputs } from './grid-base';

/** The national system of a base projection (`BaseProjection.system`), or null. */
export function systemOf(base: BaseProjection): NationalSystem | null {
  // `?? null`: hand-built bases in tests may omit it.
  return base.system ?? null;
}

const systemInputsCache = new WeakMap<BaseProjection, SystemInputs | null>();

/**
 * Scenario-independent inputs from the national system, once per base: other entrants by level
 * (demographic inflow × entry mix − graduates already counted, floored at 0) over the main grid's
 * base employment, and the main grid on which the labour-force cap is computed.
 */
export function systemInputsOf(base: BaseProjection): SystemInputs | null {
  if (systemInputsCache.has(base)) return systemInputsCache.get(base)!;
  const system = systemOf(base);
  let inputs: SystemInputs | null = null;
  if (system) {
    const grid = base.main ?? base.fields[0];
    const others = grid
      ? otherEntrantsFromSystem(system, levelTotals(grid.grid, grid.supply), base.entryRate, base.horizon)
      : { perWorker: {}, entrants: {}, graduatesEntering: {}, otherEntrants: {} };
    inputs = { system, main: base.main, others };
  }
  systemInputsCache.set(base, inputs);
  return inputs;
}

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
    if (!m) mult.set(n.sector, (m = growthMultipliers(sectorGrowthOf(scenario, ancestors(ds, n.sector)), H)));
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
 * A detailed cell's scenario employment in one year: baseline path × growth multiplier × level
 * factor. In years where the scenario's demand reaches the ceiling (and the factor is not exactly 1)
 * it is rounded DOWN, so Σ cells stays ≤ the labour-force ceiling; otherwise rounded.
 */
function leafEmployment(mean: number, m: number, f: number, capped: boolean): number {
  return capped && f !== 1 ? Math.floor(mean * m * f) : Math.round(mean * m * f);
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
    for (let t = 0; t < H; t++) emp[t][off] = cap ? leafEmployment(n.mean[t], m[t], cap.factors[t], cap.capped[t] === 1) : Math.round(n.mean[t] * m[t]);
  });
  for (const x of emp) aggregateTensor(grid.reconciler, x);
  return emp;
}

const parentRefCache = new WeakMap<GridBase, Map<GridBase, ParentRef[]>>();

/**
 * Parent cell of every node of a new field's grid in the main grid: the same region and level in
 * the parent section (the main grid's ALL when it lacks the level). A field region the main grid
 * lacks (the residual) gets the national parent minus the field's other provinces, as in base.ts.
 */
function parentRefs(field: GridBase, main: GridBase): ParentRef[] {
  let byMain = parentRefCache.get(field);
  if (!byMain) parentRefCache.set(field, (byMain = new Map()));
  const hit = byMain.get(main);
  if (hit) return hit;
  const parent = field.field!.parent;
  const mrec = main.grid.reconciler;
  const [mr, , mq] = mrec.dims;
  const rootR = rootOf(mr)!;
  const rootQ = rootOf(mq)!;
  const fr = field.grid.reconciler.dims[0];
  const refs = field.grid.nodes.map((n): ParentRef => {
    const q = cellOffset(mrec, [rootR, parent, n.qualification]) >= 0 ? n.qualification : rootQ;
    const plus = cellOffset(mrec, [n.region, parent, q]);
    if (plus >= 0 || !fr.bottom.includes(n.region)) return { plus, minus: [] };
    const minus = fr.bottom
      .filter((x) => x !== n.region)
      .map((x) => cellOffset(mrec, [x, parent, q]))
      .filter((o) => o >= 0);
    return { plus: cellOffset(mrec, [rootR, parent, q]), minus };
  });
  byMain.set(main, refs);
  return refs;
}

/** Result of applying a scenario to (part of) a grid. */
export interface ScenarioResult {
  forecasts: CellForecast[];
  gaps: GapRow[];
}

const sliceReconcilers = new WeakMap<Grid, Reconciler>();

function sliceReconciler(grid: Grid): Reconciler {
  let r = sliceReconcilers.get(grid);
  if (!r) {
    r = makeReconciler(grid.reconciler.dims.slice(1));
    sliceReconcilers.set(grid, r);
  }
  return r;
}
/**
 * Growth multiplier path of a sector (t = 1..H, index t−1), per sector and level: a new field's
 * cells of the target's level also move toward the target path by the scenario's attainment,
 * and by the scenario's boost of the field.
 */
function multipliersFor(gb: GridBase, scenario: Scenario): (s: string, q: string) => Float64Array {
  const ds = gb.grid.reconciler.dims[1];
  const H = gb.grid.horizon;
  const multBySector = new Map<string, Float64Array>();
  return (s, q) => {
    const key = gb.field && gb.target && (gb.target.qualification === 'ALL' || gb.target.qualification === q) ? `${s}|target` : s;
    let m = multBySector.get(key);
    if (!m) {
      const codes = gb.field ? [s, gb.field.parent, ...ancestors(ds, s)] : ancestors(ds, s);
      m = growthMultipliers(sectorGrowthOf(scenario, codes), H);
      if (key.endsWith('|target') && scenario.targetAttainment !== undefined && gb.target) {
        const { trend, path } = gb.target;
        const a = scenario.targetAttainment;
        for (let t = 0; t < H; t++) {
          const adj = trend[t] > 0 ? (trend[t] + a * (path[t] - trend[t])) / trend[t] : 1;
          m[t] *= adj;
        }
      }
      const boost = gb.field ? scenario.fieldBoost?.[gb.field.code] : undefined;
      if (boost) {
        const f = fieldBoostFactors(gb, boost);
        for (let t = 0; t < H; t++) m[t] *= f[t];
      }
      multBySector.set(key, m);
    }
    return m;
  };
}

/** A new field's parent section in the main grid, under the same scenario and cap; null for the main grid or without one. */
function parentCapOf(gb: GridBase, scenario: Scenario, ctx: ScenarioContext, cap: ScenarioCap | null): ParentCap | null {
  const sys = ctx.system ?? null;
  const main = gb.field ? (ctx.main ?? sys?.main ?? null) : null;
  return main ? { main, emp: mainScenarioEmployment(main, scenario, cap), refs: parentRefs(gb, main) } : null;
}

/**
 * The cells to compute (the whole grid, or the one bottom region `region`) and their adjusted
 * employment E'_t, t = 0..H (0 = base year). In years where the national ceiling binds, cells are
 * scaled and rounded DOWN, so Σ cells stays ≤ the ceiling after rounding. A new field is part of
 * its parent section: each detailed cell is capped by the parent's scenario path (same region and
 * level), so no field cell or total ever exceeds its parent.
 */
function scenarioCells(gb: GridBase, scenario: Scenario, ctx: ScenarioContext, region?: string): ScenarioCells {
  const { grid } = gb;
  const [dr, ds, dq] = grid.reconciler.dims;
  const nSQ = ds.codes.length * dq.codes.length;
  const H = grid.horizon;
  const rec = region === undefined ? grid.reconciler : sliceReconciler(grid);
  const size = (region === undefined ? dr.codes.length : 1) * nSQ;
  const offset = region === undefined ? 0 : dr.index.get(region)! * nSQ;
  const [bottomR, bottomS, bottomQ] = [new Set(dr.bottom), new Set(ds.bottom), new Set(dq.bottom)];
  const nodes = grid.nodes.slice(offset, offset + size);
  const leaf = new Uint8Array(size);
  const hidden = new Uint8Array(size);
  nodes.forEach((n, local) => {
    leaf[local] = bottomR.has(n.region) && bottomS.has(n.sector) && bottomQ.has(n.qualification) ? 1 : 0;
    if (grid.hidden.has(n.region)) hidden[local] = 1;
  });
  const sys = ctx.system ?? null;
  const cap = sys?.main ? scenarioCapFactors(sys.main, scenario, sys.system) : null;
  const parent = parentCapOf(gb, scenario, ctx, cap);
  const baseYear = Float64Array.from(nodes, (n) => n.base);
  // Any grid but a new field has the main grid's scenario employment: computed once per scenario and
  // shared with the fields it caps (one region's cells are a view on it; its figures are whole
  // numbers, so its sums do not depend on the order they are added in).
  const later = gb.field
    ? fieldEmployment({ gb, scenario, cap, parent, rec, offset, nodes, leaf })
    : mainScenarioEmployment(gb, scenario, cap).map((e) => e.subarray(offset, offset + size));
  return { gb, scenario, ctx, rec, offset, size, H, nodes, leaf, hidden, emp: [baseYear, ...later], sys, parent };
}

/**
 * A new field's scenario employment of the cells `nodes` (offset `offset` in its grid), t = 1..H
 * (index t−1): its own growth path, capped cell by cell by its parent section's scenario path.
 */
function fieldEmployment(run: {
  gb: GridBase;
  scenario: Scenario;
  cap: ScenarioCap | null;
  parent: ParentCap | null;
  rec: Reconciler;
  offset: number;
  nodes: Grid['nodes'];
  leaf: Uint8Array;
}): Float64Array[] {
  const { gb, scenario, cap, parent, rec, offset, nodes, leaf } = run;
  const H = gb.grid.horizon;
  const size = nodes.length;
  const multFor = multipliersFor(gb, scenario);
  const parentAt = (off: number, t: number): number => {
    const r = parent!.refs[off];
    if (r.plus < 0) return Infinity;
    let v = parent!.emp[t - 1][r.plus];
    for (const o of r.minus) v -= parent!.emp[t - 1][o];
    return Math.max(0, v);
  };
  const emp: Float64Array[] = Array.from({ length: H }, () => new Float64Array(size));
  for (let local = 0; local < size; local++) {
    if (!leaf[local]) continue;
    const node = nodes[local];
    const m = multFor(node.sector, node.qualification);
    for (let t = 1; t <= H; t++) {
      const v = cap ? leafEmployment(node.mean[t - 1], m[t - 1], cap.factors[t - 1], cap.capped[t - 1] === 1) : Math.round(node.mean[t - 1] * m[t - 1]);
      emp[t - 1][local] = parent ? Math.min(v, parentAt(offset + local, t)) : v;
    }
  }
  for (const e of emp) aggregateTensor(rec, e);
  return emp;
}

/**
 * Apply `scenario` to a grid base: scenario employment of the cells, then their gap rows
 * (recompute-gaps.ts) and, when asked, their forecasts (recompute-forecasts.ts).
 * @param regions restrict to these region codes (each must be a bottom code,
 *   e.g. a province); default: every region of the grid.
 */
export function applyScenario(gb: GridBase, scenario: Scenario, ctx: ScenarioContext, regions?: string[]): ScenarioResult {
  if (regions && regions.length !== 1) {
    // One region at a time; ranks are per region, so the pieces are the same as a joint run.
    const parts = regions.map((r) => applyScenario(gb, scenario, ctx, [r]));
    return { forecasts: parts.flatMap((p) => p.forecasts), gaps: parts.flatMap((p) => p.gaps) };
  }
  const r = regions?.[0];
  if (r !== undefined && !gb.grid.reconciler.dims[0].bottom.includes(r)) {
    // A total region was asked for: compute everything, keep only it.
    const all = applyScenario(gb, scenario, ctx);
    return { forecasts: all.forecasts.filter((f) => f.region === r), gaps: all.gaps.filter((g) => g.region === r) };
  }
  const cells = scenarioCells(gb, scenario, ctx, r);
  const gaps = scenarioGaps(cells);
  return { forecasts: ctx.forecasts ? scenarioForecasts(cells) : [], gaps };
}
