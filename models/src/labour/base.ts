/**
 * Fitting, done once per dataset version: the employment grid (region ×
 * sector × level, reconciled), each new field, the national official series,
 * exit rates, supply inputs and the new fields' target paths.
 */
import type { Observation } from '../data/observation';
import { ForecastError } from '../forecast/errors';
import type { BaseContext } from './base-context';
import { attachTargets, projectFields } from './base-fields';
import { projectMain } from './base-main';
import type { BreakSpec } from './breaks';
import { QUALIFICATION_TREE, REGION_TREE, SECTOR_TREE, SECTORS, SERIES_BREAKS } from '../codes/index';
import { DEFAULT_THRESHOLDS } from './imbalance';
import { indexObservations } from './observations';
import { forecastOfficial } from './official';
import { engineForecaster } from './system/forecaster';
import type { NationalSystem } from './system/types';
import type { GridBase } from './grid-base';
import type { LabourStructure } from './structure';
import type { OtherEntrantRates } from './other-entrants';
import { DEFAULT_ENTRY_RATE } from './supply';
import { DEFAULT_TARGETS } from './targets';
import type { CellForecast, Scenario, TargetSpec, Thresholds } from './types';

/**
 * Default share of workers released by shrinking sections who look for work in
 * growing sections of the same province and level (the rest retire, move away
 * or leave the labour force). Assumption (unconfirmed).
 */
export const DEFAULT_MOBILITY_RATE = 0.5;

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

const now = () => performance.now();

/** The outlook horizon, checked: a whole number of years from 1 to 30. */
function checkedHorizon(horizon: number): number {
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > 30) {
    throw new ForecastError('INVALID_HORIZON', `The outlook horizon must be a whole number of years from 1 to 30; got ${String(horizon)}.`, { horizon });
  }
  return horizon;
}

/** The year the outlook starts from: the main grid's, else the first field's, else the latest official year. */
function baseYearOf(main: GridBase | null, fields: GridBase[], official: CellForecast[]): number {
  return main?.grid.baseYear ?? fields[0]?.grid.baseYear ?? Math.max(0, ...official.map((o) => Number(o.history.at(-1)?.period ?? 0)));
}

/**
 * Fit every model once: employment by region × section × level (reconciled),
 * each new field, the national official series, exit rates and supply inputs.
 */
export function computeBase(observations: readonly Observation[], options: OutlookOptions = {}): BaseProjection {
  const timing: Record<string, number> = {};
  let t0 = now();
  const horizon = checkedHorizon(options.horizon ?? 10);
  const levels = options.levels ?? [80, 95];
  const structure = options.structure ?? defaultStructure();
  const breaks: BreakSpec[] = options.breaks ?? SERIES_BREAKS.map((b) => ({ indicator: b.indicator, region: b.region, period: b.period, reason: b.reason }));
  const thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  const entryRate = options.entryRate ?? DEFAULT_ENTRY_RATE;
  const index = indexObservations(observations);
  timing.index = now() - t0;

  t0 = now();
  const forecaster = engineForecaster(levels);
  const ctx: BaseContext = {
    observations,
    index,
    structure,
    horizon,
    levels,
    entryRate,
    forecaster,
    timing,
    // The hierarchy's own break: a break declared for the indicator anywhere applies to every cell,
    // because detailed cells are built to add up to the national series that carries it.
    gridBreaks: (indicator) => breaks.filter((b) => b.indicator === indicator),
    minAfterBreak: options.minAfterBreak,
    backtest: options.backtest,
    otherEntrants: options.otherEntrants,
    retirementExitShare: options.retirementExitShare,
    minUnemploymentRate: options.minUnemploymentRate,
  };
  const { sys, main, otherEntrants } = projectMain(ctx);
  timing.main = now() - t0;
  // Declared breaks the hierarchy did not need (its values before the break are modelled on the new basis).
  const skippedBreaks = main && !main.grid.nodes.some((n) => n.break) ? ctx.gridBreaks('employment') : [];

  t0 = now();
  const fields = projectFields(ctx, main?.grid, otherEntrants);
  timing.fields = now() - t0;

  t0 = now();
  const official = forecastOfficial(index, {
    horizon,
    levels,
    breaks,
    minAfterBreak: options.minAfterBreak,
    employment: main?.grid,
    system: sys?.system,
    forecaster,
    throughYear: main ? main.grid.baseYear + horizon : undefined,
  });
  timing.official = now() - t0;

  const targetSpecs = options.targets ?? DEFAULT_TARGETS;
  attachTargets(fields, targetSpecs, horizon, levels);

  if (!main && fields.length === 0 && official.length === 0) {
    throw new ForecastError(
      'NOT_ENOUGH_DATA',
      'There is nothing to forecast: the data need annual `employment` rows by region, sector and qualification (or official national series with at least 3 years).',
      { observations: observations.length },
    );
  }
  return {
    dataVersion: options.dataVersion,
    baseYear: baseYearOf(main, fields, official),
    horizon,
    levels,
    main,
    fields,
    official,
    targetSpecs,
    thresholds,
    entryRate,
    mobilityRate: options.mobilityRate ?? DEFAULT_MOBILITY_RATE,
    otherEntrants,
    breaks,
    skippedBreaks,
    timingMs: timing,
    system: sys?.system ?? null,
  };
}
