/**
 * Shared shapes of the demographic supply model: sexes, the 21 five-year age
 * groups of UN WPP (0-4 … 95-99, 100+) and the three broad groups GSO
 * publishes labour force for (15-24, 25-49, 50+).
 *
 * Every age-indexed array in this folder has one entry per five-year group,
 * index `i` covering ages `5i … 5i+4` (the last, index 20, is 100+).
 */

export type Sex = 'M' | 'F';
export const SEXES: readonly Sex[] = ['M', 'F'];

/** One number per sex, each an array over the 21 five-year age groups. */
export type SexAges = Record<Sex, number[]>;

/** Values keyed by calendar year. */
export type ByYear<T> = Record<number, T>;

/** Number of five-year groups (0-4 … 95-99 and the open 100+). */
export const AGE_GROUP_COUNT = 21;
/** Width of a group in years. */
export const AGE_STEP = 5;
/** Index of 15-19, the first working-age group. */
export const WORKING_AGE_FIRST = 3;

/** Index of a five-year label (`15-19`, `100+`); undefined when it is not one of the 21 groups. */
export function ageGroupIndex(label: string): number | undefined {
  const open = /^(\d+)\+$/.exec(label);
  if (open) return Number(open[1]) === AGE_STEP * (AGE_GROUP_COUNT - 1) ? AGE_GROUP_COUNT - 1 : undefined;
  const m = /^(\d+)-(\d+)$/.exec(label);
  if (!m) return undefined;
  const lo = Number(m[1]);
  const hi = Number(m[2]);
  if (lo % AGE_STEP !== 0 || hi !== lo + AGE_STEP - 1 || lo / AGE_STEP >= AGE_GROUP_COUNT - 1) return undefined;
  return lo / AGE_STEP;
}

/** A broad age group as GSO publishes labour force: `15-24`, `25-49`, `50+`. */
export type BroadGroup = '15-24' | '25-49' | '50+';
export const BROAD_GROUPS: readonly BroadGroup[] = ['15-24', '25-49', '50+'];

/** Five-year group indices inside each broad group. */
export const BROAD_MEMBERS: Record<BroadGroup, readonly number[]> = {
  '15-24': [3, 4],
  '25-49': [5, 6, 7, 8, 9],
  '50+': [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20],
};

/** A fresh array of 21 zeros. */
export function zeroAges(): number[] {
  return new Array<number>(AGE_GROUP_COUNT).fill(0);
}

/** A fresh `{ M, F }` of zeros. */
export function zeroSexAges(): SexAges {
  return { M: zeroAges(), F: zeroAges() };
}

/** Sum of `values` over the given indices. */
export function sumAt(values: readonly number[], indices: readonly number[]): number {
  let s = 0;
  for (const i of indices) s += values[i] ?? 0;
  return s;
}

/** Sorted numeric years of a by-year record. */
export function yearsOf<T>(rec: ByYear<T>): number[] {
  return Object.keys(rec)
    .map(Number)
    .sort((a, b) => a - b);
}
