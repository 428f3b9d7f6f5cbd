/**
 * Fitting, done once per dataset version: the employment grid (region ×
 * sector × level, reconciled), each new field, the national official series,
 * exit rates, supply inputs and the new fields' target paths.
 */
import type { Observation } from '../data/observation';
import { ForecastError } from '../forecast/errors';
import { gridBasisMasks, labelSummedHistory } from './basis';
import type { BreakSpec } from './breaks';
import { QUALIFICATION_TREE, REGION_TREE, SECTOR_TREE, SECTORS, SERIES_BREAKS } from './codes';
import { makeDimension, type Dimension, type TreeNode } from './hierarchy';
import { DEFAULT_THRESHOLDS } from './imbalance';
import { indexObservations, type ObservationIndex } from './observations';
import { forecastOfficial } from './official';
import { estimateExitRates } from './openings';
import { gridHistory, projectGrid, SUM_SOURCE, type Grid, type GridHistory } from './projection';
import type { PathForecaster } from './composition/forecaster';
import { allocateField, allocateMain, type FieldLeafInput, type RelBand } from './system/allocate-grid';
import { relativeBand } from './system/aggregate-band';
import { engineForecaster } from './system/forecaster';
import { buildNationalSystem, type SystemResult } from './system/national-system';
import type { NationalSystem } from './system/types';
import type { GridBase } from './recompute';
import type { LabourStructure } from './structure';
import { calibrateOtherEntrants, DEFAULT_OTHER_ENTRANTS_RATE, type OtherEntrantRates } from './other-entrants';
import { DEFAULT_ENTRY_RATE, supplyInputs } from './supply';
import { DEFAULT_TARGETS, targetPath, workforceLevelOf } from './targets';
import type { CellForecast, Scenario, TargetSpec, Thresholds } from './types';

/**
 * Default share of workers released by shrinking sections who look for work in
 * growing sections of the same province and level (the rest retire, move away
 * or leave the labour force). Assumption (unconfirmed).
 */
export const DEFAULT_MOBILITY_RATE = 0.5;

/** Flow indicators behind new supply and replacement demand: their statuses join a gap row's basis. */
export const SUPPLY_FLOWS = ['graduates', 'exits', 'entrants'] as const;

/** Code of the hidden residual region used when only some provinces have data. */
export const REST_REGION = '_rest';

export interface OutlookOptions {
  dataVersion?: string;
  /** Years to forecast (default 10). */
  horizon?: number;
  /** Interval levels (default [80, 95]). */
  levels?: number[];
  scenarios?: Scenario[];
  thresholds?: Partial<Thresholds>;
  /** Declared series breaks (default: SERIES_BREAKS from codes). */
  breaks?: BreakSpec[];
  /** Fit from a break when at least this many points follow it, else splice (default 8). */
  minAfterBreak?: number;
  structure?: LabourStructure;
  targets?: TargetSpec[];
  /** Share of graduates entering the labour market (default 0.85). */
  entryRate?: number;
  /**
   * Other entrants (no new qualification): 'calibrated' (default) from the
   * national stock-flow history where graduates data exist, or the documented
   * default rates.
   */
  otherEntrants?: 'calibrated' | 'default';
  /** Share of workers released by shrinking sections who seek work in growing sections of the same province and level (default 0.5). */
  mobilityRate?: number;
  /** Horizons to produce gap rows for (default 1..horizon). */
  gapHorizons?: number[];
  /** Employment forecasts for every scenario, or only for the baseline (smaller output). Default 'all'. */
  scenarioForecasts?: 'all' | 'baseline';
  /**
   * Rolling-origin backtests: 'all' (default: 3 origins for national and
   * regional cells, 2 for other province cells, 1 for the detailed province ×
   * section × level cells, to stay within the time budget) or 'aggregates'
   * (detailed cells get none).
   */
  backtest?: 'all' | 'aggregates';
  /** Share of the employed reaching retirement age who leave (default 0.5, system/flows.ts). */
  retirementExitShare?: number;
  /** Floor of the unemployment rate (share) for the labour-force cap; default the lowest official annual rate since the 2021 break − 0.5 pp, never above the base-year system rate (system/national-system.ts). */
  minUnemploymentRate?: number;
}

