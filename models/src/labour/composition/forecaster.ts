/**
 * The forecaster contract the composition blocks use, and a small default.
 *
 * The blocks never pick a forecasting method themselves: the caller passes a
 * function (the coordinator plugs the engine's `fitAuto` in). Keeping the
 * contract this narrow — values in, mean and optional intervals out — keeps
 * these modules pure and lets the tests use the deterministic default below.
 */
import { zFor } from '../../forecast/intervals';

/** One two-sided interval of a forecast, `level` in percent (80, 95). */
export interface PathInterval {
  level: number;
  lower: number[];
  upper: number[];
}

/** What a forecaster returns for `h` steps ahead. */
export interface PathForecast {
  mean: number[];
  intervals?: PathInterval[];
}

/** Annual series in, `h` steps of forecast out. */
export type PathForecaster = (values: number[], h: number) => PathForecast;

/** Damping factor of {@link dampedDrift}: the drift fades by 20 % a year. */
export const DAMPED_DRIFT_PHI = 0.8;

/**
 * Default forecaster: the average historical step (last − first) / (n − 1),
 * damped by φ = 0.8 a year, so step j adds drift·φ^j and the total change
 * levels off at drift·φ/(1 − φ) = 4 × drift. Intervals (80 %, 95 %) are normal,
 * with the standard deviation of the historical steps growing as √j.
 * One value gives a flat forecast with zero-width intervals.
 */
export function dampedDrift(values: number[], h: number, levels: number[] = [80, 95]): PathForecast {
  const n = values.length;
  if (n === 0) throw new Error('dampedDrift needs at least one value.');
  const last = values[n - 1]!;
  const drift = n > 1 ? (last - values[0]!) / (n - 1) : 0;
  let sd = 0;
  if (n > 2) {
    let ss = 0;
    for (let i = 1; i < n; i++) ss += (values[i]! - values[i - 1]! - drift) ** 2;
    sd = Math.sqrt(ss / (n - 2));
  }
  const mean: number[] = [];
  let level = last;
  let step = drift;
  for (let j = 1; j <= h; j++) {
    step *= DAMPED_DRIFT_PHI;
    level += step;
    mean.push(level);
  }
  const intervals = levels.map((lv) => {
    const z = zFor(lv);
    return {
      level: lv,
      lower: mean.map((m, j) => m - z * sd * Math.sqrt(j + 1)),
      upper: mean.map((m, j) => m + z * sd * Math.sqrt(j + 1)),
    };
  });
  return { mean, intervals };
}
