/**
 * Top level: from the observations of one dataset version to everything the
 * api stores for it. Models are fitted ONCE (`computeBase`); each scenario is
 * a cheap transform of that base (`applyScenario`), and one province can be
 * recomputed alone (`recomputeProvince`).
 */
import type { Observation } from '../data/observation';
import { ForecastError } from '../forecast/errors';
import type { BreakSpec } from './breaks';
import { QUALIFICATION_TREE, REGION_TREE, SECTOR_TREE, SECTORS, SERIES_BREAKS } from './codes';
import { makeDimension, type Dimension, type TreeNode } from './hierarchy';
import { DEFAULT_THRESHOLDS } from './imbalance';
import { indexObservations, type ObservationIndex } from './observations';
import { forecastOfficial } from './official';
import { DEFAULT_EXIT_RATES, estimateExitRates } from './openings';
import { projectGrid } from './projection';
import { applyScenario, type GridBase, type ScenarioContext, type ScenarioResult } from './recompute';
import { SCENARIOS } from './scenarios';
import type { LabourStructure } from './structure';
import { calibrateOtherEntrants, DEFAULT_ENTRY_RATE, DEFAULT_OTHER_ENTRANTS_RATE, supplyInputs, type OtherEntrantRates } from './supply';
import { computeTarget, DEFAULT_TARGETS, targetPath } from './targets';
import type { Assumptions, CellForecast, Outlook, OutlookSet, Scenario, TargetPath, TargetSpec, Thresholds } from './types';

/**
 * Default share of workers released by shrinking sections who look for work in
 * growing sections of the same province and level (the rest retire, move away
 * or leave the labour force). Assumption (unconfirmed).
 */
