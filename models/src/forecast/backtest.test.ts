import { describe, expect, it } from 'vitest';
import { backtest, backtestCutoffs, backtestSummary, scoreBacktest } from './backtest';
import { ForecastError } from './errors';
import type { Fit, FitFn, Series } from './types';

// Test doubles, independent of the engine: a last-value forecaster with fixed
// ±1 / ±3 intervals, and an exact straight-line forecaster.
const seen: number[] = [];
const lastValue: FitFn = (s) => {
  seen.push(s.values.length);
  const last = s.values[s.values.length - 1]!;
  return fitOf('test-naive', (h) => Array(h).fill(last));
};
const line: FitFn = (s) => {
  const v = s.values;
  const slope = v[v.length - 1]! - v[v.length - 2]!;
  return fitOf('test-line', (h) => Array.from({ length: h }, (_, i) => v[v.length - 1]! + slope * (i + 1)));
};
function fitOf(method: string, points: (h: number) => number[]): Fit {
  return {
    method,
    fitted: [],
    params: {},
    intervalKind: 'analytic',
    models: [{ method, weight: 1 }],
    forecast(h, options) {
      const mean = points(h);
      const levels = options?.levels ?? [80, 95];
      return {
        mean,
        intervals: levels.map((level) => {
          const w = level >= 95 ? 3 : 1;
          return { level, lower: mean.map((x) => x - w), upper: mean.map((x) => x + w) };
        }),
      };
    },
  };
}

const ramp: Series = { values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], start: '2000', frequency: 1 };

describe('backtestCutoffs', () => {
  it('places the last origin h before the end, step apart', () => {
    expect(backtestCutoffs(10, { h: 2, origins: 3 })).toEqual([6, 7, 8]);
    expect(backtestCutoffs(10, { h: 2, origins: 2, step: 3 })).toEqual([5, 8]);
    expect(backtestCutoffs(10, { h: 3, initial: 4, step: 2 })).toEqual([4, 6]);
  });

  it('rejects impossible plans with specific errors', () => {
    expect(() => backtestCutoffs(5, { h: 3, origins: 3 })).toThrow(ForecastError);
    expect(() => backtestCutoffs(5, { h: 3, origins: 3 })).toThrow(/needs more data than the 5 values/);
    expect(() => backtestCutoffs(10, { h: 2, step: 0 })).toThrow(/"step" must be a whole number/);
    expect(() => backtestCutoffs(10, { h: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_HORIZON' }));
  });
});

describe('backtest', () => {
  it('returns one row per origin and step, never fitting on future data', () => {
    seen.length = 0;
    const rows = backtest(ramp, lastValue, { h: 2, origins: 2 });
    expect(seen).toEqual([7, 8]);
    expect(rows.map((r) => [r.cutoff, r.period, r.h, r.actual, r.mean])).toEqual([
      ['2006', '2007', 1, 8, 7],
      ['2006', '2008', 2, 9, 7],
      ['2007', '2008', 1, 9, 8],
      ['2007', '2009', 2, 10, 8],
    ]);
    expect(rows[0]!.intervals).toEqual([
      { level: 80, lower: 6, upper: 8 },
      { level: 95, lower: 4, upper: 10 },
    ]);
  });

  it('labels quarterly cutoffs', () => {
    const q: Series = { values: [1, 2, 3, 4, 5, 6, 7, 8], start: '2020-Q1', frequency: 4 };
    const rows = backtest(q, lastValue, { h: 1, origins: 1, levels: [80] });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ cutoff: '2021-Q3', period: '2021-Q4', actual: 8, mean: 7 });
  });

  it('scores rows: per-origin MASE and sMAPE, pooled coverage', () => {
    const rows = backtest(ramp, lastValue, { h: 2, origins: 2 });
    const s = scoreBacktest(ramp, rows);
    // Errors are 1 and 2 at both origins; the naive scale of a unit ramp is 1.
    expect(s.mase).toBeCloseTo(1.5, 12);
    const smape7 = (200 / 15 + 400 / 16) / 2; // actual 8, 9 vs 7
    const smape8 = (200 / 17 + 400 / 18) / 2; // actual 9, 10 vs 8
    expect(s.smape).toBeCloseTo((smape7 + smape8) / 2, 12);
    // ±1 covers only the 1-step errors; ±3 covers all.
    expect(s.coverage[80]).toBe(0.5);
    expect(s.coverage[95]).toBe(1);
    expect(s.origins).toBe(2);
  });
});

describe('backtestSummary', () => {
  it('compares the method with naive on the last origins', () => {
    const sum = backtestSummary(ramp, line, 10);
    // h is capped at ⌊10/4⌋ = 2 so that 3 origins fit.
    expect(sum.h).toBe(2);
    expect(sum.origins).toBe(3);
    expect(sum.mase).toBe(0);
    expect(sum.smape).toBe(0);
    expect(sum.coverage80).toBe(1);
    expect(sum.naiveMase).toBeCloseTo(1.5, 12);
    expect(sum.naiveSmape).toBeGreaterThan(0);
  });

  it('skips origins the method cannot fit and reports 0 origins when none fit', () => {
    const picky: FitFn = (s) => {
      if (s.values.length < 8) throw new ForecastError('NOT_ENOUGH_DATA', 'needs 8');
      return line(s);
    };
    expect(backtestSummary(ramp, picky, 2).origins).toBe(1);
    expect(backtestSummary(ramp, line, 2, { origins: 1 }).origins).toBe(1);
    expect(() => backtestSummary(ramp, line, 2, { origins: 0 })).toThrow(/"origins" must be a whole number/);
    const none = backtestSummary({ ...ramp, values: [1, 2, 3] }, picky, 2);
    expect(none.origins).toBe(0);
    expect(none.mase).toBeNaN();
  });

  it('lets other errors through', () => {
    const broken: FitFn = () => {
      throw new ForecastError('NEGATIVE_VALUE', 'no');
    };
    expect(() => backtestSummary(ramp, broken, 2)).toThrow(/no/);
  });
});

describe('aliases', () => {
  it('resolves registry aliases and rejects unknown ones', () => {
    const byAlias = backtest(ramp, 'naive', { h: 2, origins: 2, levels: [80] });
    expect(byAlias.map((r) => r.mean)).toEqual([7, 7, 8, 8]);
    expect(() => backtest(ramp, 'crystal-ball', { h: 1 })).toThrow(expect.objectContaining({ code: 'UNKNOWN_METHOD' }));
  });

  it('summarises auto against naive on a noisy trend', () => {
    const values = Array.from({ length: 24 }, (_, i) => 100 + 5 * i + (i % 3 === 0 ? 2 : -1));
    const sum = backtestSummary({ values, start: '2000', frequency: 1 }, 'auto', 5);
    expect(sum.origins).toBe(3);
    expect(sum.h).toBe(5);
    // A trending series: naive lags behind, a trend-aware auto should not.
    expect(sum.mase).toBeLessThan(sum.naiveMase);
    expect(sum.coverage95).toBeGreaterThanOrEqual(sum.coverage80);
  });
});
