/**
 * Every stand-alone method by alias, `auto` included. Apart from registry.ts because `auto` reads
 * its candidates from the registry: the registry must not import `auto` back (no import cycle).
 */
import { fitAuto } from './auto';
import { ForecastError } from './errors';
import { REGISTRY, type MethodEntry } from './registry';
import type { Fit, FitFn, FitOptions, Series } from './types';

type Entries = typeof REGISTRY;
type WithFit = { [K in keyof Entries]: Entries[K] extends { fit: FitFn } ? K : never }[keyof Entries];

/** Alias of a stand-alone method (api and UI). */
export type MethodAlias = WithFit | 'auto';

/** Every stand-alone forecasting method, keyed by the alias used in the api and the UI. */
export const methods = {
  ...(Object.fromEntries(
    Object.entries(REGISTRY as Record<string, MethodEntry>)
      .filter(([, e]) => e.fit)
      .map(([k, e]) => [k, e.fit!]),
  ) as Record<WithFit, FitFn>),
  auto: ((series, options) => fitAuto(series, options)) as FitFn,
};

/** True when `alias` names a registered stand-alone method. */
export function isMethod(alias: string): alias is MethodAlias {
  return Object.prototype.hasOwnProperty.call(methods, alias);
}

/**
 * Fit the method registered under `alias`.
 * @throws ForecastError UNKNOWN_METHOD listing the known aliases.
 */
export function fitMethod(alias: string, series: Series, options?: FitOptions): Fit {
  if (!isMethod(alias)) {
    throw new ForecastError('UNKNOWN_METHOD', `There is no forecasting method called "${alias}". Choose one of: ${Object.keys(methods).join(', ')}.`, {
      method: alias,
      known: Object.keys(methods),
    });
  }
  return methods[alias](series, options);
}
