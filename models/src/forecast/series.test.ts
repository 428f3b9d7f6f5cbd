import { describe, expect, it } from 'vitest';
import { ForecastError } from './errors';
import { assertHorizon, endPeriod, forecastPeriods, makeSeries, seriesPeriods } from './series';

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as ForecastError).code;
  }
  return 'no error';
};

describe('series', () => {
  it('infers the frequency from the start label and labels every value', () => {
    const s = makeSeries([1, 2, 3], '2024-Q4');
    expect(s.frequency).toBe(4);
    expect(seriesPeriods(s)).toEqual(['2024-Q4', '2025-Q1', '2025-Q2']);
    expect(endPeriod(s)).toBe('2025-Q2');
    expect(forecastPeriods(s, 2)).toEqual(['2025-Q3', '2025-Q4']);
  });

  it('rejects a frequency that contradicts the start, and non-finite values with their position', () => {
    expect(code(() => makeSeries([1, 2], '2024', 4))).toBe('INVALID_PERIOD');
    expect(code(() => makeSeries([1, NaN, 3], '2024'))).toBe('NON_FINITE_VALUE');
    expect(() => makeSeries([1, 2, Infinity], '2024')).toThrow(/Value number 3/);
  });

  it('accepts only whole positive horizons', () => {
    expect(code(() => assertHorizon(0))).toBe('INVALID_HORIZON');
    expect(code(() => assertHorizon(-2))).toBe('INVALID_HORIZON');
    expect(code(() => assertHorizon(2.5))).toBe('INVALID_HORIZON');
    expect(code(() => assertHorizon(Number.NaN))).toBe('INVALID_HORIZON');
    expect(code(() => assertHorizon(3))).toBe('no error');
  });
});
