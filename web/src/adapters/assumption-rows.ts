/**
 * Adapter: the served assumptions (GET /api/gaps `assumptions`) → rows of the two rate tables the
 * flag assumptions show (replacement by sector, other entrants by level), and their columns.
 */
import type { Assumptions } from '../api/types';
import type { Column } from '../components/csv';

/** One rate of an assumptions table: a sector's replacement rate or a level's other-entrants rate. */
export interface RateRow {
  /** Sector or qualification code. */
  code: string;
  /** Its name in the UI language. */
  name: string;
  /** Fraction per year (0.025 = 2.5 %). */
  rate: number;
  /** Where the rate comes from: `demographic`, `exits-data`, `entrants-data` or `default`. */
  basis: string;
}

/** Replacement rate per sector, in the served order. */
export function exitRateRows(a: Pick<Assumptions, 'exitRates'>, sectorName: (code: string) => string): RateRow[] {
  return a.exitRates.map((e) => ({ code: e.sector, name: sectorName(e.sector), rate: e.rate, basis: e.basis }));
}

/** Other entrants per level; a level without a served basis is the documented default. */
export function otherEntrantRows(a: Pick<Assumptions, 'otherEntrantsRate' | 'otherEntrantsBasis'>, levelName: (code: string) => string): RateRow[] {
  return Object.entries(a.otherEntrantsRate).map(([q, rate]) => ({ code: q, name: levelName(q), rate, basis: a.otherEntrantsBasis[q] ?? 'default' }));
}

/** Headings of a rate table: the first names what the rows are (sector or level). */
export interface RateColumnLabels {
  name: string;
  rate: string;
  basis: string;
}

/** Name, rate (formatted by `rate`, e.g. a percent) and basis (worded by `basis`). */
export function rateColumns(labels: RateColumnLabels, format: { rate: (v: number) => string; basis: (code: string) => string }): Column<RateRow>[] {
  return [
    { key: 'name', label: labels.name, value: (r) => r.name },
    { key: 'rate', label: labels.rate, value: (r) => r.rate, format: (r) => format.rate(r.rate), align: 'right' },
    { key: 'basis', label: labels.basis, value: (r) => format.basis(r.basis), exportValue: (r) => r.basis },
  ];
}
