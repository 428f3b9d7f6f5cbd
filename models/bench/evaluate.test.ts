import { describe, expect, it } from 'vitest';
import type { BenchSeries, DatasetInfo } from './datasets';
import { runMethods, scoreRun } from './evaluate';

// Two tiny synthetic "competition" series; no ../shared needed.
const data: BenchSeries[] = [
  { id: 'A', train: { values: [1, 3, 2, 6], start: '2000', frequency: 1 }, test: [10, 20, 30], horizon: 3 },
  { id: 'B', train: { values: [10, 10, 12, 12], start: '2000', frequency: 1 }, test: [12, 12, 12], horizon: 3 },
];
const m3: DatasetInfo = { name: 'test', dir: '', referenceFile: '', scaleOver: 'train' };

describe('bench scoring', () => {
  it('averages per-series sMAPE and MASE and pools coverage over points', () => {
    const runs = runMethods(data, {
      flat: (s) => {
        const mean = Array<number>(s.horizon).fill(12);
        return { mean, intervals: [80, 95].map((level) => ({ level, lower: mean.map((x) => x - 1), upper: mean.map((x) => x + (level === 95 ? 20 : 1)) })) };
      },
    });
    const s = scoreRun(m3, data, runs[0]!.forecasts, runs[0]);
    // A: |errors| 2, 8, 18 over scale 7/3; B: perfect.
    expect(s.mase).toBeCloseTo((28 / 3 / (7 / 3) + 0) / 2, 12);
    const smapeA = ((200 * 2) / 22 + (200 * 8) / 32 + (200 * 18) / 42) / 3;
    expect(s.smape).toBeCloseTo(smapeA / 2, 12);
    // 80 %: A covers none (10 < 11, 20, 30 > 13), B covers 3 → 3/6. 95 %: upper 32 → A covers 20 and 30 too.
    expect(s.coverage80).toBeCloseTo(3 / 6, 12);
    expect(s.coverage95).toBeCloseTo(5 / 6, 12);
    expect(s.failures).toBe(0);
  });

  it('counts failures and scores them with a last-value fallback', () => {
    const runs = runMethods(data, {
      picky: (s) => {
        if (s.id === 'A') throw new Error('no');
        return { mean: [12, 12, 12], intervals: [] };
      },
    });
    expect(runs[0]!.failures).toBe(1);
    expect(runs[0]!.firstError).toBe('A: no');
    expect(runs[0]!.forecasts.get('A')!.mean).toEqual([6, 6, 6]);
  });

  it('uses the train+test scale when asked', () => {
    const tourism = { ...m3, scaleOver: 'train+test' as const };
    const s = scoreRun(tourism, [data[0]!], new Map([['A', [12, 18, 33]]]));
    expect(s.mase).toBeCloseTo(14 / 31, 12);
    expect(s.coverage80).toBeNaN();
  });
});
