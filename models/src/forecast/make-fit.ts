import { assertHorizon } from './series';
import { DEFAULT_LEVELS, checkLevels, toForecast, type Spread } from './intervals';
import type { Fit, ForecastOptions, IntervalKind, ModelWeight } from './types';

/** Everything a method computes once at fit time; `path` is called per forecast. */
export interface FitSpec {
  method: string;
  fitted: number[];
  params: Record<string, number>;
  intervalKind: IntervalKind;
  /** Cap the mean and lower bounds at 0 (series that cannot go negative). */
  nonNegative: boolean;
  models?: ModelWeight[];
  path(h: number): Spread;
}

/** True when no value is negative, so forecasts should not be either. */
export function isNonNegative(values: readonly number[]): boolean {
  for (const v of values) if (v < 0) return false;
  return true;
}

/** Wrap a method's fitted state in the shared `Fit` interface (horizon and level checks included). */
export function makeFit(spec: FitSpec): Fit {
  return {
    method: spec.method,
    fitted: spec.fitted,
    params: spec.params,
    intervalKind: spec.intervalKind,
    models: spec.models ?? [{ method: spec.method, weight: 1 }],
    forecast(h: number, options: ForecastOptions = {}) {
      assertHorizon(h);
      const levels = checkLevels(options.levels ?? DEFAULT_LEVELS);
      return toForecast(spec.path(h), levels, spec.nonNegative);
    },
  };
}

/** Standard deviation of residuals, ignoring NaN (undefined fitted values). */
export function residualSd(y: readonly number[], fitted: readonly number[], dof = 0): number {
  let ss = 0;
  let n = 0;
  for (let i = 0; i < y.length; i++) {
    const e = y[i] - fitted[i];
    if (Number.isFinite(e)) {
      ss += e * e;
      n++;
    }
  }
  const d = Math.max(1, n - dof);
  return n === 0 ? 0 : Math.sqrt(ss / d);
}
