/**
 * Supply from demography: labour force = Σ population × participation by
 * sex × five-year age group, history and forecast (issue 12 §1).
 *
 * - Population: UN WPP 2019 (`population_by_group`, international) scaled to
 *   GSO's total population (`population` VN) where both exist.
 * - Participation by sex × broad group (15-24, 25-49, 50+): GSO's labour force
 *   by broad group (2000–2016) split by sex with GSO's M:ALL/F:ALL (raking),
 *   then, after the age table ends, moved by one logit shift per sex to the
 *   annual M:ALL/F:ALL totals. Values before the 2021 LFS re-weighting are
 *   spliced by the ratio of the sex totals at the break (as the other
 *   national series), so the rate history is on the 2021+ basis.
 * - Forecast (default, `participation: 'age-standardised'`): each year of
 *   history is expressed as the logit shift that moves the documented
 *   five-year shape (demography/participation-profile.ts) onto the sex ×
 *   broad-group rate given that year's population; the caller's forecaster
 *   extrapolates these shifts, and future rates are the shape moved by them,
 *   weighted by the future population. A broad rate then moves with the age
 *   mix inside its group (50+ ageing towards 70+, where few work) instead of
 *   extrapolating past mix effects as a trend — the crude broad-rate forecast
 *   (`'crude'`) counted the rise of 50+ participation while the 50–59 share
 *   grew as a trend that would go on. The 50+ shape follows the 2019 Labour
 *   Code's rising retirement ages (shifts calibrated at the 60/55 ages in
 *   force over the history).
 */
import type { Observation } from '../../data/observation';
import type { PathForecaster } from '../composition/forecaster';
import { BROAD_GROUPS, SEXES, yearsOf, type BroadGroup, type ByYear, type Sex, type SexAges } from '../demography/age-groups';
import { estimateBreakRatio } from '../breaks';
import { groupLabourForceFromObservations, totalsFromObservations, wppRowsFromObservations } from '../demography/from-observations';
import { labourForce, supplyTotals } from '../demography/labour-supply';
import { broadRates, ratesToSexTotals, splitBySex, type BroadValues, type SexBroad } from '../demography/participation';
import { forecastBroadRates } from '../demography/participation-forecast';
import { participationProfile, profileFromShifts } from '../demography/participation-profile';
import { populationFromWpp, scalePopulation } from '../demography/population';
import { retirementAge } from '../demography/retirement-age';

/** Retirement ages in force over the 2000–2016 participation history (men 60, women 55). */
export const HISTORY_RETIREMENT_AGES: Record<Sex, number> = { M: 60, F: 55 };

/** The demographic supply, every year from the first rate year to the last forecast year. */
export interface DemographicSupply {
  years: number[];
  /** Labour force by sex × age (model scale, before the level calibration). */
  labourForce: ByYear<SexAges>;
  population: ByYear<SexAges>;
  /** Σ labour force 15+, model scale; and its bands for forecast years (same years as `total`). */
  total: ByYear<number>;
  bands: { level: number; lower: ByYear<number>; upper: ByYear<number> }[];
  population15: ByYear<number>;
  /** Last year with observed participation (later years are forecast). */
  lastRateYear: number;
  /** Ratio applied to pre-break labour force values (2021 re-weighting), 1 if none. */
  spliceRatio: number;
  /** What the rates of a year are made from: broad rates (history, or `crude` forecasts) or logit shifts (age-standardised forecasts). */
  broad: ByYear<SexBroad>;
  mode: 'age-standardised' | 'crude';
}

/**
 * Labour force by sex × age of one year from its broad inputs at the given retirement ages (the
 * scenario levers call it with a later retirement path). History years rebuild the observed broad
 * rates; forecast years move the documented shape by the forecast shifts (or crude rates).
 */
export function labourForceAt(pop: SexAges, broad: SexBroad, ages: Record<Sex, number>, forecast: boolean, mode: DemographicSupply['mode']): SexAges {
  if (forecast && mode === 'age-standardised') return labourForce(pop, profileFromShifts(broad, ages));
  const { rates: r } = participationProfile(pop, broad, ages, forecast ? { retirementBase: HISTORY_RETIREMENT_AGES } : {});
  return labourForce(pop, r);
}

const scaleBroad = (v: BroadValues, k: number): BroadValues => Object.fromEntries(BROAD_GROUPS.map((g) => [g, v[g] * k])) as BroadValues;

/**
 * Build the supply side from observations, or null when the population or
 * labour-force-by-group data are missing (the system then falls back to the
 * official labour force series).
 */
