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
import { basisFromMask, statusBit } from './basis';
import { aggregateTensor, cellOffset, makeReconciler, type Reconciler } from './reconcile';
import { imbalanceOf, rankBlock } from './imbalance';
import type { ExitRates } from './openings';
import type { Grid } from './projection';
import { replacementRatePath } from './openings';
import { levelTotals, otherEntrantsFromSystem, type SystemOtherEntrants } from './other-entrants';
import type { BaseProjection } from './base';
import { demandKey, growthMultipliers, scenarioCap, sectorGrowthOf, type ScenarioCap } from './scenarios';
import { entryRateAt, fieldBoostFactors } from './scenario-levers';
import { ancestors } from './structure';
import { aggregateSupplyHalf, type SupplyInputs } from './supply';
import type { NationalSystem } from './system/types';
import type { CellForecast, GapRow, Scenario, Thresholds } from './types';

/** Everything fitted once per dataset version for one grid (sections, or one new field). */
export interface GridBase {
  grid: Grid;
  exits: ExitRates;
  supply: SupplyInputs;
  /** Set for a new field's grid. */
  field?: { code: string; parent: string };
  /** Trend and target paths of a new field with a target (national, `qualification`), years base+1… */
  target?: { qualification: string; trend: number[]; path: number[] };
  /** Status mask (basis.ts) of the employment observations each node rests on, by tensor offset. */
  basis?: Uint8Array;
  /** Same, with the graduates, exits and entrants series behind supply and replacement: the gap rows' basis. */
  gapBasis?: Uint8Array;
}

/** A node's status mask from its own history, when the grid base carries no masks (hand-built bases in tests). */
function historyMask(node: Grid['nodes'][number]): number {
  let m = 0;
  for (const p of node.history) m |= statusBit(p.status);
  return m;
}

/** Settings shared by every scenario of an outlook. */
export interface ScenarioContext {
  thresholds: Thresholds;
  /** Base entry rate (a scenario may override it). */
  entryRate: number;
  /** Horizons (years) to produce gap rows for. */
  gapHorizons: number[];
  /** Produce employment forecasts too (not only gaps). */
  forecasts: boolean;
  /** @deprecated Ignored: mobility re-entry was removed (it double counted net expansion). */
  mobilityRate?: number;
  /** Scenario-independent inputs from the national system; absent or null = documented default rates, no cap. */
  system?: SystemInputs | null;
  /**
   * The main (sections) grid: a new field's cells are capped by their parent section's scenario path
   * in it (a part never exceeds its whole). Default `system.main`; without either, fields are not capped.
   */
  main?: GridBase | null;
}

/** What the scenario step takes from the national system (built once per base, outlook.ts). */
export interface SystemInputs {
  system: NationalSystem;
  /** The main (sections) grid: the labour-force cap is computed on it and applied to every grid. */
  main: GridBase | null;
  /** Other entrants by level from the demographic model. */
  others: SystemOtherEntrants;
}

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
  const gradual = system.maxRateFallPerYear !== undefined
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
 * Scenario employment of EVERY cell of the main grid, years t = 1..H (index t−1), totals re-added
 * from the detailed cells exactly as `applyScenario` does. Used to cap new fields by their parent
 * section; cached per grid, scenario growth and cap.
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

