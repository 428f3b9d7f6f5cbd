import { ForecastError } from './errors';
import type { Frequency } from './types';

/** A period split into its parts: `index` is the quarter or month (1-based), 1 for a year. */
export interface Period {
  year: number;
  index: number;
  frequency: Frequency;
}

const YEAR = /^(\d{4})$/;
// The benchmark files write `1984Q1`; the long format writes `1984-Q1`. Accept both.
const QUARTER = /^(\d{4})-?[Qq]([1-4])$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * Parse a period label: `2024` (yearly), `2024-Q3` or `2024Q3` (quarterly), `2024-07` (monthly).
 * @throws ForecastError INVALID_PERIOD for anything else.
 */
export function parsePeriod(label: string): Period {
  const text = String(label).trim();
  let m = YEAR.exec(text);
  if (m) return { year: Number(m[1]), index: 1, frequency: 1 };
  m = QUARTER.exec(text);
  if (m) return { year: Number(m[1]), index: Number(m[2]), frequency: 4 };
  m = MONTH.exec(text);
  if (m) return { year: Number(m[1]), index: Number(m[2]), frequency: 12 };
  throw new ForecastError('INVALID_PERIOD', `"${label}" is not a period. Write a year (2024), a quarter (2024-Q3) or a month (2024-07).`, { period: label });
}

/** Write a period in the canonical form: `2024`, `2024-Q3`, `2024-07`. */
export function formatPeriod(p: Period): string {
  if (p.frequency === 1) return String(p.year);
  if (p.frequency === 4) return `${p.year}-Q${p.index}`;
  return `${p.year}-${String(p.index).padStart(2, '0')}`;
}

function ordinal(p: Period): number {
  return p.year * p.frequency + (p.index - 1);
}

function fromOrdinal(n: number, frequency: Frequency): Period {
  const year = Math.floor(n / frequency);
  return { year, index: n - year * frequency + 1, frequency };
}

/** The period `k` steps after `label` (k may be negative): `addPeriods('2024-Q4', 1) === '2025-Q1'`. */
export function addPeriods(label: string, k: number): string {
  if (!Number.isInteger(k)) {
    throw new ForecastError('INVALID_OPTION', `Can only move a whole number of periods, not ${k}.`, { k });
  }
  const p = parsePeriod(label);
  return formatPeriod(fromOrdinal(ordinal(p) + k, p.frequency));
}

/** `count` consecutive period labels starting at `start`. */
export function periodRange(start: string, count: number): string[] {
  const p = parsePeriod(start);
  const base = ordinal(p);
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(formatPeriod(fromOrdinal(base + i, p.frequency)));
  return out;
}

/**
 * Number of steps from `from` to `to` (positive when `to` is later).
 * @throws ForecastError INVALID_PERIOD when the two labels have different frequencies.
 */
export function periodsBetween(from: string, to: string): number {
  const a = parsePeriod(from);
  const b = parsePeriod(to);
  if (a.frequency !== b.frequency) {
    throw new ForecastError(
      'INVALID_PERIOD',
      `Cannot count periods between "${from}" and "${to}": one is ${frequencyName(a.frequency)}, the other ${frequencyName(b.frequency)}.`,
      { from, to },
    );
  }
  return ordinal(b) - ordinal(a);
}

/** `yearly`, `quarterly` or `monthly`, for messages. */
export function frequencyName(f: Frequency): string {
  return f === 1 ? 'yearly' : f === 4 ? 'quarterly' : 'monthly';
}