export function demographicSupply(
  observations: readonly Observation[],
  opts: {
    throughYear: number;
    forecaster: PathForecaster;
    breakYear?: number;
    levels?: number[];
    /** What is forecast: the age-standardised logit shifts (default) or the crude broad rates. */
    participation?: 'age-standardised' | 'crude';
  },
): DemographicSupply | null {
  const wpp = wppRowsFromObservations(observations);
  if (wpp.length === 0) return null;
  const { population } = scalePopulation(populationFromWpp(wpp), totalsFromObservations(observations));
  const { byBroad, bySex } = groupLabourForceFromObservations(observations);
  const broadYears = yearsOf(byBroad).filter((y) => population[y]);
  const sexYears = yearsOf(bySex).filter((y) => population[y]);
  if (broadYears.length === 0) return null;
  const breakYear = opts.breakYear ?? 2021;
  // Splice the sex totals (and the broad groups) across the re-weighting by the ratio at the break.
  let spliceRatio = 1;
  const totals = sexYears.map((y) => bySex[y].M + bySex[y].F);
  const at = sexYears.indexOf(breakYear);
  if (at > 0 && sexYears[at - 1] === breakYear - 1) spliceRatio = estimateBreakRatio(totals, at);
  const k = (y: number) => (y < breakYear ? spliceRatio : 1);
  const femaleShare = sexYears.length ? bySex[sexYears[0]].F / (bySex[sexYears[0]].M + bySex[sexYears[0]].F) : 0.48;

  const rates: ByYear<SexBroad> = {};
  const first = broadYears[0];
  const lastBroad = broadYears[broadYears.length - 1];
  const lastRateYear = Math.max(lastBroad, ...sexYears);
  let prev: SexBroad | null = null;
  for (let y = first; y <= lastRateYear; y++) {
    const pop = population[y];
    if (!pop) break;
    if (byBroad[y]) {
      const groups = scaleBroad(byBroad[y], k(y));
      const total = BROAD_GROUPS.reduce((s, g) => s + groups[g], 0);
      const sex = bySex[y] ? { M: bySex[y].M * k(y), F: bySex[y].F * k(y) } : { M: total * (1 - femaleShare), F: total * femaleShare };
      prev = broadRates(splitBySex(groups, sex, pop).lf, pop);
    } else if (bySex[y] && prev) {
      prev = ratesToSexTotals(prev, { M: bySex[y].M * k(y), F: bySex[y].F * k(y) }, pop);
    } else if (!prev) continue;
    rates[y] = prev; // a year without data holds the previous year's rates (keeps the series regular)
  }
  const rateYears = yearsOf(rates);
  const last = rateYears[rateYears.length - 1];
  const horizon = Math.max(0, opts.throughYear - last);
  const lastPopBefore = (y: number): SexAges => {
    let x = y;
    while (!population[x] && x > 0) x--;
    return population[x];
  };
  const byShift = (opts.participation ?? 'age-standardised') === 'age-standardised';
  // Age-standardised: forecast the calibrated logit shift of each sex × broad group (the level of
  // its age profile), not the crude broad rate, so the age mix inside a group is the population's.
  const histAges = (y: number) => ({ M: retirementAge('M', y), F: retirementAge('F', y) });
  const shiftHistory: ByYear<SexBroad> = {};
  // A rate at 0 or 1 has an infinite shift: rates are held inside [0.1 %, 99.9 %] for this step only.
  const inside = (r: SexBroad): SexBroad =>
    Object.fromEntries(SEXES.map((sx) => [sx, Object.fromEntries(BROAD_GROUPS.map((g) => [g, Math.min(0.999, Math.max(0.001, r[sx][g]))]))])) as SexBroad;
  if (byShift)
    for (const y of rateYears)
      shiftHistory[y] = participationProfile(population[y] ?? lastPopBefore(y), inside(rates[y]), histAges(y), {
        retirementBase: HISTORY_RETIREMENT_AGES,
      }).shifts;
  const fc =
    horizon > 0 ? (byShift ? forecastBroadRates(shiftHistory, horizon, opts.forecaster, 'logit') : forecastBroadRates(rates, horizon, opts.forecaster)) : null;
  const levels = opts.levels ?? [80, 95];

  const mode = byShift ? ('age-standardised' as const) : ('crude' as const);
  const out: DemographicSupply = {
    years: [],
    labourForce: {},
    population: {},
    total: {},
    population15: {},
    lastRateYear: last,
    spliceRatio,
    broad: {},
    mode,
    bands: levels.map((level) => ({ level, lower: {}, upper: {} })),
  };
  const lfTotal = (pop: SexAges, broad: SexBroad, y: number, forecast: boolean) =>
    labourForceAt(pop, broad, { M: retirementAge('M', y), F: retirementAge('F', y) }, forecast, mode);
  const sum = (lf: SexAges) => supplyTotals(lf, lf).total;
  let lastPop: SexAges | undefined;
  for (let y = rateYears[0]; y <= opts.throughYear; y++) {
    const pop = population[y] ?? lastPop;
    if (!pop) continue;
    lastPop = pop;
    const i = y - last - 1;
    const broad = y <= last ? rates[y] : fc!.mean[y];
    const lf = lfTotal(pop, broad, y, y > last);
    const totals = supplyTotals(lf, pop);
    out.years.push(y);
    out.broad[y] = broad;
    out.labourForce[y] = lf;
    out.population[y] = pop;
    out.total[y] = totals.total;
    out.population15[y] = totals.population15;
    for (const band of out.bands) {
      if (y <= last) {
        band.lower[y] = totals.total;
        band.upper[y] = totals.total;
        continue;
      }
      // Every rate at its bound together (participation moves together): a conservative band.
      const bound = (side: 'lower' | 'upper') => {
        const b = {} as SexBroad;
        for (const sex of SEXES) {
          b[sex] = {} as BroadValues;
          for (const g of BROAD_GROUPS as readonly BroadGroup[]) {
            const iv = fc!.series[sex][g].intervals.find((x) => x.level === band.level);
            b[sex][g] = iv ? iv[side][i] : fc!.series[sex][g].mean[i];
          }
        }
        return sum(lfTotal(pop, b, y, true));
      };
      band.lower[y] = Math.min(bound('lower'), totals.total);
      band.upper[y] = Math.max(bound('upper'), totals.total);
    }
  }
  return out;
}