/** Where a new field's cell finds its parent section in the main grid: `plus` − Σ `minus` (offsets; −1 = none). */
interface ParentRef { plus: number; minus: number[] }

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
  const rootR = mr.codes.find((c) => !mr.parent.get(c))!;
  const rootQ = mq.codes.find((c) => !mq.parent.get(c))!;
  const fr = field.grid.reconciler.dims[0];
  const refs = field.grid.nodes.map((n): ParentRef => {
    const q = cellOffset(mrec, [rootR, parent, n.qualification]) >= 0 ? n.qualification : rootQ;
    const plus = cellOffset(mrec, [n.region, parent, q]);
    if (plus >= 0 || !fr.bottom.includes(n.region)) return { plus, minus: [] };
    const minus = fr.bottom.filter((x) => x !== n.region).map((x) => cellOffset(mrec, [x, parent, q])).filter((o) => o >= 0);
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

const sourceCache = new WeakMap<object, string>();

function forecastSource(grid: Grid, node: Grid['nodes'][number]): string {
  let s = sourceCache.get(node);
  if (!s) {
    const hist: string[] = [];
    for (const p of node.history) if (!hist.includes(p.source)) hist.push(p.source);
    const models = node.models.map((m) => m.method).join('+') || 'none';
    s = `LMO model: engine forecast (${models}) of ${grid.indicator}, reconciled across regions, sectors and levels (OLS). History: ${hist.join('; ')}`;
    sourceCache.set(node, s);
  }
  return s;
}

/** Short, because it repeats on every row; the outlook's `assumptions` hold the method. */
const GAP_SOURCE = 'LMO model (modelled): openings vs new supply, see assumptions';

/**
 * Persons are whole numbers. Detailed cells are rounded BEFORE totals are
 * added up, so every total is the exact sum of the figures shown for its parts
 * (and the stored JSON carries no 15-digit noise).
 */
const round = Math.round;
const round3 = (x: number) => Math.round(x * 1000) / 1000;
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * Apply `scenario` to a grid base.
 * @param regions restrict to these region codes (each must be a bottom code,
 *   e.g. a province); default: every region of the grid.
 */
export function applyScenario(gb: GridBase, scenario: Scenario, ctx: ScenarioContext, regions?: string[]): ScenarioResult {
  const { grid, exits, supply } = gb;
  const [dr, ds, dq] = grid.reconciler.dims;
  const nS = ds.codes.length;
  const nQ = dq.codes.length;
  const nSQ = nS * nQ;
  const H = grid.horizon;
  let regionIdx: number;
  let rec: Reconciler;
  if (regions) {
    if (regions.length !== 1) {
      // One region at a time; ranks are per region, so the pieces are the same as a joint run.
      const parts = regions.map((r) => applyScenario(gb, scenario, ctx, [r]));
      return { forecasts: parts.flatMap((p) => p.forecasts), gaps: parts.flatMap((p) => p.gaps) };
    }
    const r = regions[0];
    if (!dr.bottom.includes(r)) {
      // A total region was asked for: compute everything, keep only it.
      const all = applyScenario(gb, scenario, ctx);
      return { forecasts: all.forecasts.filter((f) => f.region === r), gaps: all.gaps.filter((g) => g.region === r) };
    }
    regionIdx = dr.index.get(r)!;
    rec = sliceReconciler(grid);
  } else {
    regionIdx = -1;
    rec = grid.reconciler;
  }
  const full = !regions;
  const size = (full ? dr.codes.length : 1) * nSQ;
  const offset = full ? 0 : regionIdx * nSQ;

  // Employment multiplier per sector and year (t = 1..H).
  const multBySector = new Map<string, Float64Array>();
  const multFor = (s: string, q: string): Float64Array => {
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

  // Per computed cell: its node, whether it is a detailed (bottom) cell.
  const bottomS = new Set(ds.bottom);
  const bottomQ = new Set(dq.bottom);
  const bottomR = new Set(dr.bottom);
  const nodes = grid.nodes.slice(offset, offset + size);
  const leaf = new Uint8Array(size);
  for (let local = 0; local < size; local++) {
    const n = nodes[local];
    leaf[local] = bottomR.has(n.region) && bottomS.has(n.sector) && bottomQ.has(n.qualification) ? 1 : 0;
  }

  // Adjusted employment E'_t of every cell, t = 0..H (0 = base year). In years where the national
  // ceiling binds, cells are scaled and rounded DOWN, so Σ cells stays ≤ the ceiling after rounding.
  const sys = ctx.system ?? null;
  const cap = sys?.main ? scenarioCapFactors(sys.main, scenario, sys.system) : null;
  // A new field is part of its parent section: each detailed cell is capped by the parent's
  // scenario path (same region and level), so no field cell or total ever exceeds its parent.
  const main = gb.field ? (ctx.main ?? sys?.main ?? null) : null;
  const parentEmp = main ? mainScenarioEmployment(main, scenario, cap) : null;
  const refs = main ? parentRefs(gb, main) : null;
  const parentAt = (off: number, t: number): number => {
    const r = refs![off];
    if (r.plus < 0) return Infinity;
    let v = parentEmp![t - 1][r.plus];
    for (const o of r.minus) v -= parentEmp![t - 1][o];
    return Math.max(0, v);
  };
  const emp: Float64Array[] = Array.from({ length: H + 1 }, () => new Float64Array(size));
  for (let local = 0; local < size; local++) {
    if (!leaf[local]) continue;
    const node = nodes[local];
    const m = multFor(node.sector, node.qualification);
    for (let t = 1; t <= H; t++) {
      const v = cap ? leafEmployment(node.mean[t - 1], m[t - 1], cap.factors[t - 1], cap.capped[t - 1] === 1) : Math.round(node.mean[t - 1] * m[t - 1]);
      emp[t][local] = parentEmp ? Math.min(v, parentAt(offset + local, t)) : v;
    }
  }
  for (let t = 1; t <= H; t++) aggregateTensor(rec, emp[t]);
  for (let local = 0; local < size; local++) emp[0][local] = nodes[local].base;

  const entry = (q: string, t: number) => entryRateAt(scenario, ctx.entryRate, q, t);
  const xr = scenario.exitRate;
  const horizons = [...new Set(ctx.gapHorizons)].filter((h) => h >= 1 && h <= H).sort((a, b) => a - b);
  const gaps: GapRow[] = [];
  const hidden = new Uint8Array(size);
  const worse = new Uint8Array(size);
  nodes.forEach((n, local) => {
    const a = n.accuracy;
    if (a.mase !== null && a.naiveMase !== null && a.mase > 1.2 * a.naiveMase) worse[local] = 1;
  });
  const iv80Of = nodes.map((n, local) => {
    if (grid.hidden.has(n.region)) hidden[local] = 1;
    return n.intervals.find((iv) => iv.level === 80) ?? n.intervals[0];
  });
  // Comparable rows for ranking: same region and aggregation level of sector and qualification.
  const sectorRoot = ds.codes.find((c) => !ds.parent.get(c));
  const qualRoot = dq.codes.find((c) => !dq.parent.get(c));
  const groupIds = new Map<string, number>();
  const groupOfLocal = nodes.map((n) => {
    const kind = `${n.region}|${gb.field ? 'field' : n.sector === sectorRoot ? 'total' : bottomS.has(n.sector) ? 'section' : 'group'}|${n.qualification === qualRoot ? 'all' : 'level'}`;
    let id = groupIds.get(kind);
    if (id === undefined) groupIds.set(kind, (id = groupIds.size));
    return id;
  });
  const groupOfRow: number[] = [];
  const expansion = new Float64Array(size);
  const replacement = new Float64Array(size);
  const newSupply = new Float64Array(size);
  const supplyHalf = new Float64Array(size);
  // Running sums per detailed cell.
  const cumRepl = new Float64Array(size);
  const cumSupply = new Float64Array(size);
  const cumHalf = new Float64Array(size);
  // Replacement rate per level and year from the national system (measured exits override a cell).
  const levelRate = new Map<string, Float64Array>();
  const rateOf = (q: string): Float64Array => {
    let r = levelRate.get(q);
    if (!r) levelRate.set(q, (r = replacementRatePath(sys!.system, q, H)));
    return r;
  };
  const noOthers = new Float64Array(H);
  let k = 0;
  for (let t = 1; t <= H; t++) {
    for (let local = 0; local < size; local++) {
      if (!leaf[local]) continue;
      const off = offset + local;
      const q = nodes[local].qualification;
      const rate = sys && !exits.observed[off] ? rateOf(q)[t - 1] : exits.rate[off];
      cumRepl[local] += rate * xr * emp[t - 1][local];
      const other = sys && !supply.otherFromData?.[off]
        ? (sys.others.perWorker[q] ?? noOthers)[t - 1] * nodes[local].base
        : supply.other[off][t - 1];
      const e = entry(q, t);
      cumSupply[local] += e * supply.gradMean[off][t - 1] + other;
      cumHalf[local] += e * supply.gradHalf80[off][t - 1];
    }
    if (horizons[k] !== t) continue;
    k++;
    for (let local = 0; local < size; local++) {
      const isLeaf = leaf[local] === 1;
      expansion[local] = isLeaf ? emp[t][local] - emp[0][local] : 0;
      replacement[local] = isLeaf ? round(cumRepl[local]) : 0;
      newSupply[local] = isLeaf ? round(cumSupply[local]) : 0;
      supplyHalf[local] = isLeaf ? cumHalf[local] : 0;
    }
    for (const x of [expansion, replacement, newSupply]) aggregateTensor(rec, x);
    aggregateSupplyHalf(rec, supplyHalf, supply.gradCorrelation ?? 1); // supply.ts: linear over areas, equicorrelated across series
    const period = String(grid.baseYear + t);
    const blockStart = gaps.length;
    for (let local = 0; local < size; local++) {
      const node = nodes[local];
      if (hidden[local]) continue;
      const baseMean = node.mean[t - 1];
      const scale = baseMean > 0 ? emp[t][local] / baseMean : 1;
      // The cell's own employment uncertainty: on top-down grids its share band only. The national
      // level (labour force, economy-wide demand) moves openings and new supply alike (entrants
      // come from the same demographic labour force), so it is common to both sides and left out.
      const own = node.shareHalf80;
      const iv80 = iv80Of[local];
      const empHalf = own ? own[t - 1] * scale : iv80 ? ((iv80.upper[t - 1] - iv80.lower[t - 1]) / 2) * scale : 0;
      const openings = expansion[local] + replacement[local];
      const imb = imbalanceOf(
        {
          openings,
          replacement: replacement[local],
          expansion: expansion[local],
          newSupply: newSupply[local],
          halfWidth80: Math.sqrt(empHalf * empHalf + supplyHalf[local] * supplyHalf[local]),
          employmentBase: node.base,
          worseThanNaive: worse[local] === 1,
        },
        ctx.thresholds,
      );
      groupOfRow.push(groupOfLocal[local]);
      gaps.push({
        region: node.region,
        sector: node.sector,
        qualification: node.qualification,
        horizon: t,
        period,
        employmentBase: node.base,
        employmentEnd: emp[t][local],
        openings,
        expansion: expansion[local],
        replacement: replacement[local],
        newSupply: newSupply[local],
        imbalance: imb.imbalance,
        imbalanceLower: round(imb.imbalanceLower),
        imbalanceUpper: round(imb.imbalanceUpper),
        imbalanceShare: imb.imbalanceShare === null ? null : round6(imb.imbalanceShare),
        ratio: imb.ratio === null ? null : round3(imb.ratio),
        flag: imb.flag,
        confidence: imb.confidence,
        rank: null,
        status: 'modelled',
        basis: basisFromMask(gb.gapBasis?.[offset + local] ?? historyMask(node)),
        source: GAP_SOURCE,
      });
    }
    // Rank within this horizon's rows, by region and aggregation level.
    rankBlock(gaps, blockStart, gaps.length, groupOfRow);
  }


  const forecasts: CellForecast[] = [];
  const roots = grid.reconciler.dims.map((d) => d.codes.find((c) => !d.parent.get(c)));
  const isRoot = (local: number) => !gb.field && nodes[local].region === roots[0] && nodes[local].sector === roots[1] && nodes[local].qualification === roots[2];
  if (ctx.forecasts) {
    const periods = Array.from({ length: H }, (_, i) => String(grid.baseYear + i + 1));
    for (let local = 0; local < size; local++) {
      const node = nodes[local];
      if (hidden[local]) continue;
      const mean = new Array<number>(H);
      const scales = new Array<number>(H);
      for (let t = 0; t < H; t++) {
        scales[t] = node.mean[t] > 0 ? emp[t + 1][local] / node.mean[t] : 1;
        mean[t] = emp[t + 1][local];
      }
      let intervals = scaledIntervals(node, mean, scales);
      if (isRoot(local) && sys) intervals = withinLabourForce(intervals, mean, sys.system);
      const pr = refs?.[offset + local];
      if (main && parentEmp && pr && pr.plus >= 0 && pr.minus.length === 0) {
        // Bounds too: a field's bound never exceeds the same bound of its parent section.
        const pNode = main.grid.nodes[pr.plus];
        const pMean = Array.from({ length: H }, (_, t) => parentEmp[t][pr.plus]);
        const pIv = scaledIntervals(pNode, pMean, pMean.map((v, t) => (pNode.mean[t] > 0 ? v / pNode.mean[t] : 1)));
        intervals = intervals.map((iv) => {
          const p = pIv.find((x) => x.level === iv.level);
          if (!p) return iv;
          return {
            level: iv.level,
            lower: iv.lower.map((v, t) => Math.min(v, p.lower[t], mean[t])),
            upper: iv.upper.map((v, t) => Math.max(Math.min(v, p.upper[t]), mean[t])),
          };
        });
      }
      forecasts.push({
        indicator: grid.indicator,
        region: node.region,
        sector: node.sector,
        qualification: node.qualification,
        unit: grid.unit,
        history: node.history,
        forecast: { periods, mean, intervals },
        models: node.models,
        intervalKind: node.intervalKind,
        accuracy: node.accuracy,
        ...(node.break ? { break: node.break } : {}),
        reconciliation: 'ols',
        status: 'modelled',
        basis: basisFromMask(gb.basis?.[offset + local] ?? historyMask(node)),
        source: forecastSource(grid, node),
      });
    }
  }
  return { forecasts, gaps };
}

/** A node's intervals scaled like its mean (`scales[t]` = scenario ÷ base path), rounded, around `mean`. */
function scaledIntervals(node: Grid['nodes'][number], mean: number[], scales: number[]): CellForecast['forecast']['intervals'] {
  return node.intervals.map((iv) => ({
    level: iv.level,
    lower: iv.lower.map((v, t) => Math.min(round(v * scales[t]), mean[t])),
    upper: iv.upper.map((v, t) => Math.max(round(v * scales[t]), mean[t])),
  }));
}

/**
 * National employment's bounds within the labour force, as the system's own band is built
 * (system/national-system.ts): upper ≤ the labour force's upper bound × (1 − minUnemploymentRate)
 * of the same level (never below the mean). A growth scenario scales the band up with the mean, so
 * without this its upper bound could exceed any labour force the system allows.
 */
function withinLabourForce(intervals: CellForecast['forecast']['intervals'], mean: number[], system: NationalSystem): CellForecast['forecast']['intervals'] {
  const lf = system.labourForce;
  const minU = system.minUnemploymentRate;
  return intervals.map((iv) => {
    const band = lf.intervals.find((x) => x.level === iv.level);
    return {
      level: iv.level,
      lower: iv.lower,
      upper: iv.upper.map((v, t) => {
        const ceiling = (band?.upper ?? lf.mean)[system.baseIndex + t + 1];
        return ceiling === undefined || !Number.isFinite(ceiling) ? v : Math.max(mean[t], Math.min(v, Math.floor(ceiling * (1 - minU))));
      }),
    };
  });
}
