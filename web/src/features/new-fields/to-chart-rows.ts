import { forecastRows, readForecast } from '../../adapters/forecast-columns';
import type { Status, TargetPath } from '../../api/types';
import { basisOf } from '../../adapters/basis';
import { isStatus } from '../../components/status';
import type { Namer } from '../meta/names';
import { LEVEL_ORDER } from '../sectors/to-chart-rows';
import { niceCeil } from '../../adapters/nice';

/** One year of the trend-vs-target chart. */
export interface TargetRow {
  period: string;
  actual?: number;
  trend?: number;
  trendBand80?: [number, number];
  trendBand95?: [number, number];
  target?: number;
  forecast: boolean;
  /** Status of the observed value (`actual`), when there is one. */
  status?: Status;
}

/**
 * Status of the field's latest observation: its own when the API sends it, else what the target
 * rests on that is not modelled (the observations behind it), else `modelled`.
 */
export function latestStatus(target: TargetPath): Status {
  const own = (target.latest as { status?: unknown }).status;
  if (isStatus(own)) return own;
  const observed = basisOf(target).filter((s) => s !== 'modelled');
  return observed.includes('illustrative') ? 'illustrative' : observed[0] ?? 'modelled';
}

/** Statuses of one row of the trend-vs-target chart: the observation's, or `modelled` for projections. */
export function targetRowStatuses(row: TargetRow): Status[] {
  return row.actual !== undefined ? [row.status ?? 'modelled'] : ['modelled'];
}

/**
 * Observed history (from the field's forecast, when available), the engine's trend with
 * bands, and the policy target path, on one set of years. The target path starts at the
 * latest observation, so both projected lines leave from the same point.
 */
export function toTargetRows(target: TargetPath, fieldForecast?: unknown): TargetRow[] {
  const rows = new Map<string, TargetRow>();
  const row = (period: string) => {
    let r = rows.get(period);
    if (!r) rows.set(period, (r = { period, forecast: true }));
    return r;
  };
  if (fieldForecast) {
    for (const r of forecastRows(readForecast(fieldForecast as Record<string, unknown>))) {
      if (r.actual !== undefined) Object.assign(row(r.period), { actual: r.actual, forecast: false, status: r.status });
    }
  }
  const latest = row(target.latest.period);
  latest.actual = target.latest.value;
  latest.forecast = false;
  latest.status = latest.status ?? latestStatus(target);
  latest.trend = target.latest.value;
  latest.target = target.latest.value;
  latest.trendBand80 = [target.latest.value, target.latest.value];
  latest.trendBand95 = [target.latest.value, target.latest.value];
  const trend = readForecast({ forecast: target.trend } as Record<string, unknown>);
  trend.periods.forEach((p, i) => {
    const r = row(p);
    r.trend = trend.mean[i];
    if (trend.bands[80]) r.trendBand80 = [trend.bands[80].lower[i], trend.bands[80].upper[i]];
    if (trend.bands[95]) r.trendBand95 = [trend.bands[95].lower[i], trend.bands[95].upper[i]];
  });
  target.target.periods.forEach((p, i) => {
    row(p).target = target.target.mean[i];
  });
  return [...rows.values()].sort((a, b) => a.period.localeCompare(b.period));
}

/** Graduates per year needed vs today's training output, by qualification level. */
export interface GraduateRow {
  level: string;
  label: string;
  short: string;
  needed: number;
  current: number;
  gap: number;
}

export function toGraduateRows(target: TargetPath, names: Namer): GraduateRow[] {
  const levels = new Set([...Object.keys(target.graduatesNeededPerYear), ...Object.keys(target.currentGraduatesPerYear)]);
  return [...levels]
    .sort((a, b) => LEVEL_ORDER.indexOf(a) - LEVEL_ORDER.indexOf(b))
    .map((level) => {
      const needed = target.graduatesNeededPerYear[level] ?? 0;
      const current = target.currentGraduatesPerYear[level] ?? 0;
      return { level, label: names.qualification(level), short: names.qualificationShort(level), needed, current, gap: target.gap[level] ?? needed - current };
    });
}

/**
 * Upper end of the y-axis: room for the observed values, trend, 80 % band and target path,
 * but not for a 95 % band that explodes on a tiny young series (that band is clipped, and the
 * table still lists every value).
 */
export function targetAxisMax(rows: TargetRow[], targetLevel: number): { max: number; clipped: boolean } {
  let max = targetLevel;
  let widest = 0;
  for (const r of rows) {
    for (const v of [r.actual, r.trend, r.target, r.trendBand80?.[1]]) if (v !== undefined && Number.isFinite(v)) max = Math.max(max, v);
    if (r.trendBand95 && Number.isFinite(r.trendBand95[1])) widest = Math.max(widest, r.trendBand95[1]);
  }
  const top = niceCeil(max * 1.15);
  return widest > top ? { max: top, clipped: true } : { max: niceCeil(Math.max(top, widest)), clipped: false };
}