/** The structure from codes.ts: 34 provinces, VSIC sections (via broad groups), 5 levels, 4 new fields. */
export function defaultStructure(): LabourStructure {
  return {
    regions: REGION_TREE,
    sectors: SECTOR_TREE,
    qualifications: QUALIFICATION_TREE,
    fields: SECTORS.filter((s) => !s.additive && s.parent).map((s) => ({ code: s.code, parent: s.parent! })),
  };
}

/** Everything fitted once per dataset version. Plain data apart from lookup maps. */
export interface BaseProjection {
  dataVersion?: string;
  baseYear: number;
  horizon: number;
  levels: number[];
  main: GridBase | null;
  fields: GridBase[];
  official: CellForecast[];
  targetSpecs: TargetSpec[];
  thresholds: Thresholds;
  entryRate: number;
  mobilityRate: number;
  otherEntrants: OtherEntrantRates;
  breaks: BreakSpec[];
  /** Declared breaks of the employment hierarchy left unapplied because no measured value precedes them. */
  skippedBreaks: BreakSpec[];
  timingMs: Record<string, number>;
  /** The national system (labour force, employment, flows) every employment figure is a share of; null without a main grid. */
  system: NationalSystem | null;
}

/** A main-grid node's relative band from its own shares only (`shareHalf80`, symmetric; every level gets the 80 % one). */
function nodeShareRel(node: Grid['nodes'][number], levels: number[]): RelBand | undefined {
  const h = node.shareHalf80;
  if (!h) return undefined;
  const rel = node.mean.map((m, t) => (m > 0 ? (h[t] ?? 0) / m : 0));
  return levels.map((level) => ({ level, lower: rel, upper: rel }));
}

/** Codes present in the data, plus their ancestors, kept in structure order. */
function restrict(nodes: readonly TreeNode[], present: Set<string>): TreeNode[] {
  const parent = new Map(nodes.map((n) => [n.code, n.parent ?? null]));
  const keep = new Set<string>();
  for (const c of present) {
    let x: string | null | undefined = c;
    while (x && parent.has(x) && !keep.has(x)) {
      keep.add(x);
      x = parent.get(x);
    }
  }
  return nodes.filter((n) => keep.has(n.code));
}

/**
 * Region dimension for an indicator and set of sectors: the codes with data
 * and their parents. When the national (root) value is observed and exceeds
 * the sum of the provinces with data (some provinces are missing), a hidden
 * residual region keeps the national figure honest, and the regional totals in
 * between, which cannot be known, are hidden too. Missing provinces with no
 * such evidence count as 0, like any missing detailed cell.
 */
function regionDimension(
  index: ObservationIndex,
  indicator: string,
  sectors: Set<string>,
  regions: readonly TreeNode[],
): { dim: Dimension; residual?: { code: string; root: string }; hidden: string[] } {
  const cells = (index.byIndicator.get(indicator) ?? []).filter((c) => sectors.has(c.sector));
  const present = new Set(cells.map((c) => c.region));
  const nodes = restrict(regions, present);
  const sub = makeDimension(nodes);
  const root = sub.codes.find((c) => !sub.parent.get(c));
  if (!root || sub.bottom.includes(root) || !present.has(root)) return { dim: sub, hidden: [] };
  // Evidence of missing provinces: a detailed cell of the root (a section × level the grid sums) exceeds
  // the sum of the provinces' same cells, counting a province cell without data as 0 — else the root's
  // own figures would be lost when only some provinces (even a single one) have data.
  const bottom = new Set(sub.bottom);
  const levels = new Set(cells.filter((c) => c.qualification !== 'ALL').map((c) => c.qualification));
  const sums = new Map<string, number>();
  for (const c of cells) {
    if (!bottom.has(c.region)) continue;
    for (const [y, o] of c.byYear) {
      const k = `${c.sector}|${c.qualification}|${y}`;
      sums.set(k, (sums.get(k) ?? 0) + o.value);
    }
  }
  const missing = cells.some(
    (c) => c.region === root && levels.has(c.qualification)
      && [...c.byYear].some(([y, o]) => o.value > (sums.get(`${c.sector}|${c.qualification}|${y}`) ?? 0) + 0.5),
  );
  if (!missing) return { dim: sub, hidden: [] };
  const dim = makeDimension([...nodes, { code: REST_REGION, parent: root }]);
  const hidden = dim.codes.filter((c) => c !== root && dim.children.get(c)!.length > 0);
  return { dim, residual: { code: REST_REGION, root }, hidden };
}

