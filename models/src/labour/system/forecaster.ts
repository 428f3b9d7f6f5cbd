/**
 * The engine behind the system's forecasts, in the narrow `PathForecaster`
 * shape the demography and composition blocks take: the engine's `auto`
 * (fit once, forecast h with 80/95 % intervals) when the series is long
 * enough, else the composition blocks' damped drift (short series, or a fit
 * that fails or returns non-finite values).
 */
import { fitAuto } from '../../forecast/auto';
import { dampedDrift, type PathForecast, type PathForecaster } from '../composition/forecaster';

/** Shortest series the engine's `auto` is used on; shorter ones use damped drift. */
export const ENGINE_MIN_YEARS = 6;

/** A forecaster that uses the engine's `auto` from `minYears` points and damped drift below. */
export function engineForecaster(levels: number[] = [80, 95], minYears = ENGINE_MIN_YEARS): PathForecaster {
  return (values: number[], h: number): PathForecast => {
    if (values.length < Math.max(3, minYears)) return dampedDrift(values, h, levels);
    try {
      const f = fitAuto({ values, start: '2000', frequency: 1 }).forecast(h, { levels });
      const ok = f.mean.every(Number.isFinite) && f.intervals.every((iv) => iv.lower.every(Number.isFinite) && iv.upper.every(Number.isFinite));
      return ok
        ? { mean: f.mean, intervals: f.intervals.map((iv) => ({ level: iv.level, lower: iv.lower, upper: iv.upper })) }
        : dampedDrift(values, h, levels);
    } catch {
      return dampedDrift(values, h, levels);
    }
  };
}

/** Damped drift at `levels` (deterministic, for tests and cheap share models). */
export function driftForecaster(levels: number[] = [80, 95]): PathForecaster {
  return (values, h) => dampedDrift(values, h, levels);
}
