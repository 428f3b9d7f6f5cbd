/**
 * The one model behind every CSV and XLSX download: the on-screen columns (expanded where one
 * screen column stands for several, e.g. an interval), numbers kept as numbers and rounded once
 * per column, so both file types carry exactly the same figures.
 */
import type { Column } from '../csv';

/** One exported cell: a number, a text, or empty. */
export type ExportCell = string | number | null;

/** A table ready to write: headers, the decimals of each numeric column (null for text) and the rows. */
export interface ExportTable {
  keys: string[];
  headers: string[];
  /** Decimal places of a numeric column (the same for CSV text and the XLSX number format); null for text columns. */
  digits: (number | null)[];
  rows: ExportCell[][];
}

/**
 * Decimals a column needs, from its largest magnitude: whole numbers stay whole, persons in the
 * thousands or millions are rounded to units (no 53989798.06589011), rates and shares keep one or two.
 */
export function decimalsFor(values: number[]): number {
  if (values.every((v) => Number.isInteger(v))) return 0;
  const max = Math.max(0, ...values.map((v) => Math.abs(v)));
  if (max >= 100) return 0;
  if (max >= 10) return 1;
  if (max >= 0.1) return 2;
  return 4;
}

/** Rounds half away from zero to `digits` decimals (−0 becomes 0). */
export function roundTo(value: number, digits: number): number {
  const f = 10 ** digits;
  const r = (Math.sign(value) * Math.round(Math.abs(value) * f)) / f;
  return Object.is(r, -0) ? 0 : r;
}

/** Columns as exported: each screen column, or the columns it stands for (`exportAs`). */
export function expandColumns<Row>(columns: Column<Row>[]): Column<Row>[] {
  return columns.flatMap((c) => c.exportAs ?? [c]);
}

function cellOf(value: unknown): ExportCell {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return String(value);
}

/** Builds the export table from columns (expanded) and rows, rounding each numeric column once. */
export function toExportTable<Row>(columns: Column<Row>[], rows: Row[]): ExportTable {
  const cols = expandColumns(columns);
  const raw = rows.map((row) => cols.map((c) => cellOf((c.exportValue ?? c.value)(row))));
  const digits = cols.map((c, j) => {
    const numbers = raw.map((r) => r[j]).filter((v): v is number => typeof v === 'number');
    if (numbers.length === 0) return null;
    return c.digits ?? decimalsFor(numbers);
  });
  return {
    keys: cols.map((c) => c.key),
    headers: cols.map((c) => c.label),
    digits,
    rows: raw.map((r) => r.map((v, j) => (typeof v === 'number' && digits[j] !== null ? roundTo(v, digits[j]!) : v))),
  };
}
