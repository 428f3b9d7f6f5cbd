/**
 * Small helpers shared by the converters: exact unit conversion, row
 * construction, deterministic ordering and CSV output (the long-format writer
 * of @lmo/models, so quoting and number style match every other seed file).
 */
import type { Observation, ObservationStatus, Unit } from '@lmo/models';
import { toLongCsv } from '@lmo/models/data';
import { REGIONS } from '@lmo/models/codes';
import { cellKey } from '../src/anchors';
import type { SeedFile } from '../src/build';

// The generator's cell key and file shape, so converted and generated files are checked alike.
export { cellKey, type SeedFile };

/**
 * Thousand persons as published (`51978.4`) → persons (51978400). Published
 * figures have at most three decimals, so rounding removes only float noise.
 */
export function thousandsToPersons(thousands: number): number {
  return Math.round(thousands * 1000);
}

/** A published rate or amount, without float noise from arithmetic (12 significant digits). */
export function clean(value: number): number {
  return Number(value.toPrecision(12));
}

/** Round to `digits` decimals (for derived rates). */
export function roundTo(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Build one observation (region `VN`, sector `TOTAL`, qualification `ALL` unless given). */
export function obs(
  indicator: string,
  period: string,
  value: number,
  unit: Unit,
  source: string,
  status: ObservationStatus,
  dims: { region?: string; sector?: string; qualification?: string } = {},
): Observation {
  return {
    indicator,
    period,
    region: dims.region ?? 'VN',
    sector: dims.sector ?? 'TOTAL',
    qualification: dims.qualification ?? 'ALL',
    value,
    unit,
    source,
    status,
  };
}

const REGION_ORDER = new Map(REGIONS.map((r, i) => [r.code, i]));
const QUAL_ORDER = new Map(['ALL', 'none', 'elementary', 'intermediate', 'college', 'university'].map((q, i) => [q, i]));

/** Order of sector-column codes: TOTAL first; groups by sex (T, M, F) then age (ALL first, then by lower bound); others by code. */
function compareSector(a: string, b: string): number {
  if (a === b) return 0;
  if (a === 'TOTAL') return -1;
  if (b === 'TOTAL') return 1;
  const ga = /^([TMF]):(ALL|(\d+))/.exec(a);
  const gb = /^([TMF]):(ALL|(\d+))/.exec(b);
  if (ga && gb) {
    const sex = 'TMF'.indexOf(ga[1]) - 'TMF'.indexOf(gb[1]);
    if (sex) return sex;
    const age = (ga[3] === undefined ? -1 : Number(ga[3])) - (gb[3] === undefined ? -1 : Number(gb[3]));
    if (age) return age;
  }
  return a < b ? -1 : 1;
}

/**
 * Deterministic order: indicator (as first seen in `indicatorOrder`, else by name), region (country, regions,
 * provinces), sector/group, qualification, period.
 */
export function sortRows(rows: Observation[], indicatorOrder: readonly string[] = []): Observation[] {
  const ind = (c: string) => {
    const i = indicatorOrder.indexOf(c);
    return i < 0 ? indicatorOrder.length : i;
  };
  return [...rows].sort((a, b) => {
    if (a.indicator !== b.indicator) return ind(a.indicator) - ind(b.indicator) || (a.indicator < b.indicator ? -1 : 1);
    const ra = REGION_ORDER.get(a.region) ?? 999;
    const rb = REGION_ORDER.get(b.region) ?? 999;
    if (ra !== rb) return ra - rb;
    if (a.sector !== b.sector) return compareSector(a.sector, b.sector);
    if (a.qualification !== b.qualification) return (QUAL_ORDER.get(a.qualification) ?? 9) - (QUAL_ORDER.get(b.qualification) ?? 9);
    return a.period < b.period ? -1 : a.period > b.period ? 1 : 0;
  });
}

/** Throw on a cell that appears twice (a converter bug, never silently kept). */
export function assertUnique(rows: readonly Observation[], file: string): void {
  const seen = new Set<string>();
  for (const r of rows) {
    const k = cellKey(r);
    if (seen.has(k)) throw new Error(`${file}: duplicate cell ${k}`);
    seen.add(k);
  }
}

/** The rows of one seed file before serialisation (the build removes cells a higher-priority file holds). */
export interface SeedRows {
  name: string;
  rows: Observation[];
  indicatorOrder: readonly string[];
  /** Keep the rows in their given order (hand-curated files). */
  keepOrder?: boolean;
}

/** Collect the rows of one seed file. */
export function seedFile(name: string, rows: Observation[], indicatorOrder: readonly string[] = []): SeedRows {
  return { name, rows, indicatorOrder };
}

/** Sort, check and serialise one seed file. */
export function serialise(f: SeedRows): SeedFile {
  assertUnique(f.rows, f.name);
  const sorted = f.keepOrder ? f.rows : sortRows(f.rows, f.indicatorOrder);
  return { name: f.name, text: toLongCsv(sorted), rows: sorted.length };
}
