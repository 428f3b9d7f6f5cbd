/**
 * The real figures the illustrative generator is anchored to: every row of
 * the committed official, international and modelled seed files (written by
 * the converters in seeds/convert from GSO/UN data). Reading the committed
 * files, not ../shared, keeps generation reproducible without ../shared.
 * The same set is the generator's "do not write" list (conflict rule).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Observation } from '@lmo/models';
import { parseLongCsv } from '@lmo/models/data';

/** Files the generator writes (never read back as anchors). */
export const GENERATED_FILE = /^illustrative-[a-z0-9-]+\.csv$/;
/** Generator outputs of v1, removed when the generator runs. */
export const LEGACY_GENERATED_FILE = /^modelled-(employment|graduates|exits|vacancies|supply)(-[0-9-]+)?\.csv$/;
/** Seed files written from real data: official.csv (hand-curated), official-*, international-*, modelled-*. */
export const ANCHOR_FILE = /^(official|international|modelled)(-[a-z0-9-]+)?\.csv$/;

/** Key of one cell: indicator|period|region|sector|qualification. */
export const cellKey = (o: Pick<Observation, 'indicator' | 'period' | 'region' | 'sector' | 'qualification'>): string =>
  `${o.indicator}|${o.period}|${o.region}|${o.sector}|${o.qualification}`;

/** Lookup over the real seed rows. */
export interface Anchors {
  /** Value of one real cell, or undefined. */
  value(indicator: string, period: string | number, region?: string, sector?: string, qualification?: string): number | undefined;
  /** Is this cell already in a real seed file (so the generator must not write it)? */
  has(key: string): boolean;
  /** Periods (years) that have a value for the cell pattern, ascending. */
  years(indicator: string, region?: string, sector?: string, qualification?: string): number[];
  readonly size: number;
}

/** Build the lookup from rows (pure). */
export function anchorsFrom(rows: readonly Observation[]): Anchors {
  const byKey = new Map<string, number>();
  const yearsOf = new Map<string, number[]>();
  for (const o of rows) {
    byKey.set(cellKey(o), o.value);
    if (/^\d{4}$/.test(o.period)) {
      const k = `${o.indicator}|${o.region}|${o.sector}|${o.qualification}`;
      const list = yearsOf.get(k) ?? [];
      list.push(Number(o.period));
      yearsOf.set(k, list);
    }
  }
  for (const list of yearsOf.values()) list.sort((a, b) => a - b);
  return {
    value: (indicator, period, region = 'VN', sector = 'TOTAL', qualification = 'ALL') =>
      byKey.get(`${indicator}|${period}|${region}|${sector}|${qualification}`),
    has: (key) => byKey.has(key),
    years: (indicator, region = 'VN', sector = 'TOTAL', qualification = 'ALL') => yearsOf.get(`${indicator}|${region}|${sector}|${qualification}`) ?? [],
    size: byKey.size,
  };
}

/** Names of the anchor files in `dir`, sorted. */
export function anchorFileNames(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((f) => ANCHOR_FILE.test(f) && !LEGACY_GENERATED_FILE.test(f)).sort();
}

/** Read every anchor file of `dir` through the long-format parser; throws on a parse error. */
export function readAnchorRows(dir: string): Observation[] {
  const rows: Observation[] = [];
  for (const f of anchorFileNames(dir)) {
    const r = parseLongCsv(readFileSync(join(dir, f), 'utf8'));
    if (!r.ok) throw new Error(`${f}:${r.errors[0].line}: ${r.errors[0].message}`);
    rows.push(...r.rows);
  }
  return rows;
}

/** Anchors from the committed seed files of `dir`. */
export function readAnchors(dir: string): Anchors {
  return anchorsFrom(readAnchorRows(dir));
}

/**
 * Linear interpolation of a yearly series known at `years` (ascending);
 * outside the known range, the nearest value plus `slopeAfter` per year
 * after the last (before the first: the first value).
 */
export function interpolate(known: Map<number, number>, year: number, slopeAfter = 0): number {
  const ys = [...known.keys()].sort((a, b) => a - b);
  if (ys.length === 0) throw new Error('interpolate: no known values');
  if (known.has(year)) return known.get(year)!;
  if (year < ys[0]) return known.get(ys[0])!;
  const last = ys[ys.length - 1];
  if (year > last) return known.get(last)! + slopeAfter * (year - last);
  const hi = ys.find((y) => y > year)!;
  const lo = [...ys].reverse().find((y) => y < year)!;
  const w = (year - lo) / (hi - lo);
  return known.get(lo)! * (1 - w) + known.get(hi)! * w;
}
