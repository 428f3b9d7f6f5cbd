import { ForecastError } from './errors';
import { addPeriods, formatPeriod, frequencyName, parsePeriod, periodRange } from './periods';
import type { Frequency, Series } from './types';

/**
 * Build a validated series. The frequency is read from the start label
 * (`2024` yearly, `2024-Q3` quarterly, `2024-07` monthly) unless given, and
 * must then agree with it.
 * @throws ForecastError INVALID_PERIOD, NON_FINITE_VALUE
 */
export function makeSeries(values: readonly number[], start: string, frequency?: Frequency): Series {
  const p = parsePeriod(start);
  if (frequency !== undefined && frequency !== p.frequency) {
    throw new ForecastError(
      'INVALID_PERIOD',
      `The start period "${start}" is ${frequencyName(p.frequency)} but the series was declared ${frequencyName(frequency)}.`,
      { start, frequency },
    );
  }
  const series: Series = { values: [...values], start: formatPeriod(p), frequency: p.frequency };
  assertFinite(series.values);
  return series;
}

/** Period labels of every observation. */
export function seriesPeriods(series: Series): string[] {
  return periodRange(series.start, series.values.length);
}

/** Label of the last observation. */
export function endPeriod(series: Series): string {
  return addPeriods(series.start, series.values.length - 1);
}

/** Labels of the `h` periods after the series ends. */
export function forecastPeriods(series: Series, h: number): string[] {
  return periodRange(addPeriods(series.start, series.values.length), h);
}

/** @throws ForecastError NON_FINITE_VALUE naming the first bad position (1-based). */
export function assertFinite(values: readonly number[]): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new ForecastError('NON_FINITE_VALUE', `Value number ${i + 1} is ${String(v)}; every value must be a finite number (fill or remove gaps first).`, {
        index: i,
        value: String(v),
      });
    }
  }
}

/** @throws ForecastError NOT_ENOUGH_DATA saying how many values the method needs. */
export function assertLength(values: readonly number[], min: number, method: string): void {
  if (values.length < min) {
    throw new ForecastError('NOT_ENOUGH_DATA', `The ${method} method needs at least ${min} values, but the series has ${values.length}.`, {
      method,
      needed: min,
      length: values.length,
    });
  }
}

/** @throws ForecastError NEGATIVE_VALUE when a value is not strictly positive. */
export function assertPositive(values: readonly number[], method: string): void {
  for (let i = 0; i < values.length; i++) {
    if (!(values[i] > 0)) {
      throw new ForecastError(
        'NEGATIVE_VALUE',
        `The ${method} method works on logarithms and needs values above zero, but value number ${i + 1} is ${values[i]}.`,
        { method, index: i, value: values[i] },
      );
    }
  }
}

/** @throws ForecastError INVALID_HORIZON unless h is a whole number ≥ 1. */
export function assertHorizon(h: number): void {
  if (!Number.isInteger(h) || h < 1) {
    throw new ForecastError('INVALID_HORIZON', `The forecast horizon must be a whole number of periods, at least 1; got ${String(h)}.`, { h });
  }
}

/** Validate a series for a method: finite values and a minimum length. */
export function checkSeries(series: Series, min: number, method: string): number[] {
  assertFinite(series.values);
  assertLength(series.values, min, method);
  return series.values;
}