function dimensionOf(index: ObservationIndex, indicator: string, pick: 'sector' | 'qualification', nodes: readonly TreeNode[], filter?: (sector: string) => boolean): Dimension {
  const present = new Set<string>();
  for (const c of index.byIndicator.get(indicator) ?? []) if (!filter || filter(c.sector)) present.add(c[pick]);
  return makeDimension(restrict(nodes, present));
}

const now = () => performance.now();

/**
 * Fit every model once: employment by region × section × level (reconciled),
 * each new field, the national official series, exit rates and supply inputs.
 */
export function computeBase(observations: readonly Observation[], options: OutlookOptions = {}): BaseProjection {
  const timing: Record<string, number> = {};
  let t0 = now();
  const horizon = options.horizon ?? 10;
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > 30) {
    throw new ForecastError('INVALID_HORIZON', `The outlook horizon must be a whole number of years from 1 to 30; got ${String(horizon)}.`, { horizon });
  }
  const levels = options.levels ?? [80, 95];
  const structure = options.structure ?? defaultStructure();
  const breaks: BreakSpec[] = options.breaks ?? SERIES_BREAKS.map((b) => ({ indicator: b.indicator, region: b.region, period: b.period, reason: b.reason }));
  const thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  const entryRate = options.entryRate ?? DEFAULT_ENTRY_RATE;
  const index = indexObservations(observations);
  timing.index = now() - t0;

  // The hierarchy's own break: a break declared for the indicator anywhere applies to every cell,
  // because detailed cells are built to add up to the national series that carries it.
  const gridBreaks = (indicator: string) => breaks.filter((b) => b.indicator === indicator);
  const sectionCodes = new Set(structure.sectors.map((n) => n.code));
  const qualNodes = structure.qualifications;
  // Backtest origins, to keep the whole outlook within its time budget: 3 for national and
  // regional cells, 2 for other province cells, 1 (3 held-out years) for the detailed cells.
  const leafOrigins = options.backtest === 'aggregates' ? 0 : 1;
  const backtestOrigins = (dims: Dimension[]) => {
    const bottoms = dims.map((d) => new Set(d.bottom));
    return (r: string, s: string, q: string) =>
      !bottoms[0].has(r) ? 3 : bottoms[1].has(s) && bottoms[2].has(q) ? leafOrigins : 2;
  };

  t0 = now();
  const forecaster = engineForecaster(levels);
  let sys: SystemResult | null = null;
  let main: GridBase | null = null;
  let otherEntrants: OtherEntrantRates = {
    rate: { ...DEFAULT_OTHER_ENTRANTS_RATE },
    basis: Object.fromEntries(Object.keys(DEFAULT_OTHER_ENTRANTS_RATE).map((q) => [q, 'default' as const])),
  };
  {
    const { dim: region, residual, hidden } = regionDimension(index, 'employment', sectionCodes, structure.regions);
    const sector = dimensionOf(index, 'employment', 'sector', structure.sectors, (s) => sectionCodes.has(s));
    const qualification = dimensionOf(index, 'employment', 'qualification', qualNodes, (s) => sectionCodes.has(s));
    if (sector.codes.length && qualification.codes.length && region.codes.length) {
      const dims: [Dimension, Dimension, Dimension] = [region, sector, qualification];
      const gridOpts = {
        indicator: 'employment', dims, horizon, levels, breaks: gridBreaks('employment'),
        minAfterBreak: options.minAfterBreak, residual, hiddenRegions: hidden, backtestOrigins: backtestOrigins(dims),
      };
      const hist = gridHistory(index, gridOpts);
      let grid: Grid | null = null;
      if (hist) {
        sys = nationalSystemFor(observations, index, hist, dims, horizon, levels, forecaster, [...gridBreaks('labour_force'), ...gridBreaks('employment')][0], options);
        const totalRel: RelBand = sys.system.employment.intervals.map((iv) => {
          const b = sys!.system.baseIndex + 1;
          const m = sys!.system.employment.mean.slice(b);
          return {
            level: iv.level,
            lower: m.map((v, t) => (v > 0 ? Math.max(0, 1 - iv.lower[b + t] / v) : 0)),
            upper: m.map((v, t) => (v > 0 ? Math.max(0, iv.upper[b + t] / v - 1) : 0)),
          };
        });
        const plan = { sectionPaths: sys.sectionPaths, sectionRel: sys.sectionShareRel, totalRel, forecaster };
        grid = projectGrid(index, { ...gridOpts, topDown: (gh) => allocateMain(gh.reconciler, gh.years, horizon, levels, plan, gh.offset) }, hist);
      }
      timing.mainGrid = now() - t0;
      if (grid) {
        const t1 = now();
        const exits = estimateExitRates(index, grid);
        timing.mainExits = now() - t1;
        const t2 = now();
        if (options.otherEntrants !== 'default') otherEntrants = calibrateOtherEntrants(index, grid, exits.rate, entryRate);
        const supply = supplyInputs(index, grid, { otherEntrantsRate: otherEntrants.rate });
        timing.mainSupply = now() - t2;
        main = { grid, exits, supply, basis: gridBasisMasks(index, grid), gapBasis: gridBasisMasks(index, grid, SUPPLY_FLOWS) };
        labelSummedHistory(grid, main.basis!, SUM_SOURCE);
      }
    }
  }
  timing.main = now() - t0;
  // Declared breaks the hierarchy did not need (its values before the break are modelled on the new basis).
  const skippedBreaks = main && !main.grid.nodes.some((n) => n.break) ? gridBreaks('employment') : [];

  t0 = now();
  const fields: GridBase[] = [];
  for (const f of structure.fields) {
    const only = new Set([f.code]);
    if (!(index.byIndicator.get('employment') ?? []).some((c) => c.sector === f.code)) continue;
    const { dim: region, residual, hidden } = regionDimension(index, 'employment', only, structure.regions);
    const sector = makeDimension([{ code: f.code }]);
    const qualification = dimensionOf(index, 'employment', 'qualification', qualNodes, (s) => s === f.code);
    const dims: [Dimension, Dimension, Dimension] = [region, sector, qualification];
    const mainGrid = main?.grid;
    const grid = projectGrid(index, {
      indicator: 'employment', dims, horizon, levels, breaks: gridBreaks('employment'),
      minAfterBreak: options.minAfterBreak, residual, hiddenRegions: hidden,
      ...(mainGrid ? { topDown: (gh) => allocateField(gh.reconciler, gh.years[0].length, horizon, levels, fieldLeaves(gh, mainGrid, f.parent, levels), forecaster) } : {}),
    });
    if (!grid) continue;
    fields.push({
      grid, exits: estimateExitRates(index, grid, f.parent), supply: supplyInputs(index, grid, { otherEntrantsRate: otherEntrants.rate }), field: f,
      basis: gridBasisMasks(index, grid), gapBasis: gridBasisMasks(index, grid, SUPPLY_FLOWS),
    });
    labelSummedHistory(grid, fields[fields.length - 1].basis!, SUM_SOURCE);
  }
  timing.fields = now() - t0;

  t0 = now();
  const official = forecastOfficial(index, {
    horizon, levels, breaks, minAfterBreak: options.minAfterBreak, employment: main?.grid, system: sys?.system, forecaster,
    throughYear: main ? main.grid.baseYear + horizon : undefined,
  });
  timing.official = now() - t0;

  // Target paths feed the policy scenarios.
  const targetSpecs = options.targets ?? DEFAULT_TARGETS;
  for (const gb of fields) {
    const spec = targetSpecs.find((s) => s.field === gb.field!.code);
    if (!spec) continue;
    const root = gb.grid.reconciler.dims[0].codes.find((c) => !gb.grid.reconciler.dims[0].parent.get(c));
    const node = gb.grid.nodes.find((n) => n.region === root && n.qualification === spec.qualification);
    if (!node || node.history.length === 0) continue;
    // Only a decision that gives people to train yields a workforce path (an assumption, targets.ts).
    const level = workforceLevelOf(spec, node.history[node.history.length - 1].value, gb.grid.baseYear);
    if (level === null) continue;
    const path = targetPath(node.history.map((p) => p.value), gb.grid.baseYear, level, spec.year, horizon, levels);
    gb.target = { qualification: spec.qualification, trend: node.mean, path: path.mean };
  }

  if (!main && fields.length === 0 && official.length === 0) {
    throw new ForecastError(
      'NOT_ENOUGH_DATA',
      'There is nothing to forecast: the data need annual `employment` rows by region, sector and qualification (or official national series with at least 3 years).',
      { observations: observations.length },
    );
  }
  const baseYear = main?.grid.baseYear ?? fields[0]?.grid.baseYear ?? Math.max(0, ...official.map((o) => Number(o.history.at(-1)?.period ?? 0)));
  return {
    dataVersion: options.dataVersion, baseYear, horizon, levels, main, fields, official, targetSpecs,
    thresholds, entryRate, mobilityRate: options.mobilityRate ?? DEFAULT_MOBILITY_RATE, otherEntrants, breaks, skippedBreaks, timingMs: timing,
    system: sys?.system ?? null,
  };
}


