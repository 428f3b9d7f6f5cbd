/**
 * Top level: from the observations of one dataset version to everything the
 * api stores for it. Models are fitted ONCE (`computeBase`); each scenario is
 * a cheap transform of that base (`applyScenario`), and one province can be
 * recomputed alone (`recomputeProvince`).
 */
import type { Observation } from '../data/observation';
import { ForecastError } from '../forecast/errors';
import { assumptionsOf } from './assumptions';
import { summariseAccuracy } from './accuracy-summary';
import { computeBase, type BaseProjection, type OutlookOptions } from './base';
import { replacementRatePath } from './openings';
import {
  applyScenario,
  scenarioCapFactors,
  systemInputsOf,
  systemInputsUnder,
  systemOf,
  type GridBase,
  type ScenarioContext,
  type ScenarioResult,
  type SystemInputs,
} from './recompute';
import { scenarioOfficial } from './scenario-official';
import { entryRateAt } from './scenario-levers';
import { SCENARIOS } from './scenarios';
import { withDemandLine } from './system/demand-line';
import { ancestors } from './structure';
import type { NationalSystem } from './system/types';
import { computeTarget } from './targets';
import type { AccuracySummary, CellForecast, Outlook, OutlookSet, Scenario, TargetPath } from './types';

export * from './base';

const now = () => performance.now();

const accuracyCache = new WeakMap<BaseProjection, AccuracySummary>();

function accuracyOf(base: BaseProjection): AccuracySummary {
  let a = accuracyCache.get(base);
  if (!a) accuracyCache.set(base, (a = summariseAccuracy([base.main, ...base.fields].filter((g): g is GridBase => !!g).map((g) => g.grid))));
  return a;
}

function contextOf(base: BaseProjection, gapHorizons: number[] | undefined, forecasts: boolean, scenario?: Scenario): ScenarioContext {
  // The labour-force levers move the system's labour force, entrants and retirement rate; everything else is shared.
  const system = systemInputsUnder(systemInputsOf(base), scenario);
  return {
    thresholds: base.thresholds,
    entryRate: base.entryRate,
    gapHorizons: gapHorizons ?? Array.from({ length: base.horizon }, (_, i) => i + 1),
    forecasts,
    system,
    main: base.main,
  };
}

/**
 * What of a scenario matters for one grid: scenarios that agree on it give
 * the same rows there (e.g. the policy-target scenarios leave the sections
 * as in the baseline), so they are computed once and shared (read-only).
 */
function scenarioSignature(gb: GridBase, s: Scenario, ctx: ScenarioContext): string {
  // A new field is capped by its parent section's scenario path: the parent's growth (and its parents') matters too.
  const mainSectors = ctx.main?.grid.reconciler.dims[1];
  const codes = gb.field
    ? [gb.field.code, ...(mainSectors?.index.has(gb.field.parent) ? ancestors(mainSectors, gb.field.parent) : [gb.field.parent])]
    : gb.grid.reconciler.dims[1].codes;
  const growth = ['*', ...codes].filter((c) => s.sectorGrowth[c] !== undefined).map((c) => `${c}:${s.sectorGrowth[c]}`);
  const boost = gb.field ? (s.fieldBoost?.[gb.field.code] ?? null) : null;
  const levers = [s.trainingByLevel ?? null, boost, s.labourForceChange ?? null, s.retirementFactor ?? null, s.entrantsChange ?? null];
  const attainment = gb.field && gb.target ? (s.targetAttainment ?? 'none') : 'n/a';
  // The labour-force cap depends on every sector's growth: scenarios share rows only with the same cap.
  const sys = ctx.system;
  const sc = sys?.main ? scenarioCapFactors(sys.main, s, sys.system) : null;
  const cap = sc ? [Array.from(sc.factors, (f) => f.toFixed(12)), Array.from(sc.capped)] : [];
  return JSON.stringify([
    growth,
    s.trainingCapacityChange,
    s.entryRate,
    s.exitRate,
    s.graduateMobility ?? 0,
    attainment,
    ctx.gapHorizons,
    ctx.forecasts,
    cap,
    levers,
  ]);
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
  const ctx = contextOf(base, options.gapHorizons, options.forecasts ?? true, scenario);
  const forecasts: CellForecast[] = [];
  const gaps: Outlook['gaps'] = [];
  const targets: TargetPath[] = [];
  for (const gb of [base.main, ...base.fields]) {
    if (!gb) continue;
    const r = cachedScenario(gb, scenario, ctx);
    for (const f of r.forecasts) forecasts.push(f);
    for (const g of r.gaps) gaps.push(g);
  }
  // The unemployment series follow this scenario's employment (baseline's official cells otherwise shared).
  if (ctx.forecasts) for (const f of scenarioOfficial(base.official, forecasts, ctx.system?.system ?? null, systemOf(base))) forecasts.push(f);
  // The national employment cell carries the labour demand before the supply limit (system/demand-line.ts).
  const sysIn = ctx.system;
  const served =
    ctx.forecasts && sysIn?.main ? withDemandLine(forecasts, sysIn.system, scenarioCapFactors(sysIn.main, scenario, sysIn.system).factors) : forecasts;
  for (const gb of base.fields) {
    const spec = base.targetSpecs.find((s) => s.field === gb.field!.code);
    if (!spec) continue;
    const entry = entryRateAt(scenario, base.entryRate, spec.qualification === 'ALL' ? 'university' : spec.qualification, 1);
    const t = computeTarget(gb, spec, entry, replacementRateOf(gb, ctx.system, spec.qualification, scenario.exitRate));
    if (t) targets.push(t);
  }
  return {
    dataVersion: base.dataVersion,
    scenario,
    baseYear: base.baseYear,
    horizon: base.horizon,
    forecasts: served,
    gaps,
    targets,
    assumptions: assumptionsOf(base, scenario),
    reconciliation: 'ols',
    accuracy: accuracyOf(base),
  };
}

