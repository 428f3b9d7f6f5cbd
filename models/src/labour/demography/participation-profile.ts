/**
 * Participation by five-year age group inside each broad group.
 *
 * ASSUMPTION (documented, not measured): GSO publishes labour force by broad
 * group only (15-24, 25-49, 50+). Inside a broad group the rates follow a
 * fixed shape — the typical Vietnamese LFS pattern: low at 15-19 (schooling),
 * a plateau at 25-49, a decline after 50 — shifted by one constant on the
 * logit scale so that population × rate reproduces the broad group's labour
 * force exactly. Only the relative shape matters; its level is recalibrated.
 *
 * At older ages the shape mixes a "before retirement age" rate and an "after
 * retirement age" rate, weighted by the share of the group past the
 * statutory retirement age, so a later retirement age raises the profile at
 * the ages it covers.
 */
import { AGE_GROUP_COUNT, BROAD_GROUPS, BROAD_MEMBERS, SEXES, type BroadGroup, type Sex, type SexAges } from './age-groups';
import { calibrateShift, ratesFromShift } from './logit';
import type { SexBroad } from './participation';
import { shareAboveAge } from './retirement-age';

/** Shape rates by five-year group (21 entries, 0 below 15), before and after retirement age. */
export interface ParticipationShape {
  before: SexAges;
  after: SexAges;
}

const pad = (from15: number[]): number[] => {
  const v = [0, 0, 0, ...from15];
  while (v.length < AGE_GROUP_COUNT) v.push(v[v.length - 1]);
  return v;
};

/**
 * Default shape (assumption). Levels near GSO LFS 2019–2020 age patterns;
 * "after" rates reflect that many Vietnamese keep working past the statutory
 * age (farming, own-account work), declining with age.
 *                     15-19 20-24 25-29 30-34 35-39 40-44 45-49 50-54 55-59 60-64 65-69 70-74 75-79 80-84 85+
 */
export const DEFAULT_SHAPE: ParticipationShape = {
  before: {
    M: pad([0.3, 0.78, 0.94, 0.97, 0.97, 0.97, 0.96, 0.94, 0.9, 0.84, 0.78, 0.7, 0.6, 0.5, 0.4]),
    F: pad([0.28, 0.74, 0.86, 0.88, 0.89, 0.89, 0.88, 0.85, 0.78, 0.72, 0.66, 0.58, 0.5, 0.42, 0.34]),
  },
  after: {
    M: pad([0.3, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.58, 0.48, 0.34, 0.2, 0.1, 0.04]),
    F: pad([0.28, 0.55, 0.55, 0.55, 0.55, 0.55, 0.55, 0.55, 0.55, 0.48, 0.38, 0.26, 0.15, 0.08, 0.03]),
  },
};

/** Shape rates of one sex at retirement age `r`: before/after mixed by the share of each group past `r`. */
export function shapeAt(sex: Sex, r: number, shape: ParticipationShape = DEFAULT_SHAPE): number[] {
  return shape.before[sex].map((b, i) => {
    const s = shareAboveAge(i, r);
    return (1 - s) * b + s * shape.after[sex][i];
  });
}

/** Logit shifts per sex × broad group, as calibrated. */
export type ProfileShifts = Record<Sex, Record<BroadGroup, number>>;

export interface ProfileOptions {
  shape?: ParticipationShape;
  /**
   * Retirement ages the broad 50+ rate refers to (e.g. the ages in force over
   * the history the rate was fitted on). When given, the 50+ shift is
   * calibrated at these ages and then applied to the shape at `retirementAges`,
   * so a later retirement age raises 50+ participation above the rate's trend
   * (the 50+ labour force then no longer equals rate × population: by design).
   * When omitted, every broad group is reproduced exactly.
   */
  retirementBase?: Record<Sex, number>;
}

/**
 * Rates by sex × five-year group (0 below 15) from broad-group rates,
 * calibrated per broad group so that Σ pop·rate over the group equals
 * broadRate × Σ pop (exactly, up to bisection precision), with the shape
 * at the year's retirement ages.
 */
export function participationProfile(
  pop: SexAges,
  broad: SexBroad,
  retirementAges: Record<Sex, number>,
  options: ProfileOptions = {},
): { rates: SexAges; shifts: ProfileShifts } {
  const shape = options.shape ?? DEFAULT_SHAPE;
  const rates = { M: new Array<number>(AGE_GROUP_COUNT).fill(0), F: new Array<number>(AGE_GROUP_COUNT).fill(0) };
  const shifts = {} as ProfileShifts;
  for (const sex of SEXES) {
    const now = shapeAt(sex, retirementAges[sex], shape);
    const base = options.retirementBase ? shapeAt(sex, options.retirementBase[sex], shape) : now;
    shifts[sex] = {} as Record<BroadGroup, number>;
    for (const g of BROAD_GROUPS) {
      const idx = BROAD_MEMBERS[g];
      const w = idx.map((i) => pop[sex][i]);
      const popSum = w.reduce((s, x) => s + x, 0);
      const calShape = g === '50+' ? base : now;
      const delta = calibrateShift(
        w,
        idx.map((i) => calShape[i]),
        broad[sex][g] * popSum,
      );
      shifts[sex][g] = delta;
      const r = ratesFromShift(
        idx.map((i) => now[i]),
        delta,
      );
      idx.forEach((i, k) => {
        rates[sex][i] = r[k];
      });
    }
  }
  return { rates, shifts };
}

/**
 * Rates by sex × five-year group from logit shifts (the inverse of the
 * calibration in {@link participationProfile}): each broad group's shape at
 * the year's retirement ages, moved by its shift. Forecasting the shifts
 * rather than the broad rates keeps age-specific participation on trend and
 * lets the population's age mix inside a broad group move the broad rate
 * (e.g. 50+ ageing towards 70+), instead of extrapolating past mix effects.
 */
export function profileFromShifts(shifts: ProfileShifts, retirementAges: Record<Sex, number>, shape: ParticipationShape = DEFAULT_SHAPE): SexAges {
  const rates = { M: new Array<number>(AGE_GROUP_COUNT).fill(0), F: new Array<number>(AGE_GROUP_COUNT).fill(0) };
  for (const sex of SEXES) {
    const now = shapeAt(sex, retirementAges[sex], shape);
    for (const g of BROAD_GROUPS) {
      const idx = BROAD_MEMBERS[g];
      const r = ratesFromShift(
        idx.map((i) => now[i]),
        shifts[sex][g],
      );
      idx.forEach((i, k) => {
        rates[sex][i] = r[k];
      });
    }
  }
  return rates;
}
