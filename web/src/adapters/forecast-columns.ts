import type { ForecastResponse, SeriesPoint, SeriesResponse, Status } from '../api/types';
import { basisOf } from './basis';
import { isStatus, uniqueStatuses } from '../components/status';

/**
 * The API serves forecasts in columnar form (`forecast: {periods, mean, intervals: [{level, lower,
 * upper}]}`, history as points) and series as columns. These helpers read them into one
 * normalised shape, so chart adapters have a single input.
 */
export interface NormalForecast {
  unit: string;
  history: SeriesPoint[];
  periods: string[];
  mean: number[];
  bands: Record<number, { lower: number[]; upper: number[] }>;
  status: Status;
  source: string;
  /** Statuses of the observations the forecast rests on (see adapters/basis.ts). */
  basis: Status[];
}

/** What `readForecast` reads: a served forecast, or only its columns (a target's trend). */
export type ForecastInput = Pick<ForecastResponse, 'forecast'> & Partial<Pick<ForecastResponse, 'unit' | 'history' | 'status' | 'source' | 'basis'>>;

/** The columns of GET /api/series that `seriesPoints` reads. */
export type SeriesColumns = Pick<SeriesResponse, 'periods' | 'values' | 'status' | 'source'>;

// JSON has no NaN: a non-finite number is served as null, read back as NaN so charts leave a gap.
const orNaN = (values: readonly (number | null)[]): number[] => values.map((v) => v ?? Number.NaN);

/** Points of a columnar series: `periods[i]` with `values[i]`, `status[i]` and `source[i]`. */
export function seriesPoints(series: SeriesColumns): SeriesPoint[] {
  const values = orNaN(series.values);
  // The API types `status` as the database column's string; its values are observation statuses.
  const statuses = series.status as Status[];
  return series.periods.map((period, i) => ({ period, value: values[i], status: statuses[i], source: series.source[i] }));
}

/** Normalises one forecast response. */
export function readForecast(f: ForecastInput): NormalForecast {
  const bands: NormalForecast['bands'] = {};
  for (const band of f.forecast.intervals) bands[band.level] = { lower: orNaN(band.lower), upper: orNaN(band.upper) };
  const history = f.history ?? [];
  return {
    unit: f.unit ?? 'persons',
    history,
    periods: f.forecast.periods,
    mean: orNaN(f.forecast.mean),
    bands,
    status: f.status ?? 'modelled',
    source: f.source ?? '',
    basis: basisOf({ basis: f.basis, history }),
  };
}

/** One chart row of a history + forecast series. Bands are [lower, upper] pairs for recharts range areas. */
export interface ForecastRow {
  period: string;
  actual?: number;
  mean?: number;
  band80?: [number, number];
  band95?: [number, number];
  forecast: boolean;
  /** Status of the observed value (`actual`), when there is one. */
  status?: Status;
}

/**
 * History rows, then forecast rows. The forecast line and bands start at the last observed
 * point so the chart shows no gap between what was observed and what is projected.
 */
export function forecastRows(forecast: NormalForecast, lastHistory = 15): ForecastRow[] {
  const history = forecast.history.filter((p) => Number.isFinite(p.value)).slice(-lastHistory);
  const rows: ForecastRow[] = history.map((p) => ({ period: p.period, actual: p.value, forecast: false, status: p.status }));
  const last = rows[rows.length - 1];
  if (last && forecast.periods.length > 0) {
    last.mean = last.actual;
    last.band80 = [last.actual!, last.actual!];
    last.band95 = [last.actual!, last.actual!];
  }
  forecast.periods.forEach((period, i) => {
    const row: ForecastRow = { period, mean: forecast.mean[i], forecast: true };
    const b80 = forecast.bands[80];
    const b95 = forecast.bands[95];
    if (b80) row.band80 = [b80.lower[i], b80.upper[i]];
    if (b95) row.band95 = [b95.lower[i], b95.upper[i]];
    rows.push(row);
  });
  return rows;
}

/**
 * A period label as a position on a real time axis: `2024` → 2024, `2024-Q3` → 2024.5 (quarter q
 * at year + (q − 1)/4), so 2010 and 2015 are five units apart and quarters fall between years.
 */
export function periodToYear(period: string): number {
  const m = /^(\d{4})(?:-Q([1-4]))?$/.exec(period);
  if (!m) return Number.NaN;
  return Number(m[1]) + (m[2] ? (Number(m[2]) - 1) / 4 : 0);
}

/**
 * Ticks of a year axis from `min` to `max`: every year over a short span (≤ 12 years), else every
 * 5 years (multiples of 5), so labels never crowd.
 */
export function yearTicks(min: number, max: number): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max < min) return [];
  const step = max - min <= 12 ? 1 : 5;
  const ticks: number[] = [];
  for (let y = Math.ceil(min / step) * step; y <= max; y += step) ticks.push(y);
  return ticks;
}

/**
 * A flat chart row holding several series: `<key>_actual`, `<key>_mean`, `<key>_band80`, `<key>_band95`;
 * `year` is the period on a real time axis (see periodToYear).
 */
export type MergedRow = { period: string; year?: number; forecast: boolean } & Record<string, unknown>;

/** Merges several series' rows on period (sorted), for one chart with several lines and bands. */
export function mergeForecastRows(series: { key: string; rows: ForecastRow[] }[]): MergedRow[] {
  const byPeriod = new Map<string, MergedRow>();
  for (const { key, rows } of series) {
    for (const row of rows) {
      let merged = byPeriod.get(row.period);
      if (!merged) {
        merged = { period: row.period, year: periodToYear(row.period), forecast: row.forecast };
        byPeriod.set(row.period, merged);
      }
      merged.forecast = merged.forecast && row.forecast;
      if (row.actual !== undefined) merged[`${key}_actual`] = row.actual;
      if (row.status !== undefined) merged[`${key}_status`] = row.status;
      if (row.mean !== undefined) merged[`${key}_mean`] = row.mean;
      if (row.band80) merged[`${key}_band80`] = row.band80;
      if (row.band95) merged[`${key}_band95`] = row.band95;
    }
  }
  return [...byPeriod.values()].sort((a, b) => a.period.localeCompare(b.period));
}

/** Last observed period of a merged chart (where the forecast begins), for a reference line. */
export function lastObservedPeriod(rows: MergedRow[]): string | undefined {
  let last: string | undefined;
  for (const row of rows) if (!row.forecast) last = row.period;
  return last;
}

/**
 * Statuses of one merged row: those of its observed values; a row with only projected values is
 * `modelled`. (The last observed year also starts the forecast line, but its number is the observation.)
 */
export function mergedRowStatuses(row: MergedRow): Status[] {
  const observed: Status[] = [];
  let projected = false;
  for (const [k, v] of Object.entries(row)) {
    if (k.endsWith('_status') && isStatus(v)) observed.push(v);
    if (k.endsWith('_mean') && row.forecast) projected = true;
  }
  return observed.length ? [...new Set(observed)] : projected || row.forecast ? ['modelled'] : [];
}

/**
 * Statuses a forecast chart shows in its header: those of its rows (`statusesOf` one row, e.g.
 * mergedRowStatuses) and always `modelled`, since the chart projects, in status order.
 */
export function chartStatuses<Row>(rows: readonly Row[], statusesOf: (row: Row) => readonly Status[]): Status[] {
  return uniqueStatuses([...rows.flatMap(statusesOf), 'modelled']);
}