/** The national system from the main grid's history (sections, national total, levels). */
function nationalSystemFor(
  observations: readonly Observation[], index: ObservationIndex, hist: GridHistory, dims: [Dimension, Dimension, Dimension],
  horizon: number, levels: number[], forecaster: PathForecaster, brk: BreakSpec | undefined, options: OutlookOptions,
): SystemResult {
  const [dr, ds, dq] = dims;
  const root = (d: Dimension) => d.codes.find((c) => !d.parent.get(c))!;
  const [rRoot, sRoot, qRoot] = [root(dr), root(ds), root(dq)];
  const years = hist.periods.map(Number);
  const series = (r: string, s: string, q: string) => hist.years.map((t) => t[hist.offset(r, s, q)]);
  const sections = Object.fromEntries(ds.bottom.map((s) => [s, { years, values: series(rRoot, s, qRoot) }]));
  const last = hist.years.length - 1;
  return buildNationalSystem(observations, index, {
    baseYear: hist.baseYear, horizon, levels, forecaster, sections,
    broadOf: (s) => { const p = ds.parent.get(s); return p && p !== sRoot ? p : s; },
    national: { years, values: series(rRoot, sRoot, qRoot) },
    qualification: dq.bottom.length > 1 ? {
      levels: dq.bottom,
      firstShares: dq.bottom.map((q) => hist.years[0][hist.offset(rRoot, sRoot, q)]),
      baseShares: dq.bottom.map((q) => hist.years[last][hist.offset(rRoot, sRoot, q)]),
    } : undefined,
    break: brk, exitShare: options.retirementExitShare, minUnemploymentRate: options.minUnemploymentRate,
  });
}

