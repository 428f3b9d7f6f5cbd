/**
 * One national system (issue 12 §1–§2, §4): labour force from demography,
 * employment by section from the economy, employment ≤ labour force ×
 * (1 − u_min) every year, unemployment rate = 1 − E/LF.
 */
import type { Observation } from '../../data/observation';
import type { PathForecaster } from '../composition/forecaster';
import { capToLabourForce } from '../composition/coherence';
import { forecastComposition } from '../composition/share-forecast';
import { estimateBreakRatio, type BreakSpec } from '../breaks';
import { cellId, type ObservationIndex } from '../observations';
import { economyDemand, type EconomyDemand, type SectionDemand, type SectionHistory } from './demand';
import { employmentRatios, entryMixAndReplacement, systemFlows, DEFAULT_RETIREMENT_EXIT_SHARE } from './flows';
import { leversFrom } from './levers-from';
import { aggregateRelBand, relativeBand } from './aggregate-band';
import { SYSTEM_METHODS } from './methods';
import { demographicSupply } from './supply';
import type { Band, NationalSystem } from './types';

/** u_min when the data have no official unemployment rate (share). */
export const DEFAULT_MIN_UNEMPLOYMENT_RATE = 0.02;
/**
 * Frictional margin below the lowest official post-break rate (share): the floor
 * u_min = min(official annual rate since the break year) − 0.5 pp, never above
 * the system's own base-year rate. Demand can tighten the market past anything
 * observed since 2021, but not without limit.
 */
export const MIN_UNEMPLOYMENT_MARGIN = 0.005;
/**
 * Largest fall of the unemployment rate in one year when demand outruns supply (share: 0.2
 * percentage points). Why: outside recoveries from a shock, the official annual rate has never
 * fallen faster (2012–2019: at most −0.26 pp, 2011→2012; −0.08 pp or less after 2013; 2022–2025:
 * −0.04 pp a year), so a tight market closes its gap to the floor u_min step by step, not in the
 * first forecast year.
 */
export const MAX_RATE_FALL_PER_YEAR = 0.002;
/** Fallback replacement rates (share of employment per year) when the population data are missing. ASSUMPTION. */
export const FALLBACK_RETIREMENT_RATE = 0.01;
export const FALLBACK_DEATH_RATE = 0.004;
/** A section's demand path may not fall faster than to 20 % of its base in 10 years (the parent then falls alike through the cap). */
const MIN_RETENTION_PER_YEAR = Math.log(0.2) / 10;

export interface SystemInput {
  baseYear: number;
  horizon: number;
  levels: number[];
  forecaster: PathForecaster;
  /** National employment by section (the grid's VN × section × ALL history, last = base year). */
  sections: Record<string, SectionHistory>;
  broadOf: (section: string) => string;
  /** National employment (grid VN × TOTAL × ALL) history, last = base year. */
  national: SectionHistory;
  /** Qualification levels and the national shares in the grid's first and base years. */
  qualification?: { levels: string[]; firstShares: number[]; baseShares: number[] };
  /** Declared break of the labour force / employment (default 2021, ratio estimated). */
  break?: BreakSpec;
  exitShare?: number;
  minUnemploymentRate?: number;
  /** Largest yearly fall of the unemployment rate when capped (share; default {@link MAX_RATE_FALL_PER_YEAR}). */
  maxRateFallPerYear?: number;
  valueAddedMultiplier?: (section: string) => readonly number[] | undefined;
}

export interface SystemResult {
  system: NationalSystem;
  /** Capped employment by section, baseYear+1 … baseYear+H (Σ = system employment). */
  sectionPaths: Record<string, number[]>;
  /** Relative half-widths of each section's share (forecast years), by level: `lower`/`upper` ≥ 0. */
  sectionShareRel: Record<string, { level: number; lower: number[]; upper: number[] }[]>;
  demand: Record<string, SectionDemand>;
  /** Broad-sector productivity trends and the long-run aggregate behind the demand paths. */
  productivity: Omit<EconomyDemand, 'sections'>;
  /** Ratio applied to pre-break official labour force and employment (1 = none). */
  spliceRatio: number;
  breakYear: number;
}

function annual(index: ObservationIndex, indicator: string): Map<number, number> {
  const c = index.cells.get(cellId(indicator, 'VN', 'TOTAL', 'ALL'));
  return new Map(c ? [...c.byYear].map(([y, o]) => [y, o.value]) : []);
}

