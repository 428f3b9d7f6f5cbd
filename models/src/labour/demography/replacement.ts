/**
 * Replacement demand from age: the employed who reach the retirement age,
 * plus deaths, by sex × five-year age group; then applied to any cell
 * (sector, qualification) through the age profile of its employment.
 *
 * Deaths come from WPP cohort shrinkage: a cohort in group a in year y is in
 * group a+1 in year y+5, so the annual rate is 1 − (POP[y+5][a+1] ÷
 * POP[y][a])^(1/5), floored at 0. CAVEAT: WPP populations include net
 * migration, so net emigration counts as "death" here (Viet Nam is a net
 * emigration country, mostly at working ages) and net immigration is hidden
 * by the floor. It is an exit rate, not a mortality rate.
 */
import { AGE_GROUP_COUNT, SEXES, yearsOf, zeroSexAges, type ByYear, type SexAges } from './age-groups';
import { crossingShare, retirementAge, type RetirementPaths } from './retirement-age';

/**
 * Annual cohort exit ("death") rates by year × sex × group, from WPP cohort
 * shrinkage over five years (see the module note). The last two groups
 * (95-99 and 100+) share one rate: both end up in 100+. Years without a year
 * +5 hold the rates of the latest year that has one.
 */
export function deathRates(pop: ByYear<SexAges>): ByYear<SexAges> {
  const years = yearsOf(pop);
  const out: ByYear<SexAges> = {};
  let last: SexAges | undefined;
  const annual = (now: number, later: number) => (now > 0 ? Math.min(1, Math.max(0, 1 - Math.max(0, later / now) ** (1 / 5))) : 0);
  for (const y of years) {
    const later = pop[y + 5];
    if (!later) continue;
    const r = zeroSexAges();
    for (const sex of SEXES) {
      const p = pop[y][sex];
      const q = later[sex];
      for (let a = 0; a < AGE_GROUP_COUNT - 2; a++) r[sex][a] = annual(p[a], q[a + 1]);
      const oldest = annual(p[AGE_GROUP_COUNT - 2] + p[AGE_GROUP_COUNT - 1], q[AGE_GROUP_COUNT - 1]);
      r[sex][AGE_GROUP_COUNT - 2] = oldest;
      r[sex][AGE_GROUP_COUNT - 1] = oldest;
    }
    out[y] = r;
    last = r;
  }
  for (const y of years) if (!out[y] && last) out[y] = { M: [...last.M], F: [...last.F] };
  return out;
}

export interface RetirementRateOptions {
  /** Later retirement-age paths (scenario lever). */
  later?: RetirementPaths;
  /**
   * Share of the employed reaching retirement age who leave employment;
   * default 1. ASSUMPTION lever: many Vietnamese keep working past the
   * statutory age outside the social-insurance system.
   */
  exitShare?: number;
}

/**
 * Annual retirement rates by sex × group in `year`: the share of each group
 * crossing the retirement age during the year (ages uniform within a group;
 * see {@link crossingShare}), times the exit share. Apply them to each year's
 * employment age profile (observed or modelled), not to a single cohort aged
 * group by group: the uniform-within-group assumption only holds for smooth
 * age distributions.
 */
export function retirementRates(year: number, options: RetirementRateOptions = {}): SexAges {
  const k = Math.min(1, Math.max(0, options.exitShare ?? 1));
  const out = zeroSexAges();
  for (const sex of SEXES) {
    const rPrev = retirementAge(sex, year - 1, options.later);
    const rNow = retirementAge(sex, year, options.later);
    for (let a = 0; a < AGE_GROUP_COUNT; a++) out[sex][a] = k * crossingShare(a, rPrev, rNow);
  }
  return out;
}

/** Replacement by sex × group and in total. */
export interface Replacement {
  retirements: SexAges;
  deaths: SexAges;
  retirementsTotal: number;
  deathsTotal: number;
  total: number;
}

/**
 * Replacement demand of employment by sex × group: retirements = E·ret,
 * deaths = E·(1 − ret)·death (those retiring are not counted again), so the
 * total never exceeds employment.
 */
export function replacementDemand(employment: SexAges, retire: SexAges, death: SexAges): Replacement {
  const retirements = zeroSexAges();
  const deaths = zeroSexAges();
  let rt = 0;
  let dt = 0;
  for (const sex of SEXES) {
    employment[sex].forEach((e, a) => {
      const r = Math.max(0, e) * clamp01(retire[sex][a]);
      const d = (Math.max(0, e) - r) * clamp01(death[sex][a]);
      retirements[sex][a] = r;
      deaths[sex][a] = d;
      rt += r;
      dt += d;
    });
  }
  return { retirements, deaths, retirementsTotal: rt, deathsTotal: dt, total: rt + dt };
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x || 0));
}

/** Age profile: employment by sex × group as shares of its total (all 0 when the total is 0). */
export function ageProfile(employment: SexAges): SexAges {
  const tot = SEXES.reduce((s, sex) => s + employment[sex].reduce((a, b) => a + Math.max(0, b), 0), 0);
  return { M: employment.M.map((v) => (tot > 0 ? Math.max(0, v) / tot : 0)), F: employment.F.map((v) => (tot > 0 ? Math.max(0, v) / tot : 0)) };
}

/** Replacement of one cell (sector, qualification, region). */
export interface CellReplacement extends Replacement {
  /** total ÷ employment (0 for an empty cell). */
  rate: number;
  /** Whose age profile was used. */
  profileSource: 'cell' | 'national';
  /** Plain-language assumption to show next to the number. */
  assumption: string;
}

export const NATIONAL_PROFILE_ASSUMPTION =
  'Age profile of this cell assumed equal to the national age profile of employment (no age data by sector or qualification).';

/**
 * Replacement of a cell with `employment` workers: its employment spread over
 * sex × age by `cellProfile` when known, otherwise by the national profile
 * (labelled as an assumption), then {@link replacementDemand}.
 */
export function cellReplacement(employment: number, retire: SexAges, death: SexAges, profiles: { national: SexAges; cell?: SexAges }): CellReplacement {
  const profile = ageProfile(profiles.cell ?? profiles.national);
  const e = Math.max(0, employment);
  const r = replacementDemand({ M: profile.M.map((p) => p * e), F: profile.F.map((p) => p * e) }, retire, death);
  return {
    ...r,
    rate: e > 0 ? r.total / e : 0,
    profileSource: profiles.cell ? 'cell' : 'national',
    assumption: profiles.cell ? 'Age profile of this cell from its own data.' : NATIONAL_PROFILE_ASSUMPTION,
  };
}