export const DEFAULT_MOBILITY_RATE = 0.5;

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
  if (!root || sub.bottom.length <= 1 || !present.has(root)) return { dim: sub, hidden: [] };
  // Evidence of missing provinces: the observed root exceeds the sum of the observed bottom cells.
  const bottom = new Set(sub.bottom);
  const sums = new Map<string, number>();
  for (const c of cells) {
    if (!bottom.has(c.region)) continue;
    for (const [y, o] of c.byYear) {
      const k = `${c.sector}|${c.qualification}|${y}`;
      sums.set(k, (sums.get(k) ?? 0) + o.value);
    }
  }
  const missing = cells.some(
    (c) => c.region === root && [...c.byYear].some(([y, o]) => sums.has(`${c.sector}|${c.qualification}|${y}`) && o.value > sums.get(`${c.sector}|${c.qualification}|${y}`)! + 0.5),
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
      const grid = projectGrid(index, {
        indicator: 'employment', dims, horizon, levels, breaks: gridBreaks('employment'),
        minAfterBreak: options.minAfterBreak, residual, hiddenRegions: hidden, backtestOrigins: backtestOrigins(dims),
      });
      timing.mainGrid = now() - t0;
      if (grid) {
        const t1 = now();
        const exits = estimateExitRates(index, grid);
        timing.mainExits = now() - t1;
        const t2 = now();
        if (options.otherEntrants !== 'default') otherEntrants = calibrateOtherEntrants(index, grid, exits.rate, entryRate);
        const supply = supplyInputs(index, grid, { otherEntrantsRate: otherEntrants.rate });
        timing.mainSupply = now() - t2;
        main = { grid, exits, supply };
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
    const grid = projectGrid(index, {
      indicator: 'employment', dims, horizon, levels, breaks: gridBreaks('employment'),
      minAfterBreak: options.minAfterBreak, residual, hiddenRegions: hidden,
    });
    if (!grid) continue;
    fields.push({ grid, exits: estimateExitRates(index, grid, f.parent), supply: supplyInputs(index, grid, { otherEntrantsRate: otherEntrants.rate }), field: f });
  }
  timing.fields = now() - t0;

  t0 = now();
  const official = forecastOfficial(index, {
    horizon, levels, breaks, minAfterBreak: options.minAfterBreak, employment: main?.grid,
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
    const path = targetPath(node.history.map((p) => p.value), gb.grid.baseYear, spec.level, spec.year, horizon, levels);
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
  };
}

/** Assumptions of an outlook, for display. */
/** Employment-weighted exit rate of each sector (scenario-independent; computed once per base). */
const baseExitRates = new WeakMap<BaseProjection, Assumptions['exitRates']>();

function exitRatesOf(base: BaseProjection): Assumptions['exitRates'] {
  const cached = baseExitRates.get(base);
  if (cached) return cached;
  const exitRates: Assumptions['exitRates'] = [];
  const seen = new Set<string>();
  for (const gb of [base.main, ...base.fields]) {
    if (!gb) continue;
    const sums = new Map<string, { rate: number; emp: number; observed: number }>();
    const [br, bs, bq] = gb.grid.reconciler.dims.map((d) => new Set(d.bottom));
    gb.grid.nodes.forEach((n, off) => {
      if (!br.has(n.region) || !bs.has(n.sector) || !bq.has(n.qualification)) return;
      const s = sums.get(n.sector) ?? { rate: 0, emp: 0, observed: 0 };
      const w = Math.max(n.base, 1e-9);
      s.rate += gb.exits.rate[off] * w;
      s.emp += w;
      s.observed += gb.exits.observed[off] * w;
      sums.set(n.sector, s);
    });
    for (const [sector, s] of sums) {
      if (seen.has(sector)) continue;
      seen.add(sector);
      exitRates.push({ sector, rate: s.rate / s.emp, basis: s.observed / s.emp >= 0.5 ? 'observed' : 'default' });
    }
  }
  baseExitRates.set(base, exitRates);
  return exitRates;
}

function assumptionsOf(base: BaseProjection, scenario: Scenario): Assumptions {
  const exitRates = exitRatesOf(base).map((e) => ({ ...e, rate: e.rate * scenario.exitRate }));
  const applied = new Map<string, Assumptions['breaks'][number]>();
  const cells = [...(base.main ? base.main.grid.nodes : []), ...base.official];
  for (const c of cells) {
    if (!c.break) continue;
    const indicator = 'indicator' in c ? (c as CellForecast).indicator : 'employment';
    const k = `${indicator}|${c.break.period}|${c.break.treatment}`;
    const declared = base.breaks.find((b) => b.indicator === indicator && b.period === c.break!.period) ?? base.breaks.find((b) => b.period === c.break!.period);
    const reason = typeof declared?.reason === 'string' ? { vi: declared.reason, en: declared.reason } : declared?.reason;
    if (!applied.has(k)) applied.set(k, { indicator, period: c.break.period, treatment: c.break.treatment, ...(reason ? { reason } : {}) });
  }
  return {
    thresholds: base.thresholds,
    exitRates,
    entryRate: (scenario.entryRate ?? base.entryRate) * (1 + scenario.trainingCapacityChange),
    mobilityRate: base.mobilityRate,
    otherEntrantsRate: base.otherEntrants.rate,
    otherEntrantsBasis: base.otherEntrants.basis,
    levels: base.levels,
    breaks: [...applied.values()],
    notesVi: [
      ...base.skippedBreaks.map((b) => `Không nối chuỗi việc làm chi tiết tại năm ${b.period}: các giá trị trước ${b.period} là ước tính mô hình đã theo cùng cơ sở với số liệu từ ${b.period}.`),
      'Nhu cầu tuyển mới = nhu cầu mở rộng (tăng việc làm, không âm ở từng ô chi tiết) + nhu cầu thay thế (tỷ lệ rời thị trường × việc làm).',
      'Cung mới = người tốt nghiệp × tỷ lệ gia nhập thị trường + người gia nhập khác (kể cả người mất việc ở ngành thu hẹp chuyển sang ngành tăng trưởng cùng tỉnh, cùng trình độ); người tốt nghiệp được phân bổ cho các ô theo tỷ trọng việc làm năm gốc.',
      'Tỷ lệ người gia nhập khác theo trình độ được hiệu chỉnh từ cân đối dòng–tồn lịch sử toàn quốc: số vào = thay đổi việc làm + số rời; phần người tốt nghiệp không giải thích được là người gia nhập khác.',
      `Cờ: thiếu hụt khi cung mới/nhu cầu < ${base.thresholds.shortageBelow}, dư thừa khi > ${base.thresholds.surplusAbove}. Đây là tín hiệu mô hình, không phải số liệu chính thức.`,
      `Độ tin cậy: cao khi cả hai đầu khoảng 80% của chênh lệch cho cùng một cờ; thấp khi khoảng trải từ thiếu hụt đến dư thừa hoặc ô có dưới ${base.thresholds.smallCell.toLocaleString('vi-VN')} lao động; giảm một bậc nếu dự báo của ô kém hơn phương pháp ngây thơ khi kiểm định lại.`,
      'Các dự báo được điều hòa (OLS) để tỉnh cộng lại bằng vùng và toàn quốc, ngành cộng lại bằng tổng, trình độ cộng lại bằng tất cả.',
    ],
    notesEn: [
      ...base.skippedBreaks.map((b) => `Detailed employment cells are not spliced at ${b.period}: values before ${b.period} are modelled on the same basis as the data from ${b.period}.`),
      'Openings = expansion demand (employment growth, floored at zero in each detailed cell) + replacement demand (exit rate × employment).',
      'New supply = graduates × labour-market entry rate + other entrants (incl. workers released by shrinking sections moving to growing sections of the same province and level); graduates are shared among cells by base-year employment.',
      'Other-entrant rates by level are calibrated on the national stock-flow history: inflow = change in employment + exits; the part graduates do not explain counts as other entrants.',
      `Flags: shortage when new supply / openings < ${base.thresholds.shortageBelow}, surplus when > ${base.thresholds.surplusAbove}. A modelled signal, not an official statistic.`,
      `Confidence: high when both ends of the imbalance's 80% interval give the same flag; low when the interval spans shortage to surplus or the cell employs fewer than ${base.thresholds.smallCell.toLocaleString('en')} people; one step lower when the cell's forecast backtested worse than naive.`,
      'Forecasts are reconciled (OLS) so provinces add up to regions and the country, sections to the total, and levels to all levels.',
      `Default exit rates where no exits data exist: ${Object.entries(DEFAULT_EXIT_RATES).map(([k, v]) => `${k} ${(v * 100).toFixed(1)}%`).join(', ')}.`,
    ],
  };
}

function contextOf(base: BaseProjection, gapHorizons: number[] | undefined, forecasts: boolean): ScenarioContext {
  return {
    thresholds: base.thresholds,
    entryRate: base.entryRate,
    gapHorizons: gapHorizons ?? Array.from({ length: base.horizon }, (_, i) => i + 1),
    forecasts,
    mobilityRate: base.mobilityRate,
  };
}

/**
 * What of a scenario matters for one grid: scenarios that agree on it give
 * the same rows there (e.g. the policy-target scenarios leave the sections
 * as in the baseline), so they are computed once and shared (read-only).
 */
function scenarioSignature(gb: GridBase, s: Scenario, ctx: ScenarioContext): string {
  const codes = gb.field ? [gb.field.code, gb.field.parent] : gb.grid.reconciler.dims[1].codes;
  const growth = ['*', ...codes].filter((c) => s.sectorGrowth[c] !== undefined).map((c) => `${c}:${s.sectorGrowth[c]}`);
  const attainment = gb.field && gb.target ? s.targetAttainment ?? 'none' : 'n/a';
  return JSON.stringify([growth, s.trainingCapacityChange, s.entryRate, s.exitRate, attainment, ctx.gapHorizons, ctx.forecasts]);
}

const scenarioCache = new WeakMap<GridBase, Map<string, ScenarioResult>>();

function cachedScenario(gb: GridBase, s: Scenario, ctx: ScenarioContext): ScenarioResult {
  let cache = scenarioCache.get(gb);
  if (!cache) scenarioCache.set(gb, (cache = new Map()));
  const key = scenarioSignature(gb, s, ctx);
  let r = cache.get(key);
  if (!r) cache.set(key, (r = applyScenario(gb, s, ctx)));
  return r;
}

/** One scenario's outlook from a base projection. */
export function outlookFor(base: BaseProjection, scenario: Scenario, options: { gapHorizons?: number[]; forecasts?: boolean } = {}): Outlook {
  const ctx = contextOf(base, options.gapHorizons, options.forecasts ?? true);
  const forecasts: CellForecast[] = [];
  const gaps: Outlook['gaps'] = [];
  const targets: TargetPath[] = [];
  for (const gb of [base.main, ...base.fields]) {
    if (!gb) continue;
    const r = cachedScenario(gb, scenario, ctx);
    for (const f of r.forecasts) forecasts.push(f);
    for (const g of r.gaps) gaps.push(g);
  }
  if (ctx.forecasts) for (const f of base.official) forecasts.push(f);
  const entry = (scenario.entryRate ?? base.entryRate) * (1 + scenario.trainingCapacityChange);
  for (const gb of base.fields) {
    const spec = base.targetSpecs.find((s) => s.field === gb.field!.code);
    if (!spec) continue;
    const t = computeTarget(gb, spec, entry);
    if (t) targets.push(t);
  }
  return {
    dataVersion: base.dataVersion,
    scenario,
    baseYear: base.baseYear,
    horizon: base.horizon,
    forecasts,
    gaps,
    targets,
    assumptions: assumptionsOf(base, scenario),
    reconciliation: 'ols',
  };
}

/**
 * Everything the api stores for one dataset version: the base projection
 * fitted once, then one Outlook per scenario (gaps for horizons 1..horizon).
 */
export function computeOutlook(observations: readonly Observation[], options: OutlookOptions = {}): OutlookSet {
  const t0 = now();
  const base = computeBase(observations, options);
  const t1 = now();
  const scenarios = options.scenarios ?? SCENARIOS;
  const outlooks: Record<string, Outlook> = {};
  for (const s of scenarios) {
    const withForecasts = (options.scenarioForecasts ?? 'all') === 'all' || s.id === 'baseline';
    outlooks[s.id] = outlookFor(base, s, { gapHorizons: options.gapHorizons, forecasts: withForecasts });
  }
  const t2 = now();
  return {
    dataVersion: options.dataVersion,
    baseYear: base.baseYear,
    horizon: base.horizon,
    scenarios,
    outlooks,
    timingMs: { ...base.timingMs, base: t1 - t0, scenarios: t2 - t1, total: t2 - t0 },
  };
}

/**
 * Recompute one province (every sector, new field and level) for a scenario
 * from a stored base projection: no refitting, a few milliseconds.
 * @param horizon gap rows for horizons 1..horizon (≤ the base horizon)
 */
export function recomputeProvince(base: BaseProjection, province: string, scenario: Scenario, horizon: number = base.horizon): ScenarioResult {
  const ctx = contextOf(base, Array.from({ length: Math.min(horizon, base.horizon) }, (_, i) => i + 1), true);
  const forecasts: CellForecast[] = [];
  const gaps: ScenarioResult['gaps'] = [];
  for (const gb of [base.main, ...base.fields]) {
    if (!gb || !gb.grid.reconciler.dims[0].index.has(province)) continue;
    const r = applyScenario(gb, scenario, ctx, [province]);
    for (const f of r.forecasts) forecasts.push(f);
    for (const g of r.gaps) gaps.push(g);
  }
  return { forecasts, gaps };
}
