/**
 * Forecasting participation rates on the logit scale with a caller-supplied
 * forecaster (the coordinator plugs the engine in), so that the mean and
 * every band map back inside (0, 1).
 */
import { BROAD_GROUPS, SEXES, yearsOf, type BroadGroup, type ByYear, type Sex } from './age-groups';
import { expit, logit } from './logit';
import type { BroadValues, SexBroad } from './participation';

/** One prediction band at `level` percent. */
export interface RateBand {
  level: number;
  lower: number[];
  upper: number[];
}

/**
 * What a forecaster returns for `horizon` steps: the engine's shape
 * (`intervals`) or flat `lower80`/`upper80`/`lower95`/`upper95` arrays.
 */
export interface ForecasterResult {
  mean: number[];
  intervals?: RateBand[];
  lower80?: number[];
  upper80?: number[];
  lower95?: number[];
  upper95?: number[];
}

/** Forecasts `horizon` values after `values` (here: logits of an annual rate). */
export type Forecaster = (values: number[], horizon: number) => ForecasterResult;

/** A rate forecast in (0, 1): mean and bands, one value per horizon step. */
export interface RateForecast {
  mean: number[];
  intervals: RateBand[];
}

function bandsOf(r: ForecasterResult): RateBand[] {
  const out = [...(r.intervals ?? [])];
  for (const level of [80, 95] as const) {
    const lo = r[`lower${level}`];
    const hi = r[`upper${level}`];
    if (lo && hi && !out.some((b) => b.level === level)) out.push({ level, lower: lo, upper: hi });
  }
  return out.sort((a, b) => a.level - b.level);
}

/**
 * Forecast one rate series: logit, forecast, back-transform. Bands are
 * monotone maps of the logit bands (so an 80 % band stays an 80 % band).
 */
export function forecastRate(history: readonly number[], horizon: number, forecaster: Forecaster): RateForecast {
  const r = forecaster(
    history.map((p) => logit(p)),
    horizon,
  );
  return {
    mean: r.mean.map(expit),
    intervals: bandsOf(r).map((b) => ({
      level: b.level,
      lower: b.lower.map((x, i) => Math.min(expit(x), expit(b.upper[i]))),
      upper: b.upper.map((x, i) => Math.max(expit(x), expit(b.lower[i]))),
    })),
  };
}

/** Forecast one series that is already on an unbounded scale (e.g. a logit shift): no transform. */
export function forecastUnbounded(history: readonly number[], horizon: number, forecaster: Forecaster): RateForecast {
  const r = forecaster([...history], horizon);
  return {
    mean: r.mean,
    intervals: bandsOf(r).map((b) => ({
      level: b.level,
      lower: b.lower.map((x, i) => Math.min(x, b.upper[i])),
      upper: b.upper.map((x, i) => Math.max(x, b.lower[i])),
    })),
  };
}

/** Broad rate forecasts: per series, and the means assembled by year. */
export interface BroadRateForecast {
  years: number[];
  series: Record<Sex, Record<BroadGroup, RateForecast>>;
  mean: ByYear<SexBroad>;
}

/**
 * Forecast every sex × broad-group rate `horizon` years past the last year of
 * `history` (`scale: 'logit'`: the values are already logit shifts, forecast
 * as they are; the default forecasts rates on the logit scale). History years must be consecutive (the forecaster sees a
 * regular annual series); a gap throws.
 */
export function forecastBroadRates(history: ByYear<SexBroad>, horizon: number, forecaster: Forecaster, scale: 'rate' | 'logit' = 'rate'): BroadRateForecast {
  const hy = yearsOf(history);
  if (hy.length === 0) throw new Error('no participation history');
  hy.forEach((y, i) => {
    if (i > 0 && y !== hy[i - 1] + 1) throw new Error(`participation history has a gap before ${y}`);
  });
  const last = hy[hy.length - 1];
  const years = Array.from({ length: horizon }, (_, i) => last + 1 + i);
  const series = {} as BroadRateForecast['series'];
  for (const sex of SEXES) {
    series[sex] = {} as Record<BroadGroup, RateForecast>;
    for (const g of BROAD_GROUPS) {
      const h = hy.map((y) => history[y][sex][g]);
      series[sex][g] = scale === 'logit' ? forecastUnbounded(h, horizon, forecaster) : forecastRate(h, horizon, forecaster);
    }
  }
  const mean: ByYear<SexBroad> = {};
  years.forEach((y, i) => {
    const one = (sex: Sex) => Object.fromEntries(BROAD_GROUPS.map((g) => [g, series[sex][g].mean[i]])) as BroadValues;
    mean[y] = { M: one('M'), F: one('F') };
  });
  return { years, series, mean };
}
