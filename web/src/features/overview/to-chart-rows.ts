import { forecastRows, mergeForecastRows, readForecast, readHistory, type MergedRow } from '../../adapters/forecast-columns';
import type { GapRow, SeriesPoint, Status } from '../../api/types';
import { basisOf } from '../../adapters/basis';
import type { Namer } from '../meta/names';

/** Latest observed value of an official series, with the change since the previous period. */
export interface Kpi {
  latest?: SeriesPoint;
  previous?: SeriesPoint;
  change?: number;
  points: SeriesPoint[];
}

/** Reads /api/series (points or columns) into a KPI. */
export function toKpi(raw: unknown): Kpi {
  const body = (raw ?? {}) as Record<string, unknown>;
  const points = readHistory(body.points ?? body.history ?? body.observations ?? body.rows ?? body, String(body.source ?? ''))
    .filter((p) => Number.isFinite(p.value))
    .sort((a, b) => a.period.localeCompare(b.period));
  const latest = points[points.length - 1];
  const previous = points[points.length - 2];
  return { latest, previous, change: latest && previous ? latest.value - previous.value : undefined, points };
}

/** Demand (employment) and supply (labour force): history + forecast with 80/95 bands, one row per year. */
export function toDemandSupplyRows(demand: unknown, supply: unknown): MergedRow[] {
  const series: { key: string; rows: ReturnType<typeof forecastRows> }[] = [];
  if (demand) series.push({ key: 'demand', rows: forecastRows(readForecast(demand as Record<string, unknown>)) });
  if (supply) series.push({ key: 'supply', rows: forecastRows(readForecast(supply as Record<string, unknown>)) });
  return mergeForecastRows(series);
}

/** One bar of the top shortages/surpluses chart. */
export interface ImbalanceBar {
  key: string;
  label: string;
  sector: string;
  qualification: string;
  imbalance: number;
  openings: number;
  newSupply: number;
  flag: GapRow['flag'];
  /** What the row's modelled figures rest on. */
  basis: Status[];
  source: string;
}

/**
 * The `n` largest shortages and `n` largest surpluses among detailed cells
 * (a sector with a qualification level; totals left out; only `sectors` when given), shortages first.
 */
export function toTopImbalanceRows(rows: GapRow[], n: number, names: Namer, sectors?: Set<string>): ImbalanceBar[] {
  const detailed = rows.filter(
    (r) => r.sector !== 'TOTAL' && r.qualification !== 'ALL' && Number.isFinite(r.imbalance) && (!sectors || sectors.size === 0 || sectors.has(r.sector)),
  );
  const bar = (r: GapRow): ImbalanceBar => ({
    key: `${r.sector}|${r.qualification}`,
    label: `${names.sector(r.sector)} · ${names.qualification(r.qualification)}`,
    sector: r.sector,
    qualification: r.qualification,
    imbalance: r.imbalance,
    openings: r.openings,
    newSupply: r.newSupply,
    flag: r.flag,
    basis: basisOf(r),
    source: r.source,
  });
  const shortages = detailed.filter((r) => r.imbalance < 0).sort((a, b) => a.imbalance - b.imbalance).slice(0, n);
  const surpluses = detailed.filter((r) => r.imbalance > 0).sort((a, b) => b.imbalance - a.imbalance).slice(0, n);
  return [...shortages.map(bar), ...surpluses.reverse().map(bar)];
}
