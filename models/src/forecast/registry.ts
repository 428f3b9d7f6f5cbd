import { fitAuto } from './auto';
import { ForecastError } from './errors';
import { fitDrift } from './methods/drift';
import { fitDamped, fitHolt } from './methods/holt';
import { fitLinear, fitLoglinear } from './methods/linear';
import { fitLogistic } from './methods/logistic';
import { fitNaive } from './methods/naive';
import { fitSes } from './methods/ses';
import { fitSnaive } from './methods/snaive';
import { fitTheta } from './methods/theta';
import type { Fit, FitFn, FitOptions, Series } from './types';

/** Every forecasting method, keyed by the alias used in the api and the UI. */
export const methods = {
  naive: fitNaive,
  snaive: fitSnaive,
  drift: fitDrift,
  linear: fitLinear,
  loglinear: fitLoglinear,
  ses: fitSes,
  holt: fitHolt,
  damped: fitDamped,
  theta: fitTheta,
  logistic: fitLogistic,
  auto: fitAuto,
} satisfies Record<string, FitFn>;

export type MethodAlias = keyof typeof methods;

/** True when `alias` names a registered method. */
export function isMethod(alias: string): alias is MethodAlias {
  return Object.prototype.hasOwnProperty.call(methods, alias);
}

/**
 * Fit the method registered under `alias`.
 * @throws ForecastError UNKNOWN_METHOD listing the known aliases.
 */
export function fitMethod(alias: string, series: Series, options?: FitOptions): Fit {
  if (!isMethod(alias)) {
    throw new ForecastError(
      'UNKNOWN_METHOD',
      `There is no forecasting method called "${alias}". Choose one of: ${Object.keys(methods).join(', ')}.`,
      { method: alias, known: Object.keys(methods) },
    );
  }
  return methods[alias](series, options);
}
