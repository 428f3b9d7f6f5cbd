/**
 * The steps of computeBase that fit grids: the main employment grid (inside the
 * national system) with its exits and supply inputs, each new field's grid, and
 * the new fields' target paths. Split out so each step can be read on its own.
 */
import type { Observation } from '../data/observation';
import { gridBasisMasks, labelSummedHistory } from './basis';
import { dimensionOf, regionDimension } from './base-dimensions';
import type { BreakSpec } from './breaks';
import { makeDimension, type Dimension, rootOf } from './hierarchy';
import type { ObservationIndex } from './observations';
import { estimateExitRates, type ExitRates } from './openings';
import { gridHistory, projectGrid, SUM_SOURCE, type Grid, type GridHistory, type GridOptions } from './projection';
import type { PathForecaster } from './composition/forecaster';
import { allocateField, allocateMain, type FieldLeafInput, type RelBand } from './system/allocate-grid';
import { relativeBand } from './system/aggregate-band';
import { buildNationalSystem, type SystemResult } from './system/national-system';
import type { NationalSystem } from './system/types';
import type { GridBase } from './grid-base';
import type { LabourStructure } from './structure';
import { calibrateOtherEntrants, DEFAULT_OTHER_ENTRANTS_RATE, type OtherEntrantRates } from './other-entrants';
import { supplyInputs, type SupplyInputs } from './supply';
import { targetPath, workforceLevelOf } from './targets';
import type { TargetSpec } from './types';

/** A new field: its code and the section it is part of. */
type FieldSpec = LabourStructure['fields'][number];

/** Flow indicators behind new supply and replacement demand: their statuses join a gap row's basis. */
export const SUPPLY_FLOWS = ['graduates', 'exits', 'entrants'] as const;

/** What every step of computeBase shares, resolved from the options once. */
export interface BaseContext {
  observations: readonly Observation[];
  index: ObservationIndex;
  structure: LabourStructure;
  horizon: number;
  levels: number[];
  /** Declared breaks of an indicator. */
  gridBreaks: (indicator: string) => BreakSpec[];
  minAfterBreak?: number;
  backtest?: 'all' | 'aggregates';
  otherEntrants?: 'calibrated' | 'default';
  entryRate: number;
  retirementExitShare?: number;
  minUnemploymentRate?: number;
  forecaster: PathForecaster;
  /** Milliseconds per step, filled in as the steps run. */
  timing: Record<string, number>;
}

/** The main grid's result: the national system it is a share of, the grid base and the other-entrant rates it calibrated. */
export interface MainProjection {
  sys: SystemResult | null;
  main: GridBase | null;
  otherEntrants: OtherEntrantRates;
}

const now = () => performance.now();

/** The documented default other-entrant rates, used until (and unless) the main grid calibrates them. */
function defaultOtherEntrants(): OtherEntrantRates {
  return {
    rate: { ...DEFAULT_OTHER_ENTRANTS_RATE },
    basis: Object.fromEntries(Object.keys(DEFAULT_OTHER_ENTRANTS_RATE).map((q) => [q, 'default' as const])),
  };
}

/**
 * Backtest origins, to keep the whole outlook within its time budget: 3 for national and
 * regional cells, 2 for other province cells, 1 (3 held-out years) for the detailed cells.
 */
function backtestOrigins(dims: Dimension[], backtest: BaseContext['backtest']) {
  const leafOrigins = backtest === 'aggregates' ? 0 : 1;
  const bottoms = dims.map((d) => new Set(d.bottom));
  return (r: string, s: string, q: string) => (!bottoms[0].has(r) ? 3 : bottoms[1].has(s) && bottoms[2].has(q) ? leafOrigins : 2);
}

/** The national employment band as a share of its mean, from the base year on: the total the grid's bands scale to. */
function totalRelOf(system: NationalSystem): RelBand {
  const b = system.baseIndex + 1;
  const m = system.employment.mean.slice(b);
  return system.employment.intervals.map((iv) => ({
    level: iv.level,
    lower: m.map((v, t) => (v > 0 ? Math.max(0, 1 - iv.lower[b + t] / v) : 0)),
    upper: m.map((v, t) => (v > 0 ? Math.max(0, iv.upper[b + t] / v - 1) : 0)),
  }));
}

/**
 * The main grid (province × section × level), allocated top-down from the national system,
 * then its exit rates, other-entrant rates and supply inputs.
 */
