import { numberAt } from '../../adapters/forecast-table-columns';
import { forecastRows, mergeForecastRows, readForecast, seriesPoints, type MergedRow, type SeriesColumns } from '../../adapters/forecast-columns';
import type { ForecastResponse, GapRow, SeriesPoint, Status } from '../../api/types';
import { basisOf } from '../../adapters/basis';
import { shareOf } from '../../components/flag-scale';
import type { Namer } from '../meta/names';

/** Latest observed value of an official series, with the change since the previous period. */
export interface Kpi {
  latest?: SeriesPoint;
  previous?: SeriesPoint;
  change?: number;
  points: SeriesPoint[];
}

/** Reads the columnar /api/series into a KPI. */
export function toKpi(series: SeriesColumns): Kpi {
  const points = seriesPoints(series)
    .filter((p) => Number.isFinite(p.value))
    .sort((a, b) => a.period.localeCompare(b.period));
  const latest = points[points.length - 1];
  const previous = latest ? previousOfSameFrequency(points, latest.period) : undefined;
  return { latest, previous, change: latest && previous ? latest.value - previous.value : undefined, points };
}

const frequencyOf = (period: string) =>
  /^\d{4}$/.test(period) ? 'annual' : /^\d{4}-Q[1-4]$/.test(period) ? 'quarterly' : /^\d{4}-\d{2}$/.test(period) ? 'monthly' : 'other';

/**
 * The last point before `period` with the same frequency: an annual value is compared with the
 * previous year, a quarter with the previous quarter (never 2025 with 2024-Q3). `points` sorted.
 */
export function previousOfSameFrequency(points: readonly SeriesPoint[], period: string): SeriesPoint | undefined {
  const frequency = frequencyOf(period);
  for (let i = points.length - 1; i >= 0; i--) {
    const p = points[i]!;
    if (p.period < period && frequencyOf(p.period) === frequency) return p;
  }
  return undefined;
}

/** Keys of the overview's first chart: labour force, employment, unemployment rate. */
export const SYSTEM_KEYS = ['labourForce', 'employment', 'unemploymentRate'] as const;
export type SystemKey = (typeof SYSTEM_KEYS)[number];

/**
 * Labour force, employment and the unemployment rate of the one national system (issue 12 §6):
 * history + forecast with 80/95 bands, one row per period (`year` on a real time axis). The whole
 * served history is kept (up to 40 points) so the axis shows the real span, e.g. 2010–2035.
 */
export function toSystemRows(forecasts: Partial<Record<SystemKey, ForecastResponse>>): MergedRow[] {
  const series: { key: string; rows: ReturnType<typeof forecastRows> }[] = [];
  for (const key of SYSTEM_KEYS) {
    const f = forecasts[key];
    if (f) series.push({ key, rows: forecastRows(readForecast(f), 40) });
  }
  return withDemand(mergeForecastRows(series), forecasts.employment);
}

/** Row key of the labour-demand line (demand before the labour-force limit). */
export const DEMAND_KEY = 'demand';

/**
 * Adds the served `demand` of the national employment forecast (labour demand before the supply
 * limit, aligned with its forecast periods) to the rows as `demand`; the line starts at the last
 * observed employment so it joins the observed line. Rows are new objects.
 */
function withDemand(rows: MergedRow[], employment: Pick<ForecastResponse, 'demand' | 'forecast'> | undefined): MergedRow[] {
  const periods = employment?.forecast.periods ?? [];
  if (!employment?.demand || periods.length === 0) return rows;
  const byPeriod = new Map<string, number>();
  // A non-finite value is served as null (JSON has no NaN): no point for that year.
  employment.demand.forEach((v, i) => {
    if (Number.isFinite(v) && periods[i] !== undefined) byPeriod.set(periods[i], v);
  });
  if (byPeriod.size === 0) return rows;
  const lastObserved = [...rows].reverse().find((r) => numberAt(r, 'employment_actual') !== undefined);
  return rows.map((r) => {
    const v = byPeriod.get(r.period) ?? (r === lastObserved ? numberAt(r, 'employment_actual') : undefined);
    return v === undefined ? r : { ...r, [DEMAND_KEY]: v };
  });
}

/** One bar of the top shortages/surpluses chart. */
export interface ImbalanceBar {
  key: string;
  label: string;
  sector: string;
  qualification: string;
  imbalance: number;
  /** imbalance ÷ base employment (share). */
  imbalanceShare: number | null;
  openings: number;
  newSupply: number;
  flag: GapRow['flag'];
  /** What the row's modelled figures rest on. */
  basis: Status[];
  source: string;
}

/**
 * The `n` largest shortages and `n` largest surpluses among detailed cells
 * (a sector with a qualification level; totals and too-small cells left out; only `sectors` when given), shortages first.
 */
export function toTopImbalanceRows(rows: GapRow[], n: number, names: Namer, sectors?: Set<string>): ImbalanceBar[] {
  // Too-small cells are never assessed or ranked, so they are not among the largest either.
  const detailed = rows.filter(
    (r) =>
      r.sector !== 'TOTAL' &&
      r.qualification !== 'ALL' &&
      r.flag !== 'too-small' &&
      Number.isFinite(r.imbalance) &&
      (!sectors || sectors.size === 0 || sectors.has(r.sector)),
  );
  const bar = (r: GapRow): ImbalanceBar => ({
    key: `${r.sector}|${r.qualification}`,
    label: `${names.sector(r.sector)} · ${names.qualification(r.qualification)}`,
    sector: r.sector,
    qualification: r.qualification,
    imbalance: r.imbalance,
    imbalanceShare: shareOf(r),
    openings: r.openings,
    newSupply: r.newSupply,
    flag: r.flag,
    basis: basisOf(r),
    source: r.source,
  });
  const shortages = detailed
    .filter((r) => r.imbalance < 0)
    .sort((a, b) => a.imbalance - b.imbalance)
    .slice(0, n);
  const surpluses = detailed
    .filter((r) => r.imbalance > 0)
    .sort((a, b) => b.imbalance - a.imbalance)
    .slice(0, n);
  return [...shortages.map(bar), ...surpluses.reverse().map(bar)];
}
