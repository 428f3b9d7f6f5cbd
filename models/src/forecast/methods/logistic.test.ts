import { describe, expect, it } from 'vitest';
import { ForecastError } from '../errors';
import { fitLogistic } from './logistic';

describe('logistic path to a target', () => {
  const series = { values: [1000, 1400, 2000], start: '2022', frequency: 1 as const };

  it('reaches the target level at the target year and stays bounded after it', () => {
    const f = fitLogistic(series, { target: { level: 50000, period: '2030' } }).forecast(12);
    // 2025..2036: the target year 2030 is step 6.
    expect(f.mean[5]).toBeCloseTo(50000, 6);
    f.mean.slice(1).forEach((v, i) => expect(v).toBeGreaterThanOrEqual(f.mean[i]));
    expect(f.mean[11]).toBeLessThan(50000 / 0.95);
    expect(f.mean[0]).toBeGreaterThan(2000);
  });

  it('declines toward a lower target without going below it by more than 5%', () => {
    const f = fitLogistic({ values: [800, 700], start: '2023', frequency: 1 }, { target: { level: 400, period: '2028' } }).forecast(10);
    expect(f.mean[3]).toBeCloseTo(400, 6);
    f.mean.forEach((v) => expect(v).toBeGreaterThan(400 * 0.95 - 1e-9));
  });

  it('has asymmetric, widening intervals', () => {
    const f = fitLogistic(series, { target: { level: 50000, period: '2030' } }).forecast(6);
    const i95 = f.intervals[1];
    expect(i95.upper[0] - f.mean[0]).toBeGreaterThan(f.mean[0] - i95.lower[0]);
    expect(i95.upper[5] - i95.lower[5]).toBeGreaterThan(i95.upper[0] - i95.lower[0]);
  });

  it('rejects a missing, non-positive or past target', () => {
    const code = (options: object) => {
      try {
        fitLogistic(series, options);
      } catch (e) {
        return (e as ForecastError).code;
      }
      return 'no error';
    };
    expect(code({})).toBe('INVALID_OPTION');
    expect(code({ target: { level: -5, period: '2030' } })).toBe('INVALID_OPTION');
    expect(code({ target: { level: 5000, period: '2024' } })).toBe('INVALID_OPTION');
    expect(code({ target: { level: 5000, period: '2030-Q1' } })).toBe('INVALID_OPTION');
  });
});