export function projectMain(ctx: BaseContext): MainProjection {
  const { index, structure, horizon, levels, gridBreaks, timing } = ctx;
  const t0 = now();
  let otherEntrants = defaultOtherEntrants();
  const sectionCodes = new Set(structure.sectors.map((n) => n.code));
  const sector = dimensionOf(index, 'employment', 'sector', structure.sectors, (s) => sectionCodes.has(s));
  const shared = employmentGridOptions(ctx, sectionCodes, sector);
  const { dims } = shared;
  if (dims.some((d) => !d.codes.length)) return { sys: null, main: null, otherEntrants };
  const gridOpts = { ...shared, backtestOrigins: backtestOrigins(dims, ctx.backtest) };
  const hist = gridHistory(index, gridOpts);
  let sys: SystemResult | null = null;
  let grid: Grid | null = null;
  if (hist) {
    sys = nationalSystemFor(ctx, hist, dims, [...gridBreaks('labour_force'), ...gridBreaks('employment')][0]);
    const plan = { sectionPaths: sys.sectionPaths, sectionRel: sys.sectionShareRel, totalRel: totalRelOf(sys.system), forecaster: ctx.forecaster };
    grid = projectGrid(index, { ...gridOpts, topDown: (gh) => allocateMain(gh.reconciler, gh.years, horizon, levels, plan, gh.offset) }, hist);
  }
  timing.mainGrid = now() - t0;
  if (!grid) return { sys, main: null, otherEntrants };
  const t1 = now();
  const exits = estimateExitRates(index, grid);
  timing.mainExits = now() - t1;
  const t2 = now();
  if (ctx.otherEntrants !== 'default') otherEntrants = calibrateOtherEntrants(index, grid, exits.rate, ctx.entryRate);
  const supply = supplyInputs(index, grid, { otherEntrantsRate: otherEntrants.rate });
  timing.mainSupply = now() - t2;
  return { sys, main: gridBaseOf(index, grid, exits, supply), otherEntrants };
}

/**
 * One new field's grid (province × the field × level), allocated within its parent section's cells of the main grid when there is one.
 * Unlike the main grid it keeps the default backtest origins, and its default exit rates are its parent section's.
 */
function projectField(ctx: BaseContext, f: FieldSpec, mainGrid: Grid | undefined, otherEntrants: OtherEntrantRates): GridBase | null {
  const { index, horizon, levels, forecaster } = ctx;
  const shared = employmentGridOptions(ctx, new Set([f.code]), makeDimension([{ code: f.code }]));
  const grid = projectGrid(index, {
    ...shared,
    ...(mainGrid
      ? { topDown: (gh) => allocateField(gh.reconciler, gh.years[0].length, horizon, levels, fieldLeaves(gh, mainGrid, f.parent, levels), forecaster) }
      : {}),
  });
  if (!grid) return null;
  const exits = estimateExitRates(index, grid, f.parent);
  return gridBaseOf(index, grid, exits, supplyInputs(index, grid, { otherEntrantsRate: otherEntrants.rate }), f);
}

/**
 * What every employment grid shares (the sections, or one new field: `sectors`): the regions and
 * levels with data in those sectors, with the hidden residual region when provinces are missing.
 */
function employmentGridOptions(ctx: BaseContext, sectors: Set<string>, sector: Dimension): GridOptions {
  const { index, structure } = ctx;
  const { dim: region, residual, hidden } = regionDimension(index, 'employment', sectors, structure.regions);
  const qualification = dimensionOf(index, 'employment', 'qualification', structure.qualifications, (s) => sectors.has(s));
  return {
    indicator: 'employment',
    dims: [region, sector, qualification],
    horizon: ctx.horizon,
    levels: ctx.levels,
    breaks: ctx.gridBreaks('employment'),
    minAfterBreak: ctx.minAfterBreak,
    residual,
    hiddenRegions: hidden,
  };
}

/**
 * A fitted grid's base: its exits and supply inputs with the basis masks its rows carry (both from
 * one pass), its summed history relabelled by them. `field` is set for a new field's grid only.
 */
function gridBaseOf(index: ObservationIndex, grid: Grid, exits: ExitRates, supply: SupplyInputs, field?: FieldSpec): GridBase {
  const { basis, gapBasis } = gridBasisMasks(index, grid, SUPPLY_FLOWS);
  labelSummedHistory(grid, basis, SUM_SOURCE);
  // No `field` key at all on the main grid: a GridBase with one is a new field's.
  return field ? { grid, exits, supply, field, basis, gapBasis } : { grid, exits, supply, basis, gapBasis };
}

/** The grids of the new fields that have employment data, in structure order. */
export function projectFields(ctx: BaseContext, mainGrid: Grid | undefined, otherEntrants: OtherEntrantRates): GridBase[] {
  const employment = ctx.index.byIndicator.get('employment') ?? [];
  const fields: GridBase[] = [];
  for (const f of ctx.structure.fields) {
    if (!employment.some((c) => c.sector === f.code)) continue;
    const field = projectField(ctx, f, mainGrid, otherEntrants);
    if (field) fields.push(field);
  }
  return fields;
}

/**
 * Target paths of the new fields, which feed the policy scenarios. Only a decision that
 * gives people to train yields a workforce path (an assumption, targets.ts).
 */
