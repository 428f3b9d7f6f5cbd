/**
 * Statutory retirement ages in Viet Nam, by sex and year.
 *
 * Source: 2019 Labour Code (Law 45/2019/QH14), art. 169, and Decree
 * 135/2020/NĐ-CP (normal working conditions). Before 2021: men 60, women 55.
 * From 2021 the age rises each year: men 60y3m in 2021, +3 months a year to
 * 62 in 2028; women 55y4m in 2021, +4 months a year to 60 in 2035.
 * Ages are in decimal years (60y3m = 60.25).
 *
 * A later step-up path (a scenario lever) can raise the age further after the
 * statutory path; it never lowers it.
 */
import { AGE_STEP, type Sex } from './age-groups';

/** A scenario path: from `startYear`, `stepMonths` more each year until `target` years. */
export interface RetirementPath {
  startYear: number;
  stepMonths: number;
  target: number;
}

/** Optional later paths per sex. */
export type RetirementPaths = Partial<Record<Sex, RetirementPath>>;

const STATUTORY: Record<Sex, { base: number; stepMonths: number; target: number }> = {
  M: { base: 60, stepMonths: 3, target: 62 },
  F: { base: 55, stepMonths: 4, target: 60 },
};
/** First year of the 2019 Labour Code's roadmap. */
export const ROADMAP_START = 2021;

/** Statutory retirement age (decimal years) for people reaching it in `year`. */
export function statutoryRetirementAge(sex: Sex, year: number): number {
  const s = STATUTORY[sex];
  if (year < ROADMAP_START) return s.base;
  return Math.min(s.target, s.base + (s.stepMonths * (year - ROADMAP_START + 1)) / 12);
}

/**
 * Retirement age in `year`: the statutory roadmap, raised by `later[sex]` when
 * given (from its start year the age climbs `stepMonths` a year from the
 * previous year's age, up to its target; never below the statutory age).
 */
export function retirementAge(sex: Sex, year: number, later?: RetirementPaths): number {
  const stat = statutoryRetirementAge(sex, year);
  const p = later?.[sex];
  if (!p || year < p.startYear) return stat;
  const from = statutoryRetirementAge(sex, p.startYear - 1);
  const path = Math.min(p.target, from + (p.stepMonths * (year - p.startYear + 1)) / 12);
  return Math.max(stat, path);
}

/** Length of [a, b) ∩ [c, d), never negative. */
function overlap(a: number, b: number, c: number, d: number): number {
  return Math.max(0, Math.min(b, d) - Math.max(a, c));
}

/**
 * Share of five-year group `i` (ages 5i…5i+4, uniform within the group) that
 * is at or above retirement age `r`.
 */
export function shareAboveAge(i: number, r: number): number {
  return overlap(AGE_STEP * i, AGE_STEP * i + AGE_STEP, r, Infinity) / AGE_STEP;
}

/**
 * Share of group `i` (ages at the start of the year, uniform within the group)
 * that reaches retirement during the year: those not yet retired under last
 * year's age `rPrev` (age < rPrev) who turn this year's age `rNow` before the
 * year ends (age + 1 ≥ rNow). When the age rises by Δ a year, only 1 − Δ of a
 * single-year cohort retires, which is how the roadmap slows retirements.
 */
export function crossingShare(i: number, rPrev: number, rNow: number): number {
  return overlap(AGE_STEP * i, AGE_STEP * i + AGE_STEP, rNow - 1, rPrev) / AGE_STEP;
}
