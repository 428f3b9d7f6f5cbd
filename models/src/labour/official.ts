/**
 * Forecasts of the national official series (labour force, unemployment
 * rate, trained shares, …), each with the 2021 LFS break treated. Series that
 * the employment hierarchy already covers are taken from it instead, so the
 * dashboard never shows two different forecasts of the same number; the
 * employment share by sector is derived from the reconciled employment
 * forecasts for the same reason. Which series are forecast at all is
 * declared in official-rules.ts (headline series, still current).
 */
import { MEASURED_STATUSES } from '../data/observation';
import { basisOf } from './basis';
import { applyBreak, breakMatches, type BreakSpec } from './breaks';
import { cellAccuracy, forecastCell } from './engine';
import type { IndexedCell, ObservationIndex } from './observations';
import { headlineExclusion, officialForecastExclusion } from './official-rules';
import { withoutReason, type Grid } from './projection';
import type { CellForecast, HistoryPoint, LevelInterval } from './types';
import type { PathForecaster } from './composition/forecaster';
import type { NationalSystem } from './system/types';
import { regionalLabourForce, systemSeries, SYSTEM_INDICATORS } from './system/official-system';

/**
 * The regular annual series to fit from sparse official points: the last run
 * in which no gap exceeds `maxGap` missing years, with missing years filled
 * by linear interpolation (GSO publishes some years only). Display keeps the
 * observed points alone.
 */
export function fillGaps(points: readonly HistoryPoint[], maxGap = 4): { values: number[]; periods: string[]; interpolated: number } {
  const pts = [...points].sort((a, b) => Number(a.period) - Number(b.period));
  let first = pts.length - 1;
  while (first > 0 && Number(pts[first].period) - Number(pts[first - 1].period) - 1 <= maxGap) first--;
  const run = pts.slice(first);
  const values: number[] = [];
  const periods: string[] = [];
  let interpolated = 0;
  for (let i = 0; i < run.length; i++) {
    const y = Number(run[i].period);
    if (i > 0) {
      const y0 = Number(run[i - 1].period);
      for (let m = y0 + 1; m < y; m++) {
        const w = (m - y0) / (y - y0);
        values.push(run[i - 1].value * (1 - w) + run[i].value * w);
        periods.push(String(m));
        interpolated++;
      }
    }
    values.push(run[i].value);
    periods.push(String(y));
  }
  return { values, periods, interpolated };
}

/** Every observed annual point of a cell, in order (gaps allowed). */
function allPoints(c: IndexedCell): HistoryPoint[] {
  return [...c.byYear.keys()]
    .sort((a, b) => a - b)
    .map((y) => {
      const o = c.byYear.get(y)!;
      return { period: String(y), value: o.value, status: o.status, source: o.source };
    });
}

export interface OfficialOptions {
  horizon: number;
  levels: number[];
  breaks: BreakSpec[];
  minAfterBreak?: number;
  /** The employment grid, whose national cells replace separate forecasts. */
  employment?: Grid | null;
  country?: string;
  /**
   * The national system: the national labour force, unemployed and unemployment rate forecasts come
   * from it (not separate extrapolations), and the regions' labour force is a share of its labour force.
   */
  system?: NationalSystem | null;
  /** Forecaster of the regional shares (default damped drift). */
  forecaster?: PathForecaster;
  /** Forecasts run through this year (default: each series' last year + horizon). */
  throughYear?: number;
  /**
   * Last observed year of the outlook: series ending more than MAX_STALENESS_YEARS before it are
   * not forecast. Default: the employment grid's base year, else the latest year of the candidate series.
   */
  baseYear?: number;
}

function clampPercent(xs: number[]): number[] {
  return xs.map((v) => Math.min(100, Math.max(0, v)));
}

/**
 * Forecast the headline official series (OFFICIAL_FORECAST_RULES: national and
 * regional labour force, employment, unemployment, trained shares, employment
 * share by sector) that are still current (annual; ≥ 3 points in the fitted
 * run), except those the employment hierarchy covers.
 */
