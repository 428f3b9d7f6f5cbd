import { forecastRows, readForecast, type ForecastInput } from '../../adapters/forecast-columns';
import { assumedWorkforcePath, type TrainingPlan, type TrainingTargetItem } from '@lmo/models/labour';
import type { Status, TargetPath } from '../../api/types';
import { basisOf } from '../../adapters/basis';
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
 * Status of the field's latest observation (the API serves none on `latest`): what the target rests
 * on that is not modelled (the observations behind it), else `modelled`.
 */
export function latestStatus(target: TargetPath): Status {
  const observed = basisOf(target).filter((s) => s !== 'modelled');
  return observed.includes('illustrative') ? 'illustrative' : (observed[0] ?? 'modelled');
}

/** Statuses of one row of the trend-vs-target chart: the observation's, or `modelled` for projections. */
export function targetRowStatuses(row: TargetRow): Status[] {
  return row.actual !== undefined ? [row.status ?? 'modelled'] : ['modelled'];
}

/**
 * Observed history (from the field's forecast, when available), the engine's trend with
 * bands, and the scenario's workforce path (an assumption; none for most fields), on one set of
 * years. The path starts at the latest observation, so both projected lines leave from the same point.
 */
export function toTargetRows(target: TargetPath, fieldForecast?: ForecastInput): TargetRow[] {
  const rows = new Map<string, TargetRow>();
  const row = (period: string) => {
    let r = rows.get(period);
    if (!r) rows.set(period, (r = { period, forecast: true }));
    return r;
  };
  if (fieldForecast) {
    for (const r of forecastRows(readForecast(fieldForecast))) {
      if (r.actual !== undefined) Object.assign(row(r.period), { actual: r.actual, forecast: false, status: r.status });
    }
  }
  const latest = row(target.latest.period);
  latest.actual = target.latest.value;
  latest.forecast = false;
  latest.status = latest.status ?? latestStatus(target);
  latest.trend = target.latest.value;
  if (target.target.periods.length > 0) latest.target = target.latest.value;
  latest.trendBand80 = [target.latest.value, target.latest.value];
  latest.trendBand95 = [target.latest.value, target.latest.value];
  const trend = readForecast({ forecast: target.trend });
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

/** One year of the cumulative training chart (Decision 1017/QĐ-TTg). */
export interface CumulativeRow {
  period: string;
  /** Cumulative graduates needed by the end of the year at an even pace. */
  needed: number;
  /** The decision's total (a flat line to read the path against). */
  target: number;
}

/** Cumulative graduates needed by year, against the decision's total. */
export function toCumulativeRows(plan: TrainingPlan): CumulativeRow[] {
  return plan.cumulative.map((c) => ({ period: String(c.year), needed: c.total, target: plan.total }));
}

/** One line of the training target: what the decision states and what it means a year. */
export interface TrainingItemRow {
  id: string;
  group: TrainingTargetItem['group'];
  name: string;
  atLeast: number;
  evenPace: number;
  fromNow: number;
}

/** The total first, then the decision's lines in its own order (degrees, stages, separate lines). */
export function toTrainingItemRows(plan: TrainingPlan, lang: 'vi' | 'en', totalName: string): TrainingItemRow[] {
  const total: TrainingItemRow = {
    id: 'total',
    group: 'level',
    name: totalName,
    atLeast: plan.total,
    evenPace: plan.evenPacePerYear.total,
    fromNow: plan.perYearFromNow.total,
  };
  return [
    total,
    ...plan.items.map((i) => ({
      id: i.id,
      group: i.group,
      name: lang === 'vi' ? i.nameVi : i.nameEn,
      atLeast: i.atLeast,
      evenPace: plan.evenPacePerYear.byItem[i.id] ?? 0,
      fromNow: plan.perYearFromNow.byItem[i.id] ?? 0,
    })),
  ];
}

/** One year of the workforce implied by the user's assumption, at the low and high ends of the production target. */
export interface AssumptionRow {
  period: string;
  low: number;
  high: number;
}

/**
 * Workforce from an ASSUMPTION (workers per 1,000 t a year) at both ends of the production target,
 * from the decision's year to the target year; nothing when the target has no production figure.
 */
export function toAssumptionRows(target: TargetPath, workersPerKt: number): AssumptionRow[] {
  const p = target.production;
  if (!p || !(workersPerKt >= 0)) return [];
  const years = Array.from({ length: target.targetYear - p.startYear + 1 }, (_, k) => p.startYear + k);
  const low = assumedWorkforcePath(p.min, workersPerKt, p.startYear, target.targetYear, years);
  const high = assumedWorkforcePath(p.max, workersPerKt, p.startYear, target.targetYear, years);
  return years.map((y, k) => ({ period: String(y), low: low[k], high: high[k] }));
}

/**
 * Upper end of the y-axis: room for the observed values, trend, 80 % band and target path,
 * but not for a 95 % band that explodes on a tiny young series (that band is clipped, and the
 * table still lists every value).
 */
export function targetAxisMax(rows: TargetRow[], targetLevel: number | null): { max: number; clipped: boolean } {
  let max = targetLevel ?? 0;
  let widest = 0;
  for (const r of rows) {
    for (const v of [r.actual, r.trend, r.target, r.trendBand80?.[1]]) if (v !== undefined && Number.isFinite(v)) max = Math.max(max, v);
    if (r.trendBand95 && Number.isFinite(r.trendBand95[1])) widest = Math.max(widest, r.trendBand95[1]);
  }
  const top = niceCeil(max * 1.15);
  return widest > top ? { max: top, clipped: true } : { max: niceCeil(Math.max(top, widest)), clipped: false };
}