/** Linear interpolation over missing years between known ones; ends held. */
function fill(years: number[], known: Map<number, number>): number[] {
  const ks = [...known.keys()].sort((a, b) => a - b);
  return years.map((y) => {
    if (known.has(y)) return known.get(y)!;
    const lo = ks.filter((k) => k < y).pop();
    const hi = ks.find((k) => k > y);
    if (lo === undefined) return hi === undefined ? NaN : known.get(hi)!;
    if (hi === undefined) return known.get(lo)!;
    const w = (y - lo) / (hi - lo);
    return known.get(lo)! * (1 - w) + known.get(hi)! * w;
  });
}

/** Build the national system and the capped employment paths of the sections. */
export function buildNationalSystem(observations: readonly Observation[], index: ObservationIndex, input: SystemInput): SystemResult {
  const { baseYear, horizon: H, levels, forecaster } = input;
  const breakYear = Number(input.break?.period ?? 2021);
  const lfObs = annual(index, 'labour_force');
  const eObs = annual(index, 'employment');
  const urObs = annual(index, 'unemployment_rate');

  // Splice ratio from the official labour force at the break (declared ratio wins); the same ratio for employment.
  let spliceRatio = input.break?.ratio ?? 1;
  if (input.break?.ratio === undefined && lfObs.has(breakYear) && lfObs.has(breakYear - 1)) {
    const ys = [...lfObs.keys()].filter((y) => y <= baseYear).sort((a, b) => a - b);
    spliceRatio = estimateBreakRatio(fill(ys, lfObs), ys.indexOf(breakYear));
  }
  const splice = (m: Map<number, number>) => new Map([...m].filter(([y]) => y <= baseYear).map(([y, v]) => [y, y < breakYear ? v * spliceRatio : v]));
  const lfHist = splice(lfObs);
  const eHist = splice(eObs);
  input.national.years.forEach((y, i) => eHist.set(y, input.national.values[i])); // the grid's own national history (Σ sections)
  const firstYear = Math.min(...[...eHist.keys()], ...(lfHist.size ? [...lfHist.keys()] : [baseYear]));
  const histYears = Array.from({ length: baseYear - firstYear + 1 }, (_, i) => firstYear + i);
  const eBase = input.national.values[input.national.values.length - 1];
  const urValues = [...urObs].filter(([y]) => y <= baseYear).sort((a, b) => a[0] - b[0]);
  const lastUr = urValues.length ? urValues[urValues.length - 1][1] / 100 : 0.025;

  // Supply: demography calibrated by one level factor to the official labour force of the base year (or the latest year before).
  const supply = demographicSupply(observations, { throughYear: baseYear + H, forecaster, breakYear, levels });
  let calibration = 1;
  let lfYears: Map<number, number>;
  let lfBandYears: number[] = [];
  const lfFc: Band = { mean: [], intervals: levels.map((level) => ({ level, lower: [], upper: [] })) };
  if (supply && supply.total[baseYear]) {
    const anchorYear = [...lfHist.keys()].filter((y) => supply.total[y]).sort((a, b) => b - a)[0];
    calibration = anchorYear !== undefined ? lfHist.get(anchorYear)! / supply.total[anchorYear] : eBase / (1 - lastUr) / supply.total[baseYear];
    lfYears = new Map(histYears.map((y) => [y, lfHist.get(y) ?? (supply.total[y] ? calibration * supply.total[y] : NaN)]));
    for (let t = 1; t <= H; t++) lfFc.mean.push(calibration * supply.total[baseYear + t]);
    // The band is the uncertainty of the aggregate, measured on the aggregate (aggregate-band.ts).
    const agg = aggregateRelBand(lfHist, baseYear, H, forecaster, levels);
    lfBandYears = agg.years;
    lfFc.intervals = agg.rel.map((r) => ({
      level: r.level, lower: lfFc.mean.map((m, t) => m * (1 - r.lower[t])), upper: lfFc.mean.map((m, t) => m * (1 + r.upper[t])),
    }));
  } else {
    const known = lfHist.size ? lfHist : new Map([[baseYear, eBase / (1 - lastUr)]]);
    const series = fill(histYears, known);
    lfYears = new Map(histYears.map((y, i) => [y, series[i]]));
    if (!lfHist.has(baseYear) && lfHist.size) {
      // No official base-year value: carry the last unemployment rate.
      const u = 1 - (eHist.get([...lfHist.keys()].sort((a, b) => b - a)[0]) ?? eBase) / [...lfHist.values()].slice(-1)[0];
      lfYears.set(baseYear, eBase / (1 - Math.max(0, u)));
    }
    const hist = histYears.map((y) => lfYears.get(y)!).filter(Number.isFinite);
    const f = forecaster(hist, H);
    lfFc.mean.push(...f.mean.map((m) => Math.max(m, 0)));
    lfFc.intervals = relativeBand(f.mean, f.intervals, levels).map((r) => ({
      level: r.level, lower: lfFc.mean.map((m, t) => m * (1 - r.lower[t])), upper: lfFc.mean.map((m, t) => m * (1 + r.upper[t])),
    }));
  }
  const lfBase = lfYears.get(baseYear)!;

  // Demand by section; sections with no value added and no sibling with it share the national engine forecast.
  const econ = economyDemand(index, input.sections, {
    baseYear, horizon: H, forecaster, broadOf: input.broadOf, breakYear, spliceRatio, valueAddedMultiplier: input.valueAddedMultiplier,
  });
  const demand: Record<string, SectionDemand> = econ.sections;
  const names = Object.keys(input.sections);
  const baseOf = (s: string) => input.sections[s].values[input.sections[s].values.length - 1] ?? 0;
  const eHistSeries = fill(histYears, eHist);
  const engineE = forecaster(eHistSeries.filter(Number.isFinite), H);
  const shareFc = names.length >= 2
    ? forecastComposition(Object.fromEntries(names.map((s) => [s, input.sections[s].values.map((v) => Math.max(0, v))])), H, { forecaster })
    : { mean: Object.fromEntries(names.map((s) => [s, new Array<number>(H).fill(1)])), intervals: {} as Record<string, { level: number; lower: number[]; upper: number[] }[]> };
  const missing = names.filter((s) => !demand[s]);
  const raw: Record<string, number[]> = {};
  for (const s of names) if (demand[s]) raw[s] = demand[s].path;
  if (missing.length) {
    // Fallback (no value added): the engine's national path, split by the compositional share forecast.
    const withD = names.filter((s) => demand[s]);
    const dBase = withD.reduce((a, s) => a + baseOf(s), 0);
    const mBase = missing.reduce((a, s) => a + baseOf(s), 0);
    for (const s of missing) {
      raw[s] = Array.from({ length: H }, (_, t) => {
        if (withD.length === 0) return Math.max(0, engineE.mean[t]) * shareFc.mean[s][t];
        const grow = withD.reduce((a, x) => a + raw[x][t], 0) / (dBase || 1);
        return mBase > 0 ? baseOf(s) * grow : 0;
      });
      demand[s] = {
        path: raw[s], method: 'none',
        reason: withD.length ? 'no value added: moves with the sections that have it' : 'no value added data: engine forecast of national employment split by compositional shares',
      };
    }
  }
  for (const s of names) raw[s] = raw[s].map((v, t) => Math.max(v, baseOf(s) * Math.exp(MIN_RETENTION_PER_YEAR * (t + 1))));

  // u_min: the lowest official annual rate since the break (one basis) less a frictional margin, never above the base year's system rate.
  const uBase = lfBase > 0 ? 1 - eBase / lfBase : 0;
  const postBreak = urValues.filter(([y]) => y >= breakYear);
  const urWindow = postBreak.length ? postBreak : urValues;
  const uRule = urWindow.length
    ? { years: urWindow.map(([y]) => y), lowest: Math.min(...urWindow.map(([, v]) => v / 100)) }
    : null;
  const uDefault = uRule ? uRule.lowest - MIN_UNEMPLOYMENT_MARGIN : DEFAULT_MIN_UNEMPLOYMENT_RATE;
  const minU = Math.max(0, Math.min(input.minUnemploymentRate ?? uDefault, uBase > 0 ? uBase : uDefault));
  // Gradual adjustment: the rate falls from its base value toward u_min by at most `speed` a year.
  const speed = Math.max(0, input.maxRateFallPerYear ?? MAX_RATE_FALL_PER_YEAR);
  const capped = capToLabourForce(raw, lfFc.mean, minU, { baseRate: uBase, maxFallPerYear: speed });
  const sectionPaths = capped.employment;
  const eMean = Array.from({ length: H }, (_, t) => names.reduce((a, s) => a + sectionPaths[s][t], 0));
  const demandTotal = Array.from({ length: H }, (_, t) => names.reduce((a, s) => a + raw[s][t], 0));
  const uMean = eMean.map((e, t) => (lfFc.mean[t] > 0 ? 100 * (1 - e / lfFc.mean[t]) : 0));
  // Coherent bands: the rate's band = the half-widths of the engine's forecast of the official
  // rate itself (post-break years), around the system's rate path; employment's band follows from
  // the labour force's and the rate's, so E ≤ LF holds for the bounds too.
  const uHalf = rateHalfWidths(urValues, breakYear, histYears, lfYears, eHist, H, forecaster, levels);
  const eRel = relativeBand(engineE.mean, engineE.intervals, levels); // demand's own uncertainty (engine forecast of national employment), for the upper cap
  const uBand: Band = {
    mean: uMean,
    intervals: uHalf.map((hw) => ({
      level: hw.level,
      lower: uMean.map((u, t) => Math.min(u, Math.max(0, u - hw.lower[t]))),
      upper: uMean.map((u, t) => Math.max(u, Math.min(100, u + hw.upper[t]))),
    })),
  };
  const eBand: Band = {
    mean: eMean,
    intervals: uBand.intervals.map((ub, k) => {
      const lfIv = lfFc.intervals[k];
      const dr = eRel.find((r) => r.level === ub.level);
      return {
        level: ub.level,
        lower: eMean.map((m, t) => Math.max(0, Math.min(m, lfIv.lower[t] * (1 - ub.upper[t] / 100)))),
        upper: eMean.map((m, t) => Math.max(m, Math.min(lfIv.upper[t] * (1 - ub.lower[t] / 100), demandTotal[t] * (1 + (dr?.upper[t] ?? 0))))),
      };
    }),
  };

  const years = [...histYears, ...Array.from({ length: H }, (_, t) => baseYear + t + 1)];
  const histBand = (xs: number[]): Band['intervals'] => levels.map((level) => ({ level, lower: xs, upper: xs }));
  const lfH = histYears.map((y) => lfYears.get(y)!);
  const eH = histYears.map((y, i) => (y === baseYear ? eBase : eHistSeries[i]));
  const labourForce: Band = {
    mean: [...lfH, ...lfFc.mean],
    intervals: histBand(lfH).map((b, k) => ({ level: b.level, lower: [...lfH, ...lfFc.intervals[k].lower], upper: [...lfH, ...lfFc.intervals[k].upper] })),
  };
  const employment: Band = {
    mean: [...eH, ...eMean],
    intervals: histBand(eH).map((b, k) => ({ level: b.level, lower: [...eH, ...eBand.intervals[k].lower], upper: [...eH, ...eBand.intervals[k].upper] })),
  };
  const unemploymentRate = years.map((_, i) => (labourForce.mean[i] > 0 ? 100 * (1 - employment.mean[i] / labourForce.mean[i]) : 0));
  const uH = unemploymentRate.slice(0, histYears.length);
  const unemploymentBand: Band = {
    mean: unemploymentRate,
    intervals: uBand.intervals.map((iv) => ({ level: iv.level, lower: [...uH, ...iv.lower], upper: [...uH, ...iv.upper] })),
  };

  // Flows.
  const exitShare = input.exitShare ?? DEFAULT_RETIREMENT_EXIT_SHARE;
  const eFromBase = [eBase, ...eMean];
  const lfFromBase = [lfBase, ...lfFc.mean];
  let retirementRate: number[], deathRate: number[], lfEntrants: number[], lfExits: number[];
  if (supply) {
    const f = systemFlows(index, supply, { baseYear, horizon: H, employment: eFromBase, labourForce: lfFromBase, calibration, exitShare });
    ({ retirementRate, deathRate, lfEntrants, lfExits } = f);
  } else {
    retirementRate = new Array(H).fill(FALLBACK_RETIREMENT_RATE);
    deathRate = new Array(H).fill(FALLBACK_DEATH_RATE);
    lfExits = lfFromBase.slice(0, H).map((l) => l * (FALLBACK_RETIREMENT_RATE + FALLBACK_DEATH_RATE));
    lfEntrants = lfExits.map((x, t) => Math.max(0, lfFromBase[t + 1] - lfFromBase[t] + x));
  }
  const q = input.qualification;
  const mix = q
    ? entryMixAndReplacement(index, supply, { levels: q.levels, firstShares: q.firstShares, baseShares: q.baseShares, baseYear, exitShare })
    : { entryMix: {}, replacementByLevel: {}, tau: null, historyYears: [] };
  const population15 = years.map((y) => supply?.population15[y] ?? 0);

  const system: NationalSystem = {
    baseYear, years, baseIndex: histYears.length - 1, labourForce, employment, unemploymentRate, unemploymentBand,
    unemploymentHalfWidths: uHalf.map(({ level, lower, upper }) => ({ level, lower, upper })), population15,
    lfEntrants, lfExits, retirementRate, deathRate, entryMix: mix.entryMix, replacementByLevel: mix.replacementByLevel,
    splice: { period: String(breakYear), ratio: spliceRatio },
    minUnemploymentRate: minU, maxRateFallPerYear: speed, cappedYears: capped.cappedYears.map((t) => baseYear + t + 1),
    demandBeforeCap: demandTotal,
    levers: leversFrom({
      baseYear, horizon: H, calibration, exitShare, supply,
      ratios: supply ? employmentRatios(index, supply, baseYear).ratios : null, demand, trends: econ.trends,
    }),
    methods: SYSTEM_METHODS({
      supply: !!supply, calibration, spliceRatio, breakYear, minU, exitShare, tau: mix.tau,
      demand: Object.fromEntries(names.map((s) => [s, demand[s].method])),
      productivity: { trends: econ.trends, longRun: econ.longRun, damping: econ.damping },
      minURule: input.minUnemploymentRate !== undefined ? { kind: 'option' }
        : uRule ? { kind: 'official', lowest: uRule.lowest, years: uRule.years, margin: MIN_UNEMPLOYMENT_MARGIN, baseRate: uBase, capped: minU < uDefault }
        : { kind: 'default' },
      capped: { years: capped.cappedYears.map((t) => baseYear + t + 1), horizon: H },
      adjustment: { speed, baseRate: uBase, floorYear: floorYearOf(uMean, minU, baseYear) },
      bands: { rateYears: uHalf.years, labourForceYears: lfBandYears },
    }),
  };
  const sectionShareRel = Object.fromEntries(names.map((s) => [s, relativeBand(shareFc.mean[s], shareFc.intervals[s], levels)]));
  return { system, sectionPaths, sectionShareRel, demand, productivity: { trends: econ.trends, longRun: econ.longRun, damping: econ.damping }, spliceRatio, breakYear };
}