export function forecastOfficial(index: ObservationIndex, opts: OfficialOptions): CellForecast[] {
  const country = opts.country ?? 'VN';
  const out: CellForecast[] = [];
  const grid = opts.employment;
  const gridNodes = new Map(grid?.nodes.map((n) => [`${n.region}|${n.sector}|${n.qualification}`, n]) ?? []);
  const candidates: { c: IndexedCell; history: HistoryPoint[] }[] = [];
  for (const c of index.cells.values()) {
    // Coordinates first: hundreds of loaded official series are not headlines.
    if (!headlineExclusion(c)) candidates.push({ c, history: allPoints(c) });
  }
  const baseYear =
    opts.baseYear ??
    grid?.baseYear ??
    (opts.throughYear !== undefined ? opts.throughYear - opts.horizon : Math.max(0, ...candidates.map((x) => Number(x.history.at(-1)!.period))));
  const sys = opts.system ?? null;
  const regionalLf: { c: IndexedCell; history: HistoryPoint[] }[] = [];
  for (const { c, history } of candidates) {
    const lastYear = Number(history[history.length - 1].period);
    if (officialForecastExclusion(c, basisOf(history), lastYear, baseYear)) continue;
    if (sys && c.region === country && c.sector === 'TOTAL' && c.qualification === 'ALL' && SYSTEM_INDICATORS.has(c.indicator)) {
      if (c.indicator !== grid?.indicator || !gridNodes.has(`${c.region}|${c.sector}|${c.qualification}`)) out.push(systemSeries(sys, c, history, opts.breaks));
      continue;
    }
    if (sys && c.indicator === 'labour_force' && c.region !== country && c.sector === 'TOTAL' && c.qualification === 'ALL') {
      regionalLf.push({ c, history });
      continue;
    }
    if (c.indicator === grid?.indicator && gridNodes.has(`${c.region}|${c.sector}|${c.qualification}`)) continue; // covered by the hierarchy
    if (c.indicator === 'employment_share' && grid && c.region === country) {
      const derived = shareFromGrid(grid, country, c.sector, c.qualification, history);
      if (derived) {
        out.push(derived);
        continue;
      }
    }
    const run = fillGaps(history);
    if (run.values.length < 3) continue;
    const periods = run.periods;
    // Only a series with measured values (official, international, survey) before the break crosses it;
    // modelled and illustrative values are already on the new basis.
    const brk = opts.breaks.find((b) => breakMatches(b, c) && history.some((p) => p.period < b.period && MEASURED_STATUSES.has(p.status)));
    const b = applyBreak(run.values, periods, brk, { minAfter: opts.minAfterBreak });
    const series = { values: b.values, start: b.start, frequency: 1 as const };
    const method = series.values.length >= 3 ? 'auto' : 'naive';
    const last = Number(periods[periods.length - 1]);
    const h = Math.max(opts.horizon, (opts.throughYear ?? 0) - last);
    const { fit, forecast } = forecastCell(series, h, opts.levels, method);
    const pct = c.unit === 'percent';
    out.push({
      indicator: c.indicator,
      region: c.region,
      sector: c.sector,
      qualification: c.qualification,
      unit: c.unit,
      history,
      forecast: {
        periods: Array.from({ length: h }, (_, i) => String(last + i + 1)),
        mean: pct ? clampPercent(forecast.mean) : forecast.mean,
        intervals: forecast.intervals.map((iv) => ({
          level: iv.level,
          lower: pct ? clampPercent(iv.lower) : iv.lower,
          upper: pct ? clampPercent(iv.upper) : iv.upper,
        })),
      },
      models: fit.models,
      intervalKind: fit.intervalKind,
      accuracy: cellAccuracy(series, { method }),
      ...(b.applied ? { break: withoutReason(b.applied) } : {}),
      status: 'modelled',
      basis: basisOf(history),
      source: `LMO model: engine forecast (${fit.models.map((m) => m.method).join('+')}) of ${c.indicator}${run.interpolated ? ` (fitted on ${periods[0]}–${last}, ${run.interpolated} missing year(s) interpolated)` : ''}. History: ${[...new Set(history.map((p) => p.source))].join('; ')}`,
    });
  }
  if (sys && regionalLf.length) out.push(...regionalLabourForce(sys, regionalLf, opts.levels, opts.forecaster));
  return out;
}

/** Employment share of a sector (percent) from the reconciled employment forecasts. */
function shareFromGrid(grid: Grid, country: string, sector: string, qualification: string, official: CellForecast['history']): CellForecast | null {
  let history = official;
  const part = grid.nodes.find((n) => n.region === country && n.sector === sector && n.qualification === qualification);
  const whole = grid.nodes.find((n) => n.region === country && !grid.reconciler.dims[1].parent.get(n.sector) && n.qualification === qualification);
  if (!part || !whole || part === whole) return null;
  // Continue the official points with shares of the modelled employment history, so the line meets the forecast.
  const lastOfficial = history.length ? Number(history[history.length - 1].period) : -Infinity;
  const extended = [...history];
  part.history.forEach((p, i) => {
    const w = whole.history[i]?.value ?? 0;
    if (Number(p.period) > lastOfficial && w > 0) {
      extended.push({ period: p.period, value: (100 * p.value) / w, status: 'modelled', source: 'LMO: share of the modelled employment history' });
    }
  });
  history = extended;
  const mean = part.mean.map((v, t) => (whole.mean[t] > 0 ? (100 * v) / whole.mean[t] : 0));
  // Interval of the share from the part's interval at the total's mean (the total is far less uncertain).
  const intervals: LevelInterval[] = part.intervals.map((iv) => ({
    level: iv.level,
    lower: iv.lower.map((v, t) => (whole.mean[t] > 0 ? Math.min(mean[t], (100 * v) / whole.mean[t]) : 0)),
    upper: iv.upper.map((v, t) => (whole.mean[t] > 0 ? Math.max(mean[t], Math.min(100, (100 * v) / whole.mean[t])) : 0)),
  }));
  return {
    indicator: 'employment_share',
    region: country,
    sector,
    qualification,
    unit: 'percent',
    history,
    forecast: { periods: Array.from({ length: grid.horizon }, (_, i) => String(grid.baseYear + i + 1)), mean, intervals },
    models: part.models,
    intervalKind: part.intervalKind,
    accuracy: part.accuracy,
    ...(part.break ? { break: part.break } : {}),
    ...(grid.method === 'shares' ? {} : { reconciliation: 'ols' as const }),
    status: 'modelled',
    basis: basisOf(history),
    source: `LMO model: share derived from the employment forecasts (${sector} ÷ total). History: ${[...new Set(history.map((p) => p.source))].join('; ')}`,
  };
}
