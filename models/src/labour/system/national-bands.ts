/**
 * The unemployment floor of the national system and its coherent bands: labour force,
 * employment (≤ labour force for the bounds too) and the unemployment rate.
 */
import type { PathForecaster } from '../composition/forecaster';
import { relativeBand } from './aggregate-band';
import { fill, type NationalHistory } from './national-history';
import type { SystemInput } from './national-input';
import type { LabourForcePath } from './national-labour-force';
import type { Band } from './types';

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

/**
 * The floor u_min of the unemployment rate and the speed the rate may fall toward it:
 * the lowest official annual rate since the break less a frictional margin (or the option),
 * never above the base year's system rate.
 */
export function unemploymentFloor(input: SystemInput, h: NationalHistory, lfBase: number) {
  const { breakYear, eBase, urValues } = h;
  // u_min: the lowest official annual rate since the break (one basis) less a frictional margin, never above the base year's system rate.
  const uBase = lfBase > 0 ? 1 - eBase / lfBase : 0;
  const postBreak = urValues.filter(([y]) => y >= breakYear);
  const urWindow = postBreak.length ? postBreak : urValues;
  const uRule = urWindow.length ? { years: urWindow.map(([y]) => y), lowest: Math.min(...urWindow.map(([, v]) => v / 100)) } : null;
  const uDefault = uRule ? uRule.lowest - MIN_UNEMPLOYMENT_MARGIN : DEFAULT_MIN_UNEMPLOYMENT_RATE;
  const minU = Math.max(0, Math.min(input.minUnemploymentRate ?? uDefault, uBase > 0 ? uBase : uDefault));
  // Gradual adjustment: the rate falls from its base value toward u_min by at most `speed` a year.
  const speed = Math.max(0, input.maxRateFallPerYear ?? MAX_RATE_FALL_PER_YEAR);
  return { uBase, uRule, uDefault, minU, speed };
}

/** The engine's national employment forecast and the filled history it was fitted to. */
interface EngineEmployment {
  engineE: ReturnType<PathForecaster>;
  eHistSeries: number[];
}

/** The capped paths of the forecast years: employment, raw demand and the unemployment rate (percent). */
interface CappedPaths {
  eMean: number[];
  uMean: number[];
  demandTotal: number[];
}

/** History + forecast bands of the labour force, employment and the unemployment rate. */
export function systemBands(
  input: SystemInput,
  h: NationalHistory,
  lf: LabourForcePath,
  { engineE, eHistSeries }: EngineEmployment,
  { eMean, uMean, demandTotal }: CappedPaths,
) {
  const { baseYear, horizon: H, levels, forecaster } = input;
  const { breakYear, histYears, eHist, eBase, urValues } = h;
  const { lfYears, lfFc } = lf;
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
  return { uHalf, years, labourForce, employment, unemploymentRate, unemploymentBand };
}

/** First forecast year at the floor u_min (percent path), or null. */
export function floorYearOf(uPct: number[], minU: number, baseYear: number): number | null {
  const t = uPct.findIndex((u) => u <= 100 * minU + 1e-9);
  return t >= 0 ? baseYear + t + 1 : null;
}

/**
 * Half-widths (percentage points) of the engine's forecast of the official unemployment rate on
 * one basis: the annual rates from the break year on (gaps filled linearly). With fewer than 3
 * such years, the system's own rate history (1 − E/LF) is used instead.
 */
function rateHalfWidths(
  urValues: [number, number][],
  breakYear: number,
  histYears: number[],
  lfYears: Map<number, number>,
  eHist: Map<number, number>,
  H: number,
  forecaster: PathForecaster,
  levels: number[],
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