/** Leaves of a new field's grid with their parent section's cells in the main grid (residual region: national − other provinces). */
function fieldLeaves(gh: GridHistory, main: Grid, parent: string, levels: number[]): FieldLeafInput[] {
  const [fr, , fq] = gh.reconciler.dims;
  const byKey = new Map(main.nodes.map((n) => [`${n.region}|${n.sector}|${n.qualification}`, n]));
  const mr = main.reconciler.dims[0];
  const mainRoot = mr.codes.find((c) => !mr.parent.get(c))!;
  const mq = main.reconciler.dims[2];
  const mainQRoot = mq.codes.find((c) => !mq.parent.get(c))!;
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
        const others = fr.bottom.filter((x) => x !== p).map((x) => byKey.get(`${x}|${parent}|${qq}`)).filter((n): n is Grid['nodes'][number] => !!n);
        const h0 = histAt(node);
        const ho = others.map(histAt);
        parentHistory = years.map((y) => (h0.has(y) ? Math.max(0, h0.get(y)! - ho.reduce((a, m) => a + (m.get(y) ?? 0), 0)) : NaN));
        parentPath = node.mean.map((v, t) => Math.max(0, v - others.reduce((a, n) => a + n.mean[t], 0)));
      } else {
        const h = histAt(node);
        parentHistory = years.map((y) => h.get(y) ?? NaN);
        parentPath = node.mean;
      }
      out.push({ offset: off, history, parentHistory, parentPath, parentRel: relativeBand(node.mean, node.intervals, levels), parentShareRel: nodeShareRel(node, levels) });
    }
  }
  return out;
}
