import { describe, expect, it } from 'vitest';
import { backtest, scoreBacktest } from '../forecast/index';
import type { Series } from '../forecast/types';
import { cellAccuracy, cellBacktestPlan } from './engine';

const series: Series = { values: [50, 52, 55, 54, 58, 61, 60, 64, 66, 69, 71, 70, 74, 77], start: '2010', frequency: 1 };

describe('cellAccuracy: one backtest path', () => {
  it('equals the engine backtest() summarised for the same series', () => {
    const { h, origins } = cellBacktestPlan(series.values.length);
    const rows = backtest(series, 'auto', { h, origins, levels: [80, 95] });
    const s = scoreBacktest(series, rows);
    const naive = scoreBacktest(series, rows.map((r) => ({ ...r, mean: series.values[r.trainLength - 1]!, intervals: [] })));
    const a = cellAccuracy(series);
    expect(a.origins).toBe(s.origins);
    expect(a.mase).toBe(s.mase);
    expect(a.smape).toBe(s.smape);
    expect(a.coverage80).toBe(s.coverage[80]);
    expect(a.coverage95).toBe(s.coverage[95]);
    expect(a.naiveMase).toBe(naive.mase);
    expect(a.naiveSmape).toBe(naive.smape);
    expect(a.failed).toBeUndefined();
  });

  it('reports an engine error instead of swallowing it', () => {
    const a = cellAccuracy(series, { method: 'no-such-method' });
    expect(a.failed?.code).toBe('UNKNOWN_METHOD');
    expect(a.origins).toBe(0);
    expect(a.mase).toBeNull();
  });

  it('returns empty figures without an error for a history too short to backtest', () => {
    const a = cellAccuracy({ ...series, values: [1, 2, 3] });
    expect(a.origins).toBe(0);
    expect(a.failed).toBeUndefined();
  });
});