/**
 * Mean replacement rate (share per year, over the horizon) of a new field's detailed cells at a level
 * (`ALL` = every level), employment-weighted, × the scenario's exit multiplier; undefined without a
 * national system (computeTarget then uses the grid's default rates).
 */
function replacementRateOf(gb: GridBase, sys: SystemInputs | null | undefined, qualification: string, multiplier: number): number | undefined {
  if (!sys) return undefined;
  const { grid } = gb;
  const [dr, , dq] = grid.reconciler.dims;
  const br = new Set(dr.bottom);
  const levels = qualification === 'ALL' ? dq.bottom : [qualification];
  let w = 0;
  let r = 0;
  grid.nodes.forEach((n, off) => {
    if (!br.has(n.region) || !levels.includes(n.qualification)) return;
    const path = replacementRatePathMean(sys.system, n.qualification, grid.horizon);
    const rate = gb.exits.observed[off] ? gb.exits.rate[off] : path;
    r += rate * Math.max(n.base, 1e-9);
    w += Math.max(n.base, 1e-9);
  });
  return w > 0 ? (r / w) * multiplier : undefined;
}

function replacementRatePathMean(system: NationalSystem, level: string, h: number): number {
  const p = replacementRatePath(system, level, h);
  return p.reduce((a, b) => a + b, 0) / Math.max(1, p.length);
}

/**
 * The outlook of every scenario from one base projection, one at a time, so a
 * caller can store each and drop it before the next (the api's compute worker).
 * Once a scenario is yielded, only the rows a later scenario shares stay cached.
 */
export function* scenarioOutlooks(base: BaseProjection, options: OutlookOptions = {}): Generator<Outlook> {
  const runs = (options.scenarios ?? SCENARIOS).map((scenario) => ({
    scenario,
    ctx: contextOf(base, options.gapHorizons, (options.scenarioForecasts ?? 'all') === 'all' || scenario.id === 'baseline', scenario),
  }));
  for (const [i, run] of runs.entries()) {
    yield outlookFor(base, run.scenario, { gapHorizons: run.ctx.gapHorizons, forecasts: run.ctx.forecasts });
    pruneScenarioCache(base, runs.slice(i + 1));
  }
}

/** Drops cached scenario rows that none of `upcoming` will share. */
function pruneScenarioCache(base: BaseProjection, upcoming: { scenario: Scenario; ctx: ScenarioContext }[]): void {
  for (const gb of [base.main, ...base.fields]) {
    const cache = gb && scenarioCache.get(gb);
    if (!cache) continue;
    const needed = new Set(upcoming.map((u) => scenarioSignature(gb, u.scenario, u.ctx)));
    for (const key of [...cache.keys()]) if (!needed.has(key)) cache.delete(key);
  }
}

/**
 * Everything the api stores for one dataset version: the base projection
 * fitted once, then one Outlook per scenario (gaps for horizons 1..horizon).
 */
export function computeOutlook(observations: readonly Observation[], options: OutlookOptions = {}): OutlookSet {
  const t0 = now();
  const base = computeBase(observations, options);
  const t1 = now();
  const outlooks: Record<string, Outlook> = {};
  for (const outlook of scenarioOutlooks(base, options)) outlooks[outlook.scenario.id] = outlook;
  const t2 = now();
  return {
    dataVersion: options.dataVersion,
    baseYear: base.baseYear,
    horizon: base.horizon,
    scenarios: options.scenarios ?? SCENARIOS,
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
  const grids = [base.main, ...base.fields].filter((gb): gb is GridBase => !!gb && gb.grid.reconciler.dims[0].index.has(province));
  if (grids.length === 0 || province.startsWith('_')) {
    throw new ForecastError('INVALID_OPTION', `No province "${province}" in this dataset's employment data.`, { province });
  }
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > base.horizon) {
    throw new ForecastError('INVALID_HORIZON', `The horizon must be a whole number of years from 1 to ${base.horizon}; got ${horizon}.`, { horizon });
  }
  const ctx = contextOf(
    base,
    Array.from({ length: Math.min(horizon, base.horizon) }, (_, i) => i + 1),
    true,
    scenario,
  );
  const forecasts: CellForecast[] = [];
  const gaps: ScenarioResult['gaps'] = [];
  for (const gb of grids) {
    const r = applyScenario(gb, scenario, ctx, [province]);
    for (const f of r.forecasts) forecasts.push(f);
    for (const g of r.gaps) gaps.push(g);
  }
  return { forecasts, gaps };
}