/** First forecast year at the floor u_min (percent path), or null. */
function floorYearOf(uPct: number[], minU: number, baseYear: number): number | null {
  const t = uPct.findIndex((u) => u <= 100 * minU + 1e-9);
  return t >= 0 ? baseYear + t + 1 : null;
}

/**
 * Half-widths (percentage points) of the engine's forecast of the official unemployment rate on
 * one basis: the annual rates from the break year on (gaps filled linearly). With fewer than 3
 * such years, the system's own rate history (1 − E/LF) is used instead.
 */
function rateHalfWidths(
  urValues: [number, number][], breakYear: number, histYears: number[], lfYears: Map<number, number>, eHist: Map<number, number>,
  H: number, forecaster: PathForecaster, levels: number[],
): { level: number; lower: number[]; upper: number[] }[] & { years: number[] } {
  const post = urValues.filter(([y]) => y >= breakYear);
  let years: number[];
  let series: number[];
  if (post.length >= 3) {
    years = Array.from({ length: post[post.length - 1][0] - post[0][0] + 1 }, (_, i) => post[0][0] + i);
    series = fill(years, new Map(post));
  } else {
    years = histYears.filter((y) => lfYears.get(y)! > 0 && eHist.has(y));
    series = years.map((y) => 100 * (1 - eHist.get(y)! / lfYears.get(y)!));
  }
  const f = series.length >= 2 ? forecaster(series, H) : null;
  const out = levels.map((level) => {
    const iv = f?.intervals?.find((x) => x.level === level);
    return {
      level,
      lower: Array.from({ length: H }, (_, t) => (iv && f ? Math.max(0, f.mean[t] - iv.lower[t]) : 0)),
      upper: Array.from({ length: H }, (_, t) => (iv && f ? Math.max(0, iv.upper[t] - f.mean[t]) : 0)),
    };
  });
  return Object.assign(out, { years: post.length >= 3 ? years : [] });
}
