/**
 * What a scenario needs from the national system to move its supply levers (issue 13 §1):
 * the forecast population and participation inputs by year, the level calibration, the
 * employment-to-labour-force ratios by age, and the baseline value-added paths. Plain data,
 * kept on `NationalSystem.levers`; the functions below recompute the labour force and the
 * retirement rate under a scenario's participation change and later retirement path.
 */
import { BROAD_GROUPS, BROAD_MEMBERS, SEXES, type BroadGroup, type ByYear, type Sex, type SexAges } from '../demography/age-groups';
import type { SexBroad } from '../demography/participation';
import { retirementAge, type RetirementPaths } from '../demography/retirement-age';
import { retirementRates } from '../demography/replacement';
import { labourForceAt, type DemographicSupply } from './supply';

/** Plain inputs of the supply levers, for forecast years baseYear+1 … baseYear+H. */
export interface SystemLevers {
  baseYear: number;
  horizon: number;
  /** Persons per model person (the demography's level factor to the official labour force). */
  calibration: number;
  mode: DemographicSupply['mode'];
  lastRateYear: number;
  population: ByYear<SexAges>;
  broad: ByYear<SexBroad>;
  /** Employment ÷ labour force by sex × age (profile year), for the retirement rate. */
  employmentRatios: SexAges;
  /** Share of those crossing the retirement age who leave. */
  exitShare: number;
  /** Real value added (billion VND, 2010 prices), years baseYear … baseYear+H, by section with value added and by broad sector. */
  valueAdded: Record<string, number[]>;
  /** Labour-productivity growth (log points a year) by broad sector, forecast years 1…H (system/productivity.ts). */
  productivity?: Record<string, number[]>;
}

/** Participation change in percentage points by sex and broad age group (`'M:15-24'` …). */
export type ParticipationChange = Partial<Record<`${Sex}:${BroadGroup}`, number>>;

/** Options of {@link leverLabourForce}. */
export interface LeverOptions {
  participation?: ParticipationChange;
  later?: RetirementPaths;
}

/** Rates scaled inside each sex × broad group so the group's rate moves by the given points (rates ≤ 0.99). */
function withParticipation(lf: SexAges, pop: SexAges, change: ParticipationChange | undefined): SexAges {
  if (!change) return lf;
  const out = { M: [...lf.M], F: [...lf.F] };
  for (const sex of SEXES) {
    for (const g of BROAD_GROUPS) {
      const d = change[`${sex}:${g}`];
      if (!d) continue;
      const idx = BROAD_MEMBERS[g];
      const p = idx.reduce((s, i) => s + pop[sex][i], 0);
      const l = idx.reduce((s, i) => s + lf[sex][i], 0);
      if (!(p > 0) || !(l > 0)) continue;
      // At most 99 % take part, but a rise never lowers a group (or an age) that is already above that.
      const target = d > 0 ? Math.max(l / p, Math.min(0.99, l / p + d / 100)) : Math.max(0, l / p + d / 100);
      const k = (target * p) / l;
      for (const i of idx) out[sex][i] = d > 0 ? Math.min(Math.max(lf[sex][i], pop[sex][i] * 0.99), lf[sex][i] * k) : lf[sex][i] * k;
    }
  }
  return out;
}

const agesAt = (y: number, later?: RetirementPaths): Record<Sex, number> => ({ M: retirementAge('M', y, later), F: retirementAge('F', y, later) });
const total = (x: SexAges) => SEXES.reduce((s, sex) => s + x[sex].reduce((a, b) => a + b, 0), 0);

/** Labour force by sex × age in forecast year y under the levers (model scale). */
function labourForceByAge(lv: SystemLevers, y: number, opts: LeverOptions): SexAges | null {
  const pop = lv.population[y];
  const broad = lv.broad[y];
  if (!pop || !broad) return null;
  const lf = labourForceAt(pop, broad, agesAt(y, opts.later), y > lv.lastRateYear, lv.mode);
  return withParticipation(lf, pop, opts.participation);
}

/**
 * The labour force (persons, calibrated) in each forecast year t = 1..H under the levers, and
 * the same without them: a scenario adds the difference to the system's labour force, so the
 * baseline reproduces itself exactly.
 */
export function leverLabourForce(lv: SystemLevers, opts: LeverOptions): { scenario: number[]; baseline: number[] } {
  return { scenario: labourForcePath(lv, opts), baseline: baselineOf(lv).labourForce };
}

/** Calibrated labour force per forecast year under the levers (NaN where the demography has no year). */
function labourForcePath(lv: SystemLevers, opts: LeverOptions): number[] {
  return Array.from({ length: lv.horizon }, (_, k) => {
    const lf = labourForceByAge(lv, lv.baseYear + k + 1, opts);
    return lf ? total(lf) * lv.calibration : NaN;
  });
}

const baselineCache = new WeakMap<SystemLevers, { labourForce: number[]; retiring: number[] }>();

/** The levers' baseline (no participation change, current law), once per system: every scenario compares with it. */
function baselineOf(lv: SystemLevers): { labourForce: number[]; retiring: number[] } {
  let b = baselineCache.get(lv);
  if (!b) {
    b = {
      labourForce: labourForcePath(lv, {}),
      retiring: Array.from({ length: lv.horizon }, (_, k) => retiringShare(lv, lv.baseYear + k + 1, {})),
    };
    baselineCache.set(lv, b);
  }
  return b;
}

/** Share of employment retiring in year y (employment profile = labour force × ratios). */
function retiringShare(lv: SystemLevers, y: number, opts: LeverOptions): number {
  const lf = labourForceByAge(lv, y - 1, opts) ?? labourForceByAge(lv, y, opts);
  if (!lf) return 0;
  const ret = retirementRates(y, { later: opts.later, exitShare: lv.exitShare });
  let e = 0;
  let r = 0;
  for (const sex of SEXES) {
    lf[sex].forEach((v, a) => {
      const emp = v * lv.employmentRatios[sex][a];
      e += emp;
      r += emp * ret[sex][a];
    });
  }
  return e > 0 ? r / e : 0;
}

/**
 * Factor on the system's retirement rate in each forecast year under a later retirement path
 * (scenario ÷ baseline share retiring; 1 where the baseline has none).
 */
export function leverRetirementFactors(lv: SystemLevers, opts: LeverOptions): number[] {
  const { retiring } = baselineOf(lv);
  return Array.from({ length: lv.horizon }, (_, k) => {
    const b = retiring[k];
    return b > 0 ? retiringShare(lv, lv.baseYear + k + 1, opts) / b : 1;
  });
}
