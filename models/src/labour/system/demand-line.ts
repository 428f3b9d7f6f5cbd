/**
 * The labour-demand line of the overview (issue 12 follow-up): the national employment forecast
 * (VN × TOTAL × ALL) carries `demand`, the labour demand before the labour-force limit, so the
 * chart can show where supply, not demand, sets employment.
 *
 * Baseline: the system's `demandBeforeCap`. A scenario scales every section by its growth and
 * the cap then scales all sections by one factor a year, so its demand before the cap is
 *   demand_s[t] = demandBeforeCap[t] × (E_s[t] ÷ capFactor_s[t]) ÷ E_baseline[t]
 * (exact, since the baseline cap also scaled every section by one factor).
 */
import type { CellForecast } from '../types';
import type { NationalSystem } from './types';

/** Whether a forecast is the national employment total the demand line belongs to. */
export function isNationalEmployment(f: CellForecast, country = 'VN'): boolean {
  return f.indicator === 'employment' && f.region === country && f.sector === 'TOTAL' && f.qualification === 'ALL';
}

/**
 * The forecasts with `demand` added to the national employment cell (a new object; the input,
 * which may be shared between scenarios, is not mutated). Returns the input unchanged without
 * a system or its `demandBeforeCap`.
 * @param capFactors the scenario's labour-force cap factor per forecast year (1 = not capped; omit for the baseline)
 */
export function withDemandLine(forecasts: CellForecast[], system: NationalSystem | null | undefined, capFactors?: ArrayLike<number>): CellForecast[] {
  const d = system?.demandBeforeCap;
  if (!system || !d) return forecasts;
  const i = forecasts.findIndex((f) => isNationalEmployment(f));
  if (i < 0) return forecasts;
  const f = forecasts[i];
  const demand = f.forecast.periods.map((p, k) => {
    const t = Number(p) - system.baseYear - 1;
    if (!(t >= 0 && t < d.length)) return f.forecast.mean[k];
    const eBase = system.employment.mean[system.baseIndex + 1 + t];
    const factor = capFactors?.[t] ?? 1;
    const preCap = factor > 0 ? f.forecast.mean[k] / factor : f.forecast.mean[k];
    const v = eBase > 0 ? (d[t] * preCap) / eBase : d[t];
    // Demand is never below the employment it yields (rounding of the served mean aside).
    return Math.round(Math.max(v, f.forecast.mean[k]));
  });
  const out = forecasts.slice();
  out[i] = { ...f, demand };
  return out;
}
