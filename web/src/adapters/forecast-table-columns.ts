import type { Column } from '../components/csv';
import type { MergedRow } from './forecast-columns';
import { MISSING } from '../i18n/format';

/**
 * Table columns of a forecast chart (merged rows, see mergeForecastRows, and any row with a
 * `period` and a `forecast` flag), so every page that shows a forecast "as table" reads the same
 * cells the same way, with no casts over the row's open keys: observed values in every year,
 * projections only in forecast years.
 */

/** The number at `column` (e.g. `employment_actual`) of a merged row, if there is one. */
export function numberAt(row: MergedRow, column: string): number | undefined {
  const v = row[column];
  return typeof v === 'number' ? v : undefined;
}

/** One bound (0 lower, 1 upper) of the `[lower, upper]` band at `column` (e.g. `employment_band80`). */
export function boundAt(row: MergedRow, column: string, bound: 0 | 1): number | undefined {
  const band = row[column];
  const v: unknown = Array.isArray(band) ? band[bound] : undefined;
  return typeof v === 'number' ? v : undefined;
}

/** Headings of one series' value columns; `bands` adds the bounds of each band given, after the projection. */
export interface SeriesColumnLabels {
  actual: string;
  mean: string;
  bands?: Partial<Record<80 | 95, { lower: string; upper: string }>>;
}

/** Column headings of a one-series table: the period, then the series' value columns. */
export interface ForecastColumnLabels extends SeriesColumnLabels {
  period: string;
}

/** The period column every forecast table starts with. */
export function periodColumn<Row extends { period: string } = MergedRow>(label: string): Column<Row> {
  return { key: 'period', label, value: (r) => r.period };
}

/** A column of observed values at `read`, formatted by `format` (whose blank shows in projected years, which have none). */
export function observedColumn<Row = MergedRow>(
  id: string,
  label: string,
  read: (r: Row) => number | undefined,
  format: (v: number | undefined) => string,
): Column<Row> {
  return { key: id, label, value: read, format: (r) => format(read(r)), align: 'right' };
}

/**
 * A column of projected values at `read`: blank ('–') in observed years, where the forecast line
 * only joins the last observation. Any chart row with a `forecast` flag (merged forecast rows,
 * target rows) reads its projections this way.
 */
export function projectedColumn<Row extends { forecast: boolean } = MergedRow>(
  id: string,
  label: string,
  read: (r: Row) => number | undefined,
  format: (v: number | undefined) => string,
): Column<Row> {
  return {
    key: id,
    label,
    value: (r) => (r.forecast ? read(r) : undefined),
    format: (r) => (r.forecast ? format(read(r)) : MISSING),
    align: 'right',
  };
}

/**
 * Observed value, projected mean and the bounds of the bands in `labels` of series `key`, with
 * column keys `${prefix}actual`, `${prefix}mean`, `${prefix}lo80`… (a table of several series
 * gives each its own prefix).
 */
export function seriesColumns(key: string, labels: SeriesColumnLabels, format: (v: number | undefined) => string, prefix = ''): Column<MergedRow>[] {
  const columns: Column<MergedRow>[] = [
    observedColumn(`${prefix}actual`, labels.actual, (r) => numberAt(r, `${key}_actual`), format),
    projectedColumn(`${prefix}mean`, labels.mean, (r) => numberAt(r, `${key}_mean`), format),
  ];
  for (const level of [80, 95] as const) {
    const band = labels.bands?.[level];
    if (!band) continue;
    columns.push(
      projectedColumn(`${prefix}lo${level}`, band.lower, (r) => boundAt(r, `${key}_band${level}`, 0), format),
      projectedColumn(`${prefix}hi${level}`, band.upper, (r) => boundAt(r, `${key}_band${level}`, 1), format),
    );
  }
  return columns;
}

/**
 * Period, observed value, projected mean (and optionally the 80/95 % bounds) of series `key`.
 * Projected cells are blank ('–') in observed years, where the line only joins the observation.
 */
export function forecastTableColumns(key: string, labels: ForecastColumnLabels, format: (v: number | undefined) => string): Column<MergedRow>[] {
  return [periodColumn(labels.period), ...seriesColumns(key, labels, format)];
}