export function attachTargets(fields: GridBase[], targetSpecs: readonly TargetSpec[], horizon: number, levels: number[]): void {
  for (const gb of fields) {
    const spec = targetSpecs.find((s) => s.field === gb.field!.code);
    if (!spec) continue;
    const root = rootOf(gb.grid.reconciler.dims[0]);
    const node = gb.grid.nodes.find((n) => n.region === root && n.qualification === spec.qualification);
    if (!node || node.history.length === 0) continue;
    const level = workforceLevelOf(spec, node.history[node.history.length - 1].value, gb.grid.baseYear);
    if (level === null) continue;
    const path = targetPath(
      node.history.map((p) => p.value),
      gb.grid.baseYear,
      level,
      spec.year,
      horizon,
      levels,
    );
    gb.target = { qualification: spec.qualification, trend: node.mean, path: path.mean };
  }
}

/** A main-grid node's relative band from its own shares only (`shareHalf80`, symmetric; every level gets the 80 % one). */
function nodeShareRel(node: Grid['nodes'][number], levels: number[]): RelBand | undefined {
  const h = node.shareHalf80;
  if (!h) return undefined;
  const rel = node.mean.map((m, t) => (m > 0 ? (h[t] ?? 0) / m : 0));
  return levels.map((level) => ({ level, lower: rel, upper: rel }));
}

/** The national system from the main grid's history (sections, national total, levels). */
function nationalSystemFor(ctx: BaseContext, hist: GridHistory, dims: [Dimension, Dimension, Dimension], brk: BreakSpec | undefined): SystemResult {
  const { observations, index, horizon, levels, forecaster } = ctx;
  const [dr, ds, dq] = dims;
  const root = (d: Dimension) => rootOf(d)!;
  const [rRoot, sRoot, qRoot] = [root(dr), root(ds), root(dq)];
  const years = hist.periods.map(Number);
  const series = (r: string, s: string, q: string) => hist.years.map((t) => t[hist.offset(r, s, q)]);
  const sections = Object.fromEntries(ds.bottom.map((s) => [s, { years, values: series(rRoot, s, qRoot) }]));
  const last = hist.years.length - 1;
  return buildNationalSystem(observations, index, {
    baseYear: hist.baseYear,
    horizon,
    levels,
    forecaster,
    sections,
    broadOf: (s) => {
      const p = ds.parent.get(s);
      return p && p !== sRoot ? p : s;
    },
    national: { years, values: series(rRoot, sRoot, qRoot) },
    qualification:
      dq.bottom.length > 1
        ? {
            levels: dq.bottom,
            firstShares: dq.bottom.map((q) => hist.years[0][hist.offset(rRoot, sRoot, q)]),
            baseShares: dq.bottom.map((q) => hist.years[last][hist.offset(rRoot, sRoot, q)]),
          }
        : undefined,
    break: brk,
    exitShare: ctx.retirementExitShare,
    minUnemploymentRate: ctx.minUnemploymentRate,
  });
}

/** Leaves of a new field's grid with their parent section's cells in the main grid (residual region: national − other provinces). */
function fieldLeaves(gh: GridHistory, main: Grid, parent: string, levels: number[]): FieldLeafInput[] {
  const [fr, , fq] = gh.reconciler.dims;
  const byKey = new Map(main.nodes.map((n) => [`${n.region}|${n.sector}|${n.qualification}`, n]));
  const mr = main.reconciler.dims[0];
  const mainRoot = rootOf(mr)!;
  const mq = main.reconciler.dims[2];
  const mainQRoot = rootOf(mq)!;
  const years = gh.periods.map(Number);
  const histAt = (n: Grid['nodes'][number]) => new Map(n.history.map((p) => [Number(p.period), p.value]));
  const out: FieldLeafInput[] = [];
  for (const p of fr.bottom) {
    for (const q of fq.bottom) {
      const off = gh.offset(p, gh.reconciler.dims[1].codes[0], q);
      const history = gh.years.map((t) => t[off]);
      const qq = byKey.has(`${mainRoot}|${parent}|${q}`) ? q : mainQRoot;
      let node = byKey.get(`${p}|${parent}|${qq}`);
      let parentHistory: number[];
      let parentPath: number[];
      if (!node) {
        // Residual region (or a province the main grid lacks): the national parent minus the field's other provinces.
        node = byKey.get(`${mainRoot}|${parent}|${qq}`);
        if (!node) continue;
        const others = fr.bottom
          .filter((x) => x !== p)
          .map((x) => byKey.get(`${x}|${parent}|${qq}`))
          .filter((n): n is Grid['nodes'][number] => !!n);
        const h0 = histAt(node);
        const ho = others.map(histAt);
        parentHistory = years.map((y) => (h0.has(y) ? Math.max(0, h0.get(y)! - ho.reduce((a, m) => a + (m.get(y) ?? 0), 0)) : NaN));
        parentPath = node.mean.map((v, t) => Math.max(0, v - others.reduce((a, n) => a + n.mean[t], 0)));
      } else {
        const h = histAt(node);
        parentHistory = years.map((y) => h.get(y) ?? NaN);
        parentPath = node.mean;
      }
      out.push({
        offset: off,
        history,
        parentHistory,
        parentPath,
        parentRel: relativeBand(node.mean, node.intervals, levels),
        parentShareRel: nodeShareRel(node, levels),
      });
    }
  }
  return out;
}
