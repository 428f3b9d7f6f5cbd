/**
 * CSV views of the same selections the JSON routes serve. Cells are written with
 * papaparse's formula escaping, so text starting with = + - @ gets a leading '.
 */
import { LONG_COLUMNS } from '@lmo/models';
import Papa from 'papaparse';
import type { GapRow } from './compute';
import type { SeriesColumns } from './series';
import type { selectForecast } from './outlook-queries';

type Cell = string | number | null;

/** Serialises rows with a header; a BOM lets spreadsheet programs read Vietnamese text as UTF-8. */
export function toCsv(fields: readonly string[], rows: Cell[][]): string {
  return '\uFEFF' + Papa.unparse({ fields: [...fields], data: rows }, { escapeFormulae: true, newline: '\r\n' }) + '\r\n';
}

/** Series in the long format, so an export can be edited and uploaded again. */
export function seriesCsv(s: SeriesColumns): string {
  return toCsv(
    LONG_COLUMNS,
    s.periods.map((period, i) => [s.indicator, period, s.region, s.sector, s.qualification, s.values[i], s.unit, s.source[i], s.status[i]]),
  );
}

const FORECAST_FIELDS = [
  'indicator',
  'region',
  'sector',
  'qualification',
  'scenario',
  'period',
  'kind',
  'value',
  'lower80',
  'upper80',
  'lower95',
  'upper95',
  'unit',
  'status',
  'basis',
  'source',
] as const;

/** A basis list in one CSV cell: `official;illustrative`. */
const basisCell = (basis: readonly string[] | undefined): string => (basis ?? []).join(';');

/**
 * History rows (`kind=observed`, basis = the point's own status) then forecast rows
 * (`kind=forecast`, value = mean, basis = the statuses the forecast rests on).
 */
export function forecastCsv(f: Awaited<ReturnType<typeof selectForecast>>): string {
  const key = [f.indicator, f.region, f.sector, f.qualification, f.scenario];
  const rows: Cell[][] = f.history.map((h) => [...key, h.period, 'observed', h.value, null, null, null, null, f.unit, h.status, h.status, h.source]);
  const band = (level: number) => f.forecast.intervals.find((i) => i.level === level);
  const b80 = band(80);
  const b95 = band(95);
  f.forecast.periods.forEach((period, i) => {
    rows.push([
      ...key,
      period,
      'forecast',
      f.forecast.mean[i],
      b80?.lower[i] ?? null,
      b80?.upper[i] ?? null,
      b95?.lower[i] ?? null,
      b95?.upper[i] ?? null,
      f.unit,
      f.status,
      basisCell(f.basis),
      f.source,
    ]);
  });
  return toCsv(FORECAST_FIELDS, rows);
}

const GAP_FIELDS = [
  'region',
  'sector',
  'qualification',
  'horizon',
  'period',
  'employmentBase',
  'employmentEnd',
  'openings',
  'expansion',
  'replacement',
  'newSupply',
  'imbalance',
  'imbalanceLower',
  'imbalanceUpper',
  'imbalance_share',
  'ratio',
  'flag',
  'confidence',
  'rank',
  'status',
  'basis',
  'source',
] as const;

/** A gap row's value for one CSV column (`imbalance_share`: share of base employment, −0.02 = −2 %). */
function gapCell(r: GapRow, f: (typeof GAP_FIELDS)[number]): Cell {
  if (f === 'basis') return basisCell(r.basis);
  if (f === 'imbalance_share') return r.imbalanceShare ?? null;
  return (r[f] ?? null) as Cell;
}

/** One line per gap row, in the order served; a too-small row's rank is empty (never ranked). */
export function gapsCsv(rows: GapRow[]): string {
  return toCsv(
    GAP_FIELDS,
    rows.map((r) => GAP_FIELDS.map((f) => gapCell(r, f))),
  );
}
