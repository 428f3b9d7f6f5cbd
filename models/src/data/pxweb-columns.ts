/**
 * How a PX-Web table's columns are read (see pxweb-long.ts for the rules):
 * which columns are dimensions (region, breakdown, qualification, period),
 * which hold values, and how labels map to codes.
 */
import { foldKey } from '../codes/normalize';
import { cleanLabel, pxwebPeriod, pxwebValue, splitPeriodLabel } from './pxweb-values';
import type { PxwebTable } from './pxweb';

export type PxwebRole = 'region' | 'sector' | 'qualification' | 'period' | 'ignore';

/** What one header column of a PX-Web table is read as. */
export type PxwebColumn =
  { kind: 'dim'; role: Exclude<PxwebRole, 'ignore'> } | { kind: 'value'; prefix: string; period?: { period: string; preliminary: boolean } } | { kind: 'skip' };

/** Maps a label (cell or value-column prefix) to its code, `ignore`, or itself when unmapped. */
export type PxwebLabeller = (raw: string, breakdown?: boolean) => string;

const REGION_HEADER = /region|provinc|cities|city|vung|tinh|diaphuong/;
const PERIOD_HEADER = /^(year|years|nam|time|period|ky|quarter|quy)$/;

/**
 * Label lookup of a mapping: exact, then ignoring case/diacritics, then — for
 * breakdown labels only — the `*` fallback, else the label unchanged.
 */
export function makeLabeller(labels: Record<string, string> = {}): PxwebLabeller {
  const exact = new Map(Object.entries(labels).map(([k, v]) => [cleanLabel(k), v]));
  const folded = new Map([...exact].map(([k, v]) => [foldKey(k), v]));
  // `*` is a fallback for breakdown labels only: region and qualification names resolve by themselves.
  return (raw, breakdown = true) => exact.get(raw) ?? folded.get(foldKey(raw)) ?? (breakdown ? exact.get('*') : undefined) ?? raw;
}

function isNumericColumn(cells: string[]): boolean {
  return cells.every((x) => {
    try {
      pxwebValue(x);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Reads every header column as a dimension, a value column or skipped. A label
 * column that cannot be placed (a second breakdown) is reported through
 * `onUnmapped` and skipped, so the analyst declares it in `dimensions`.
 */
export function classifyColumns(table: PxwebTable, dimensions: Record<string, PxwebRole> = {}, onUnmapped: (header: string) => void): PxwebColumn[] {
  const roles = new Map(Object.entries(dimensions).map(([k, v]) => [foldKey(k), v]));
  let breakdownTaken = Object.values(dimensions).includes('sector');
  return table.header.map((h, c): PxwebColumn => {
    const role = roles.get(foldKey(h));
    if (role === 'ignore') return { kind: 'skip' };
    if (role) return { kind: 'dim', role };
    const split = splitPeriodLabel(h);
    if (split) return { kind: 'value', prefix: split.prefix, period: split.period };
    const cells = table.rows.map((r) => r.cells[c]).filter((x) => x !== '');
    if (cells.length && PERIOD_HEADER.test(foldKey(h)) && cells.every((x) => pxwebPeriod(x))) return { kind: 'dim', role: 'period' };
    if (isNumericColumn(cells)) return { kind: 'value', prefix: h };
    if (REGION_HEADER.test(foldKey(h))) return { kind: 'dim', role: 'region' };
    // The first other label column is the breakdown (sector, group or occupation labels).
    if (!breakdownTaken) {
      breakdownTaken = true;
      return { kind: 'dim', role: 'sector' };
    }
    onUnmapped(h);
    return { kind: 'skip' };
  });
}
