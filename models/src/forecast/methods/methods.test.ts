import { describe, expect, it } from 'vitest';
import { ForecastError } from '../errors';
import { fitMethod } from '../method-table';
import type { Series } from '../types';

const yearly = (values: number[]): Series => ({ values, start: '2010', frequency: 1 });
const line = yearly(Array.from({ length: 12 }, (_, t) => 50 + 3 * t));
const flat = yearly(Array.from({ length: 12 }, () => 42));

/** Deterministic pseudo-random numbers (LCG), so tests never depend on Math.random. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (1664525 * s + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('exact cases', () => {
  it.each(['linear', 'drift', 'holt'])('%s extends a straight line exactly', (method) => {
    const f = fitMethod(method, line).forecast(4);
    expect(f.mean).toHaveLength(4);
    f.mean.forEach((v, i) => expect(v).toBeCloseTo(50 + 3 * (12 + i), 6));
  });

  it.each(['naive', 'snaive', 'drift', 'linear', 'loglinear', 'ses', 'holt', 'damped', 'theta', 'auto'])(
    '%s gives a flat forecast for a constant series',
    (method) => {
      const f = fitMethod(method, flat).forecast(5);
      f.mean.forEach((v) => expect(v).toBeCloseTo(42, 6));
    },
  );

  it('naive repeats the last value', () => {
    const f = fitMethod('naive', yearly([3, 9, 4, 7])).forecast(3);
    expect(f.mean).toEqual([7, 7, 7]);
  });

  it('seasonal naive repeats the last season', () => {
    const s: Series = { values: [1, 2, 3, 4, 10, 20, 30, 40], start: '2020-Q1', frequency: 4 };
    expect(fitMethod('snaive', s).forecast(6).mean).toEqual([10, 20, 30, 40, 10, 20]);
  });

  it('log-linear follows constant growth', () => {
    const g = yearly(Array.from({ length: 10 }, (_, t) => 100 * 1.05 ** t));
    const fit = fitMethod('loglinear', g);
    expect(fit.params.growth).toBeCloseTo(0.05, 8);
    expect(fit.forecast(1).mean[0]).toBeCloseTo(100 * 1.05 ** 10, 6);
  });

  it('damped trend flattens: its step shrinks with the horizon', () => {
    const f = fitMethod('damped', line).forecast(10).mean;
    const steps = f.slice(1).map((v, i) => v - f[i]);
    expect(steps[steps.length - 1]).toBeLessThanOrEqual(steps[0] + 1e-9);
  });
});

describe('noisy trend', () => {
  const rand = rng(7);
  const values = Array.from({ length: 30 }, (_, t) => 200 + 5 * t + (rand() - 0.5) * 8);
  const s = yearly(values);
  it.each(['linear', 'holt', 'theta', 'drift', 'auto'])('%s recovers the slope within tolerance', (method) => {
    const f = fitMethod(method, s).forecast(5).mean;
    const truth = Array.from({ length: 5 }, (_, i) => 200 + 5 * (30 + i));
    f.forEach((v, i) => expect(Math.abs(v - truth[i])).toBeLessThan(method === 'theta' || method === 'auto' ? 20 : 12));
  });

  it('linear recovers the slope parameter', () => {
    expect(fitMethod('linear', s).params.slope).toBeCloseTo(5, 0);
  });
});

describe('intervals', () => {
  const rand = rng(11);
  const s = yearly(Array.from({ length: 20 }, (_, t) => 100 + 2 * t + (rand() - 0.5) * 10));
  it.each(['naive', 'snaive', 'drift', 'linear', 'loglinear', 'ses', 'holt', 'damped', 'theta', 'auto'])(
    '%s: intervals widen with h and 95 contains 80',
    (method) => {
      const f = fitMethod(method, s).forecast(8, { levels: [80, 95] });
      const [i80, i95] = f.intervals;
      expect(i80.level).toBe(80);
      expect(i95.level).toBe(95);
      for (let h = 0; h < 8; h++) {
        expect(i95.lower[h]).toBeLessThanOrEqual(i80.lower[h]);
        expect(i95.upper[h]).toBeGreaterThanOrEqual(i80.upper[h]);
        expect(i80.lower[h]).toBeLessThanOrEqual(f.mean[h]);
        expect(i80.upper[h]).toBeGreaterThanOrEqual(f.mean[h]);
        if (h > 0) {
          expect(i95.upper[h] - i95.lower[h]).toBeGreaterThanOrEqual(i95.upper[h - 1] - i95.lower[h - 1] - 1e-9);
        }
      }
      expect(i95.upper[7] - i95.lower[7]).toBeGreaterThan(0);
    },
  );

  it('keeps the order of levels the caller asked for and accepts any level', () => {
    const f = fitMethod('ses', s).forecast(2, { levels: [95, 50, 99] });
    expect(f.intervals.map((i) => i.level)).toEqual([95, 50, 99]);
    expect(f.intervals[2].upper[0]).toBeGreaterThan(f.intervals[0].upper[0]);
  });

  it('never forecasts below zero for a series that cannot be negative', () => {
    const falling = yearly([100, 80, 60, 40, 20, 10]);
    const f = fitMethod('linear', falling).forecast(5);
    f.mean.forEach((v) => expect(v).toBeGreaterThanOrEqual(0));
    f.intervals.forEach((iv) => iv.lower.forEach((v) => expect(v).toBeGreaterThanOrEqual(0)));
  });
});

describe('errors', () => {
  const code = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(ForecastError);
      return (e as ForecastError).code;
    }
    return 'no error';
  };
  it('NOT_ENOUGH_DATA says how many values are needed', () => {
    expect(code(() => fitMethod('damped', yearly([1, 2, 3])))).toBe('NOT_ENOUGH_DATA');
    expect(() => fitMethod('damped', yearly([1, 2, 3]))).toThrow(/at least 5 values, but the series has 3/);
    expect(code(() => fitMethod('auto', yearly([1, 2])))).toBe('NOT_ENOUGH_DATA');
    expect(code(() => fitMethod('snaive', { values: [1, 2, 3, 4], start: '2020-Q1', frequency: 4 }))).toBe('NOT_ENOUGH_DATA');
  });
  it('NON_FINITE_VALUE for NaN and Infinity', () => {
    expect(code(() => fitMethod('ses', yearly([1, 2, NaN, 4])))).toBe('NON_FINITE_VALUE');
    expect(code(() => fitMethod('auto', yearly([1, 2, 3, Infinity])))).toBe('NON_FINITE_VALUE');
  });
  it('NEGATIVE_VALUE where logarithms are needed', () => {
    expect(code(() => fitMethod('loglinear', yearly([5, 4, 0, 2])))).toBe('NEGATIVE_VALUE');
    expect(code(() => fitMethod('loglinear', yearly([5, -4, 3, 2])))).toBe('NEGATIVE_VALUE');
  });
  it('INVALID_HORIZON for zero, negative and fractional horizons', () => {
    const fit = fitMethod('naive', yearly([1, 2, 3]));
    expect(code(() => fit.forecast(0))).toBe('INVALID_HORIZON');
    expect(code(() => fit.forecast(-1))).toBe('INVALID_HORIZON');
    expect(code(() => fit.forecast(1.5))).toBe('INVALID_HORIZON');
  });
  it('UNKNOWN_METHOD lists the known ones', () => {
    expect(code(() => fitMethod('arima', flat))).toBe('UNKNOWN_METHOD');
    expect(() => fitMethod('toString', flat)).toThrow(/naive, snaive/);
  });
  it('INVALID_OPTION for a level outside (0, 100)', () => {
    const fit = fitMethod('naive', yearly([1, 2, 3]));
    expect(code(() => fit.forecast(2, { levels: [100] }))).toBe('INVALID_OPTION');
    expect(code(() => fit.forecast(2, { levels: [0] }))).toBe('INVALID_OPTION');
  });
});
