/**
 * Forecasts of the national official series (labour force, unemployment
 * rate, trained shares, …), each with the 2021 LFS break treated. Series that
 * the employment hierarchy already covers are taken from it instead, so the
 * dashboard never shows two different forecasts of the same number; the
 * employment share by sector is derived from the reconciled employment
 * forecasts for the same reason.
 */
import { applyBreak, breakMatches, type BreakSpec } from './breaks';
import { cellAccuracy, forecastCell } from './engine';
import { contiguousHistory, type ObservationIndex } from './observations';
import { withoutReason, type Grid } from './projection';
import type { CellForecast, LevelInterval } from './types';

export interface OfficialOptions {
  horizon: number;
  levels: number[];
  breaks: BreakSpec[];
  minAfterBreak?: number;
  /** The employment grid, whose national cells replace separate forecasts. */
  employment?: Grid | null;
  country?: string;
}

function clampPercent(xs: number[]): number[] {
  return xs.map((v) => Math.min(100, Math.max(0, v)));
}

/** Forecast every national series with at least one official point (annual, ≥ 3 points). */
export function forecastOfficial(index: ObservationIndex, opts: OfficialOptions): CellForecast[] {
  const country = opts.country ?? 'VN';
  const out: CellForecast[] = [];
  const grid = opts.employment;
  const gridNode = (s: string, q: string) =>
    grid?.nodes.find((n) => n.region === country && n.sector === s && n.qualification === q);
  for (const c of index.cells.values()) {
    if (c.region !== country) continue;
    const history = contiguousHistory(c);
    if (!history.some((p) => p.status === 'official')) continue;
    if (c.indicator === grid?.indicator && gridNode(c.sector, c.qualification)) continue; // covered by the hierarchy
    if (c.indicator === 'employment_share' && grid) {
      const derived = shareFromGrid(grid, country, c.sector, c.qualification, history);
      if (derived) {
        out.push(derived);
        continue;
      }
    }
    if (history.length < 3) continue;
    const periods = history.map((p) => p.period);
    // Only a series with measured (non-modelled) values before the break crosses it.
    const brk = opts.breaks.find((b) => breakMatches(b, c) && history.some((p) => p.period < b.period && p.status !== 'modelled'));
    const b = applyBreak(history.map((p) => p.value), periods, brk, { minAfter: opts.minAfterBreak });
    const series = { values: b.values, start: b.start, frequency: 1 as const };
    const method = series.values.length >= 3 ? 'auto' : 'naive';
    const { fit, forecast } = forecastCell(series, opts.horizon, opts.levels, method);
    const last = Number(periods[periods.length - 1]);
    const pct = c.unit === 'percent';
    out.push({
      indicator: c.indicator,
      region: c.region,
      sector: c.sector,
      qualification: c.qualification,
      unit: c.unit,
      history,
      forecast: {
        periods: Array.from({ length: opts.horizon }, (_, i) => String(last + i + 1)),
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
      source: `LMO model: engine forecast (${fit.models.map((m) => m.method).join('+')}) of ${c.indicator}. History: ${[...new Set(history.map((p) => p.source))].join('; ')}`,
    });
  }
  return out;
}

/** Employment share of a sector (percent) from the reconciled employment forecasts. */
function shareFromGrid(grid: Grid, country: string, sector: string, qualification: string, history: CellForecast['history']): CellForecast | null {
  const part = grid.nodes.find((n) => n.region === country && n.sector === sector && n.qualification === qualification);
  const whole = grid.nodes.find((n) => n.region === country && !grid.reconciler.dims[1].parent.get(n.sector) && n.qualification === qualification);
  if (!part || !whole || part === whole) return null;
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
    reconciliation: 'ols',
    status: 'modelled',
    source: `LMO model: share derived from the reconciled employment forecasts (${sector} ÷ total). History: ${[...new Set(history.map((p) => p.source))].join('; ')}`,
  };
}
