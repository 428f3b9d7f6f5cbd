/**
 * Participation rates by sex × broad age group (15-24, 25-49, 50+), the
 * level at which GSO publishes labour force, and a sex split of broad-group
 * labour force when GSO gives both sexes by age but only the sex totals
 * (M:ALL, F:ALL) by sex.
 */
import { BROAD_GROUPS, BROAD_MEMBERS, SEXES, sumAt, type BroadGroup, type Sex, type SexAges } from './age-groups';
import { calibrateShift, ratesFromShift } from './logit';

/** One number per broad group. */
export type BroadValues = Record<BroadGroup, number>;
/** One number per sex × broad group. */
export type SexBroad = Record<Sex, BroadValues>;

/** Population of each sex × broad group. */
export function broadPopulation(pop: SexAges): SexBroad {
  const one = (v: number[]) => Object.fromEntries(BROAD_GROUPS.map((g) => [g, sumAt(v, BROAD_MEMBERS[g])])) as BroadValues;
  return { M: one(pop.M), F: one(pop.F) };
}

/**
 * Participation rate = labour force ÷ population of the same sex × broad
 * group. Clamped to [0, 1]: a ratio outside means the two sources disagree
 * (different reference periods or populations), and the clamp keeps the
 * logit forecast defined. A group with no population gets rate 0.
 */
export function broadRates(lf: SexBroad, pop: SexAges): SexBroad {
  const bp = broadPopulation(pop);
  const one = (sex: Sex) =>
    Object.fromEntries(
      BROAD_GROUPS.map((g) => {
        const p = bp[sex][g];
        return [g, p > 0 ? Math.min(1, Math.max(0, lf[sex][g] / p)) : 0];
      }),
    ) as BroadValues;
  return { M: one('M'), F: one('F') };
}

/** Options of {@link splitBySex}. */
export interface SexSplitOptions {
  /** Prior female ÷ male participation ratio per broad group (seed of the raking); default 1 (same rate). */
  femaleToMale?: Partial<BroadValues>;
  /** Raking iterations; default 200 (converges long before on 2 × 3 tables). */
  iterations?: number;
}

/**
 * Split both-sexes labour force by broad group (`byGroup`, e.g. GSO's
 * T:15-24, T:25-49, T:50+) into sexes so that groups add to `byGroup` and
 * sexes add to `bySex` (M:ALL, F:ALL): iterative proportional fitting
 * (raking) from a seed of population × prior rate. A deterministic estimator
 * from real margins: its output is `modelled`.
 *
 * The sex totals are first scaled to Σ byGroup when the two sources disagree
 * (they come from different tables); the scale factor is returned.
 */
export function splitBySex(byGroup: BroadValues, bySex: Record<Sex, number>, pop: SexAges, options: SexSplitOptions = {}): { lf: SexBroad; sexScale: number } {
  const bp = broadPopulation(pop);
  const groupTotal = BROAD_GROUPS.reduce((s, g) => s + byGroup[g], 0);
  const sexTotal = bySex.M + bySex.F;
  const sexScale = sexTotal > 0 ? groupTotal / sexTotal : 1;
  const colTarget: Record<Sex, number> = { M: bySex.M * sexScale, F: bySex.F * sexScale };
  const cell: SexBroad = {
    M: Object.fromEntries(BROAD_GROUPS.map((g) => [g, bp.M[g]])) as BroadValues,
    F: Object.fromEntries(BROAD_GROUPS.map((g) => [g, bp.F[g] * (options.femaleToMale?.[g] ?? 1)])) as BroadValues,
  };
  for (let it = 0; it < (options.iterations ?? 200); it++) {
    for (const g of BROAD_GROUPS) {
      const s = cell.M[g] + cell.F[g];
      const f = s > 0 ? byGroup[g] / s : 0;
      for (const sex of SEXES) cell[sex][g] *= f;
    }
    for (const sex of SEXES) {
      const s = BROAD_GROUPS.reduce((acc, g) => acc + cell[sex][g], 0);
      const f = s > 0 ? colTarget[sex] / s : 0;
      for (const g of BROAD_GROUPS) cell[sex][g] *= f;
    }
  }
  // End on the group step so the published group totals hold exactly.
  for (const g of BROAD_GROUPS) {
    const s = cell.M[g] + cell.F[g];
    const f = s > 0 ? byGroup[g] / s : 0;
    for (const sex of SEXES) cell[sex][g] *= f;
  }
  return { lf: cell, sexScale };
}

/**
 * Broad rates adjusted so each sex's labour force equals a known sex total
 * (GSO's quarterly M:ALL / F:ALL after the age-group table ends in 2016): a
 * common logit shift per sex keeps the age pattern of `prior` (e.g. the last
 * year with age detail, or a forecast) and reproduces the total exactly.
 */
export function ratesToSexTotals(prior: SexBroad, bySex: Record<Sex, number>, pop: SexAges): SexBroad {
  const bp = broadPopulation(pop);
  const out = {} as SexBroad;
  for (const sex of SEXES) {
    const w = BROAD_GROUPS.map((g) => bp[sex][g]);
    const shape = BROAD_GROUPS.map((g) => prior[sex][g]);
    const rates = ratesFromShift(shape, calibrateShift(w, shape, bySex[sex]));
    out[sex] = Object.fromEntries(BROAD_GROUPS.map((g, i) => [g, rates[i]])) as BroadValues;
  }
  return out;
}
