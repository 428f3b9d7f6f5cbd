/**
 * Population by year × sex × five-year age group, from UN WPP 2019 rows,
 * scaled each year to GSO's own total where one exists.
 *
 * Why scale: WPP 2019 is a model of Viet Nam's population that differs from
 * GSO's annual average population by up to a few percent; labour force is
 * POP × participation, so the population level must be GSO's where GSO
 * publishes one. The age–sex structure stays WPP's (GSO does not publish it
 * every year).
 */
import { AGE_GROUP_COUNT, AGE_STEP, SEXES, ageGroupIndex, yearsOf, zeroSexAges, type ByYear, type Sex, type SexAges } from './age-groups';

/** One WPP row: `age` is a single year of age (number) or a five-year label (`15-19`, `100+`); `value` in persons. */
export interface WppRow {
  year: number;
  sex: Sex;
  age: number | string;
  value: number;
}

/** Five-year group index of a row's age; throws on a label that is not one of the 21 groups. */
function groupOf(age: number | string): number {
  if (typeof age === 'number') return Math.min(AGE_GROUP_COUNT - 1, Math.floor(age / AGE_STEP));
  const i = ageGroupIndex(age);
  if (i === undefined) throw new Error(`not a five-year age group: ${age}`);
  return i;
}

/**
 * Population by year × sex × five-year group. Single-year rows are summed into
 * their group (ages ≥ 100 into 100+); repeated rows add up.
 */
export function populationFromWpp(rows: readonly WppRow[]): ByYear<SexAges> {
  const out: ByYear<SexAges> = {};
  for (const r of rows) {
    const cell = (out[r.year] ??= zeroSexAges());
    cell[r.sex][groupOf(r.age)] += r.value;
  }
  return out;
}

/** Σ over both sexes and every age group (or only `indices`). */
export function populationTotal(pop: SexAges, indices?: readonly number[]): number {
  let s = 0;
  for (const sex of SEXES) {
    const v = pop[sex];
    if (indices) for (const i of indices) s += v[i];
    else for (const x of v) s += x;
  }
  return s;
}

/**
 * Scale factor per year so that the WPP total equals `totals[year]`:
 * measured where both exist; linearly interpolated between measured years;
 * held at the first measured value before and at the last measured value after
 * (the brief's rule: WPP's growth carries the level forward from GSO's last year).
 * Years with no total at all get factor 1.
 */
export function scaleFactors(pop: ByYear<SexAges>, totals: Readonly<Record<number, number>>): ByYear<number> {
  const years = yearsOf(pop);
  const known = years.filter((y) => totals[y] !== undefined && populationTotal(pop[y]) > 0).map((y) => [y, totals[y] / populationTotal(pop[y])] as const);
  const out: ByYear<number> = {};
  for (const y of years) {
    if (known.length === 0) out[y] = 1;
    else if (y <= known[0][0]) out[y] = known[0][1];
    else if (y >= known[known.length - 1][0]) out[y] = known[known.length - 1][1];
    else {
      const k = known.findIndex(([ky]) => ky >= y);
      const [y1, f1] = known[k];
      const [y0, f0] = known[k - 1];
      out[y] = f0 + ((f1 - f0) * (y - y0)) / (y1 - y0);
    }
  }
  return out;
}

/** Population scaled to GSO's totals (see {@link scaleFactors}), with the factors used. */
export function scalePopulation(pop: ByYear<SexAges>, totals: Readonly<Record<number, number>>): { population: ByYear<SexAges>; factors: ByYear<number> } {
  const factors = scaleFactors(pop, totals);
  const population: ByYear<SexAges> = {};
  for (const y of yearsOf(pop)) {
    const f = factors[y];
    population[y] = { M: pop[y].M.map((v) => v * f), F: pop[y].F.map((v) => v * f) };
  }
  return { population, factors };
}

/**
 * Five-year groups → single years 0…99 plus 100+ (101 entries), each group
 * split evenly over its five ages (assumption: uniform within a group).
 */
export function toSingleYear(groups: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < AGE_GROUP_COUNT - 1; i++) for (let k = 0; k < AGE_STEP; k++) out.push(groups[i] / AGE_STEP);
  out.push(groups[AGE_GROUP_COUNT - 1]);
  return out;
}

/** Single years (0…99, then 100+ or more single ages) → the 21 five-year groups. */
export function toFiveYear(single: readonly number[]): number[] {
  const out = new Array<number>(AGE_GROUP_COUNT).fill(0);
  single.forEach((v, age) => {
    out[Math.min(AGE_GROUP_COUNT - 1, Math.floor(age / AGE_STEP))] += v;
  });
  return out;
}

/**
 * Age a five-year-group stock by one year: a fifth of each group moves up
 * (uniform within-group ages), the open 100+ group keeps everyone, `entrants`
 * join the first group. No deaths: callers apply exits separately.
 */
export function ageOneYear(groups: readonly number[], entrants = 0): number[] {
  const n = groups.length;
  const out = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    const moving = i === n - 1 ? 0 : groups[i] / AGE_STEP;
    out[i] += groups[i] - moving;
    if (i + 1 < n) out[i + 1] += moving;
  }
  out[0] += entrants;
  return out;
}
