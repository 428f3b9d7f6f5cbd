import type { Column } from '../components/csv';
import type { MergedRow } from './forecast-columns';

/**
 * Table columns of a merged forecast chart (see mergeForecastRows), so every page that shows a
 * forecast "as table" reads the same cells the same way, with no casts over the row's open keys.
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

/** Column headings; `bands` adds the 80 % and 95 % bounds after the projection. */
export interface ForecastColumnLabels {
  period: string;
  actual: string;
  mean: string;
  bands?: { lower80: string; upper80: string; lower95: string; upper95: string };
}

/**
 * Period, observed value, projected mean (and optionally the 80/95 % bounds) of series `key`.
 * Projected cells are blank ('–') in observed years, where the line only joins the observation.
 */
export function forecastTableColumns(key: string, labels: ForecastColumnLabels, format: (v: number | undefined) => string): Column<MergedRow>[] {
  const projected = (id: string, label: string, get: (r: MergedRow) => number | undefined): Column<MergedRow> => ({
    key: id,
    label,
    value: (r) => (r.forecast ? get(r) : undefined),
    format: (r) => (r.forecast ? format(get(r)) : '–'),
    align: 'right',
  });
  const columns: Column<MergedRow>[] = [
    { key: 'period', label: labels.period, value: (r) => r.period },
    { key: 'actual', label: labels.actual, value: (r) => numberAt(r, `${key}_actual`), format: (r) => format(numberAt(r, `${key}_actual`)), align: 'right' },
    projected('mean', labels.mean, (r) => numberAt(r, `${key}_mean`)),
  ];
  const b = labels.bands;
  if (b) {
    columns.push(
      projected('lo80', b.lower80, (r) => boundAt(r, `${key}_band80`, 0)),
      projected('hi80', b.upper80, (r) => boundAt(r, `${key}_band80`, 1)),
      projected('lo95', b.lower95, (r) => boundAt(r, `${key}_band95`, 0)),
      projected('hi95', b.upper95, (r) => boundAt(r, `${key}_band95`, 1)),
    );
  }
  return columns;
}
