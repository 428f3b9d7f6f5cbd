/**
 * Labour supply: LF[y][sex][age] = POP[y][sex][age] × PR[y][sex][age], its
 * totals, and the unemployment view a demand model needs (E ≤ LF checked,
 * unemployment rate = 1 − E ÷ LF).
 */
import { BROAD_GROUPS, BROAD_MEMBERS, SEXES, WORKING_AGE_FIRST, sumAt, yearsOf, type ByYear, type Sex, type SexAges } from './age-groups';
import type { SexBroad } from './participation';

/** Labour force by sex × five-year group: population × participation rate, cell by cell. */
export function labourForce(pop: SexAges, rates: SexAges): SexAges {
  return { M: pop.M.map((p, i) => p * rates.M[i]), F: pop.F.map((p, i) => p * rates.F[i]) };
}

/** {@link labourForce} for every year present in both inputs. */
export function labourForceByYear(pop: ByYear<SexAges>, rates: ByYear<SexAges>): ByYear<SexAges> {
  const out: ByYear<SexAges> = {};
  for (const y of yearsOf(pop)) if (rates[y]) out[y] = labourForce(pop[y], rates[y]);
  return out;
}

/** Totals of one year's labour force. */
export interface SupplyTotals {
  /** Labour force 15+, both sexes. */
  total: number;
  bySex: Record<Sex, number>;
  byBroad: SexBroad;
  /** Population 15+, both sexes. */
  population15: number;
  /** total ÷ population15 (0 when there is no population). */
  participationRate: number;
}

/** Totals of `lf` (ages 15+), with the matching population for the overall rate. */
export function supplyTotals(lf: SexAges, pop: SexAges): SupplyTotals {
  const idx = Array.from({ length: lf.M.length - WORKING_AGE_FIRST }, (_, k) => k + WORKING_AGE_FIRST);
  const bySex = { M: sumAt(lf.M, idx), F: sumAt(lf.F, idx) };
  const byBroad = {} as SexBroad;
  for (const sex of SEXES) {
    byBroad[sex] = Object.fromEntries(BROAD_GROUPS.map((g) => [g, sumAt(lf[sex], BROAD_MEMBERS[g])])) as SexBroad[Sex];
  }
  const total = bySex.M + bySex.F;
  const population15 = sumAt(pop.M, idx) + sumAt(pop.F, idx);
  return { total, bySex, byBroad, population15, participationRate: population15 > 0 ? total / population15 : 0 };
}

/** Labour force, employment and unemployment of one year on one basis. */
export interface UnemploymentView {
  labourForce: number;
  employed: number;
  /** LF − E (negative when employment exceeds the labour force). */
  unemployed: number;
  /** 1 − E ÷ LF (NaN when LF is 0). */
  unemploymentRate: number;
  /** True when E > LF: an incoherent pair the caller must resolve, never hide. */
  employmentExceedsLabourForce: boolean;
}

/** Unemployment implied by a labour force and an employment figure (same year, same basis). */
export function unemploymentFrom(labourForceTotal: number, employed: number): UnemploymentView {
  return {
    labourForce: labourForceTotal,
    employed,
    unemployed: labourForceTotal - employed,
    unemploymentRate: labourForceTotal > 0 ? 1 - employed / labourForceTotal : NaN,
    employmentExceedsLabourForce: employed > labourForceTotal,
  };
}

/** Employment by sex × age from a labour force and an unemployment rate applied uniformly (assumption: same rate at every age). */
export function employmentFromLabourForce(lf: SexAges, unemploymentRate: number): SexAges {
  const e = 1 - Math.min(1, Math.max(0, unemploymentRate));
  return { M: lf.M.map((v) => v * e), F: lf.F.map((v) => v * e) };
}
