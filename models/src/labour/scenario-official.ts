/**
 * The headline unemployment series of one scenario (issue 12 §4 "one system"): the served
 * `unemployment_rate` and `unemployed` are 100 × (1 − E/LF) and LF − E, with E the scenario's own
 * employment (the grid's TOTAL × ALL node after the scenario) and LF the system's labour force.
 * The base projection's official series are the baseline's; without this every scenario would
 * serve the baseline's rate beside its own, different employment.
 *
 * Bands: national cells use the system's coherent rate band (the scenario's rate ± the half-widths of
 * the engine's forecast of the official rate, clamped to [0, 100]; system/national-system.ts). Other
 * cells: the employment band at the labour force's mean, the employment upper bound held at labour
 * force × (1 − minUnemploymentRate), so the rate's lower bound never goes below that floor.
 */
import type { NationalSystem } from './system/types';
import type { CellForecast, LevelInterval } from './types';

/** Labour-force cells that come from the national system (national, or national × regional shares). */
const SYSTEM_LF = new Set(['national-system', 'national-system-shares']);

/** Value of a served series in a period: its forecast mean and bounds, else its history (bounds = value). */
function valueAt(f: CellForecast, period: string): { mean: number; intervals: Map<number, { lower: number; upper: number }> } | null {
  const i = f.forecast.periods.indexOf(period);
  if (i >= 0) {
    return { mean: f.forecast.mean[i], intervals: new Map(f.forecast.intervals.map((iv) => [iv.level, { lower: iv.lower[i], upper: iv.upper[i] }])) };
  }
  const h = f.history.find((p) => p.period === period);
  return h ? { mean: h.value, intervals: new Map() } : null;
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** The national system's rate half-widths (percentage points, forecast years from baseYear + 1). */
export interface RateBand {
  baseYear: number;
  halfWidths: { level: number; lower: number[]; upper: number[] }[];
}

/**
 * Rebuild one unemployment cell (rate or persons) from a scenario's employment and the labour force.
 * Periods where either is missing keep the cell's own values.
 */
export function unemploymentFromSystem(
  cell: CellForecast,
  employment: CellForecast,
  labourForce: CellForecast,
  minUnemploymentRate: number,
  rateBand?: RateBand,
): CellForecast {
  const pct = cell.indicator === 'unemployment_rate';
  const u = (e: number, l: number) => (pct ? round4(100 * (1 - e / l)) : Math.round(l - e));
  const mean = [...cell.forecast.mean];
  const intervals: LevelInterval[] = cell.forecast.intervals.map((iv) => ({ level: iv.level, lower: [...iv.lower], upper: [...iv.upper] }));
  cell.forecast.periods.forEach((p, t) => {
    const e = valueAt(employment, p);
    const l = valueAt(labourForce, p);
    if (!e || !l || !(l.mean > 0)) return;
    mean[t] = u(e.mean, l.mean);
    const k = rateBand ? Number(p) - rateBand.baseYear - 1 : -1;
    if (rateBand && k >= 0 && k < (rateBand.halfWidths[0]?.lower.length ?? 0)) {
      // The system's coherent rate band (system/national-system.ts): the scenario's rate ± the half-widths
      // of the engine's forecast of the official rate, clamped to [0, 100]; persons = rate × labour force.
      const rate = 100 * (1 - e.mean / l.mean);
      for (const iv of intervals) {
        const hw = rateBand.halfWidths.find((x) => x.level === iv.level);
        if (!hw) continue;
        const lo = Math.min(rate, Math.max(0, rate - hw.lower[k]));
        const hi = Math.max(rate, Math.min(100, rate + hw.upper[k]));
        iv.lower[t] = pct ? round4(lo) : Math.min(mean[t], Math.round((l.mean * lo) / 100));
        iv.upper[t] = pct ? round4(hi) : Math.max(mean[t], Math.round((l.mean * hi) / 100));
      }
      return;
    }
    for (const iv of intervals) {
      const b = e.intervals.get(iv.level) ?? { lower: e.mean, upper: e.mean };
      const lo = u(Math.min(b.upper, l.mean * (1 - minUnemploymentRate)), l.mean);
      const hi = u(b.lower, l.mean);
      iv.lower[t] = Math.max(0, Math.min(lo, mean[t]));
      iv.upper[t] = Math.max(hi, mean[t]);
    }
  });
  const fromSystem = cell.models.some((m) => m.method.startsWith('national-system'));
  return {
    ...cell,
    forecast: { ...cell.forecast, mean, intervals },
    // A regional engine forecast rebuilt here is the system's now: say so.
    ...(fromSystem
      ? {}
      : {
          models: labourForce.models,
          intervalKind: 'analytic' as const,
          source: `LMO model: ${pct ? '100 × (1 − employment ÷ labour force)' : 'labour force − employment'} of the scenario (national system × regional shares). History: ${[...new Set(cell.history.map((p) => p.source))].join('; ')}`,
        }),
  };
}

/**
 * The official series of one scenario: every TOTAL × ALL `unemployment_rate` / `unemployed` cell
 * of a region whose labour force is served from the national system and whose employment the
 * scenario serves is rebuilt from them; every other cell is returned as is (shared, read-only).
 * @param official the base projection's official series (the baseline's)
 * @param forecasts the scenario's employment forecasts
 */
export function scenarioOfficial(
  official: readonly CellForecast[],
  forecasts: readonly CellForecast[],
  system: NationalSystem | null,
  baseSystem: NationalSystem | null = system,
): CellForecast[] {
  if (!system) return [...official];
  const lf = new Map<string, CellForecast>();
  const ratio = labourForceRatios(system, baseSystem);
  official = official.map((f) => {
    if (f.indicator !== 'labour_force' || f.sector !== 'TOTAL' || f.qualification !== 'ALL' || !f.models.some((m) => SYSTEM_LF.has(m.method))) return f;
    const scaled = ratio ? scaleForecast(f, ratio) : f;
    lf.set(f.region, scaled);
    return scaled;
  });
  const emp = new Map<string, CellForecast>();
  for (const f of forecasts) if (f.indicator === 'employment' && f.sector === 'TOTAL' && f.qualification === 'ALL') emp.set(f.region, f);
  return official.map((f) => {
    if ((f.indicator !== 'unemployment_rate' && f.indicator !== 'unemployed') || f.sector !== 'TOTAL' || f.qualification !== 'ALL') return f;
    const l = lf.get(f.region);
    const e = emp.get(f.region);
    // National cells use the system's coherent rate band; regional ones keep the employment-band method.
    const band = f.region === 'VN' && system.unemploymentHalfWidths ? { baseYear: system.baseYear, halfWidths: system.unemploymentHalfWidths } : undefined;
    return l && e ? unemploymentFromSystem(f, e, l, system.minUnemploymentRate, band) : f;
  });
}

/** Scenario ÷ baseline labour force of the system by forecast period; null when they are the same. */
function labourForceRatios(system: NationalSystem, base: NationalSystem | null): Map<string, number> | null {
  if (!base || base.labourForce === system.labourForce) return null;
  const out = new Map<string, number>();
  system.years.forEach((y, i) => {
    const b = base.labourForce.mean[i];
    if (i > system.baseIndex && b > 0) out.set(String(y), system.labourForce.mean[i] / b);
  });
  return out;
}

/** A labour-force cell (regions are shares of the national system) with its forecast × the system's ratio. */
function scaleForecast(f: CellForecast, ratio: Map<string, number>): CellForecast {
  const k = (t: number) => ratio.get(f.forecast.periods[t]) ?? 1;
  return {
    ...f,
    forecast: {
      ...f.forecast,
      mean: f.forecast.mean.map((v, t) => Math.round(v * k(t))),
      intervals: f.forecast.intervals.map((iv) => ({
        ...iv,
        lower: iv.lower.map((v, t) => Math.round(v * k(t))),
        upper: iv.upper.map((v, t) => Math.round(v * k(t))),
      })),
    },
  };
}
