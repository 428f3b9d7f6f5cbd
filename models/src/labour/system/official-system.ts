/**
 * The overview's headline series from the national system (issue 12 §3–§4):
 * national labour force, unemployed and unemployment rate are the system's
 * (not separate extrapolations), with bands; the regions' labour force is a
 * compositional share of the national one, so regions sum to VN.
 */
import { basisOf } from '../basis';
import type { BreakSpec } from '../breaks';
import { forecastComposition } from '../composition/share-forecast';
import { dampedDrift, type PathForecaster } from '../composition/forecaster';
import { cellAccuracy } from '../engine';
import type { IndexedCell } from '../observations';
import type { AppliedBreak, CellForecast, HistoryPoint, LevelInterval } from '../types';
import type { NationalSystem } from './types';

/** National series the system produces. */
export const SYSTEM_INDICATORS = new Set(['labour_force', 'employment', 'unemployed', 'unemployment_rate']);

const SOURCE =
  'LMO national system: labour force = population × participation (calibrated to the official base year); employment = value added ÷ productivity by section, ≤ labour force × (1 − u_min); unemployment = labour force − employment';

const EMPTY_ACCURACY = cellAccuracy({ values: [], start: '2000', frequency: 1 });

/** The 2021 splice as applied by the system, for the cell's break marker. */
function breakInfo(sys: NationalSystem, history: HistoryPoint[], breaks: readonly BreakSpec[]): AppliedBreak | undefined {
  const b = breaks.find((x) => x.indicator === 'labour_force' || x.indicator === 'employment');
  const ratio = sys.splice?.ratio ?? NaN;
  if (!b || !history.some((p) => p.period < b.period) || !history.some((p) => p.period >= b.period)) return undefined;
  return { period: b.period, treatment: 'splice', ...(Number.isFinite(ratio) ? { ratio } : {}) };
}

/**
 * The official rate is of the working-age labour force; the system's is 1 − employment ÷ labour
 * force of everyone 15+. Said where the two differ in the last history year (by 0.01 point or more).
 */
function rateDefinition(sys: NationalSystem, last: HistoryPoint): CellForecast['rateDefinition'] {
  const i = sys.years.indexOf(Number(last.period));
  const own = sys.unemploymentRate[i];
  if (i < 0 || !Number.isFinite(own) || Math.abs(own - last.value) < 0.01) return undefined;
  return { period: last.period, history: last.value, forecast: Math.round(own * 100) / 100 };
}

/** One national series (labour_force, employment, unemployed, unemployment_rate) from the system. */
export function systemSeries(sys: NationalSystem, c: IndexedCell, history: HistoryPoint[], breaks: readonly BreakSpec[]): CellForecast {
  const last = Number(history[history.length - 1].period);
  const idx = sys.years.map((y, i) => [y, i] as const).filter(([y]) => y > last && y > sys.years[0] - 1);
  const at = (xs: number[]) => idx.map(([, i]) => xs[i]);
  const lf = sys.labourForce;
  const e = sys.employment;
  const lfm = at(lf.mean);
  const em = at(e.mean);
  const minU = sys.minUnemploymentRate;
  let mean: number[];
  let intervals: LevelInterval[];
  if (c.indicator === 'labour_force') {
    mean = lfm;
    intervals = lf.intervals.map((iv) => ({ level: iv.level, lower: at(iv.lower), upper: at(iv.upper) }));
  } else if (c.indicator === 'employment') {
    mean = em;
    intervals = e.intervals.map((iv) => ({ level: iv.level, lower: at(iv.lower), upper: at(iv.upper) }));
  } else if (sys.unemploymentBand) {
    // The rate's own band (engine forecast of the official rate, around the system's path); the
    // number unemployed = the rate band at the labour force mean.
    const pct = c.indicator === 'unemployment_rate';
    const ub = sys.unemploymentBand;
    const um = at(ub.mean);
    mean = pct ? um : lfm.map((l, t) => l - em[t]);
    intervals = ub.intervals.map((iv) => {
      const lo = at(iv.lower);
      const hi = at(iv.upper);
      return pct
        ? { level: iv.level, lower: lo, upper: hi }
        : { level: iv.level, lower: lo.map((u, t) => Math.min(mean[t], (lfm[t] * u) / 100)), upper: hi.map((u, t) => Math.max(mean[t], (lfm[t] * u) / 100)) };
    });
  } else {
    // Older systems without a rate band: unemployment from the employment band at the labour force mean.
    const pct = c.indicator === 'unemployment_rate';
    const u = (eVal: number, l: number) => (pct ? 100 * (1 - eVal / l) : l - eVal);
    mean = em.map((v, t) => u(v, lfm[t]));
    intervals = e.intervals.map((iv) => {
      const lo = at(iv.upper).map((v, t) => u(Math.min(v, lfm[t] * (1 - minU)), lfm[t]));
      const hi = at(iv.lower).map((v, t) => u(v, lfm[t]));
      return { level: iv.level, lower: lo.map((v, t) => Math.max(0, Math.min(v, mean[t]))), upper: hi.map((v, t) => Math.max(v, mean[t])) };
    });
  }
  const brk = breakInfo(sys, history, breaks);
  const definition = c.indicator === 'unemployment_rate' ? rateDefinition(sys, history[history.length - 1]) : undefined;
  // Persons are counted in whole people (a served 56,387,010.05 would read as false precision).
  if (c.unit === 'persons') {
    mean = mean.map(Math.round);
    intervals = intervals.map((iv) => ({ level: iv.level, lower: iv.lower.map(Math.round), upper: iv.upper.map(Math.round) }));
  }
  return {
    indicator: c.indicator,
    region: c.region,
    sector: c.sector,
    qualification: c.qualification,
    unit: c.unit,
    history,
    forecast: { periods: idx.map(([y]) => String(y)), mean, intervals },
    models: [{ method: 'national-system', weight: 1 }],
    intervalKind: 'analytic',
    accuracy: EMPTY_ACCURACY,
    ...(brk ? { break: brk } : {}),
    ...(definition ? { rateDefinition: definition } : {}),
    status: 'modelled',
    basis: basisOf(history),
    source: `${SOURCE}. History: ${[...new Set(history.map((p) => p.source))].join('; ')}`,
  };
}

/**
 * Regions' labour force = national labour force × regional share, shares
 * forecast by the compositional model from the years where every region has
 * a value (so the regions always add up to the national figure).
 */
export function regionalLabourForce(
  sys: NationalSystem,
  cells: { c: IndexedCell; history: HistoryPoint[] }[],
  levels: number[],
  forecaster?: PathForecaster,
): CellForecast[] {
  const maps = cells.map(({ history }) => new Map(history.map((p) => [Number(p.period), p.value])));
  const common = [...maps[0].keys()].filter((y) => maps.every((m) => m.has(y))).sort((a, b) => a - b);
  if (common.length === 0) return [];
  let i0 = common.length - 1;
  while (i0 > 0 && common[i0 - 1] === common[i0] - 1) i0--;
  const run = common.slice(i0);
  const lastCommon = run[run.length - 1];
  const lastYear = sys.years[sys.years.length - 1];
  const h = lastYear - lastCommon;
  if (h <= 0) return [];
  const names = cells.map((x) => x.c.region);
  const fc =
    cells.length >= 2
      ? forecastComposition(Object.fromEntries(names.map((r, k) => [r, run.map((y) => maps[k].get(y)!)])), h, {
          forecaster: forecaster ?? ((v, n) => dampedDrift(v, n, levels)),
        })
      : { mean: { [names[0]]: new Array<number>(h).fill(1) }, intervals: {} as Record<string, LevelInterval[]> };
  return cells.map(({ c, history }, k) => {
    const last = Number(history[history.length - 1].period);
    const years = Array.from({ length: lastYear - last }, (_, i) => last + 1 + i).filter((y) => y > lastCommon);
    const t = (y: number) => y - lastCommon - 1;
    const li = (y: number) => sys.years.indexOf(y);
    const share = fc.mean[c.region];
    const mean = years.map((y) => sys.labourForce.mean[li(y)] * share[t(y)]);
    const intervals = levels.map((level) => {
      const siv = fc.intervals[c.region]?.find((x) => x.level === level);
      const liv = sys.labourForce.intervals.find((x) => x.level === level);
      const half = (y: number, side: 'lower' | 'upper') => {
        const s = share[t(y)];
        const sRel = siv && s > 0 ? Math.abs(siv[side][t(y)] / s - 1) : 0;
        const l = sys.labourForce.mean[li(y)];
        const lRel = liv && l > 0 ? Math.abs(liv[side][li(y)] / l - 1) : 0;
        return Math.hypot(sRel, lRel);
      };
      return {
        level,
        lower: years.map((y, i) => Math.max(0, mean[i] * (1 - half(y, 'lower')))),
        upper: years.map((y, i) => mean[i] * (1 + half(y, 'upper'))),
      };
    });
    void k;
    return {
      indicator: c.indicator,
      region: c.region,
      sector: c.sector,
      qualification: c.qualification,
      unit: c.unit,
      history,
      forecast: { periods: years.map(String), mean, intervals },
      models: [{ method: 'national-system-shares', weight: 1 }],
      intervalKind: 'analytic',
      accuracy: EMPTY_ACCURACY,
      status: 'modelled',
      basis: basisOf(history),
      source: `LMO model: the national system's labour force × the region's share (compositional log-ratio forecast of ${run[0]}–${lastCommon} shares). History: ${[...new Set(history.map((p) => p.source))].join('; ')}`,
    } satisfies CellForecast;
  });
}
