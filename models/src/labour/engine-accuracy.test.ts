import { describe, expect, it } from 'vitest';
import { backtest, scoreBacktest } from '../forecast/index';
import type { Series } from '../forecast/types';
import { summariseAccuracy } from './accuracy-summary';
import { cellAccuracy, cellBacktestPlan } from './engine';
import type { Grid } from './projection';
import type { CellAccuracy } from './types';

const series: Series = { values: [50, 52, 55, 54, 58, 61, 60, 64, 66, 69, 71, 70, 74, 77], start: '2010', frequency: 1 };

describe('cellAccuracy: one backtest path', () => {
  it('equals the engine backtest() summarised for the same series', () => {
    const { h, origins } = cellBacktestPlan(series.values.length);
    const rows = backtest(series, 'auto', { h, origins, levels: [80, 95] });
    const s = scoreBacktest(series, rows);
    const naive = scoreBacktest(
      series,
      rows.map((r) => ({ ...r, mean: series.values[r.trainLength - 1]!, intervals: [] })),
    );
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

describe('summariseAccuracy: failures are counted, not swallowed', () => {
  it('counts failed backtests by code and leaves them out of the rows', () => {
    const ok = cellAccuracy(series);
    const failed = cellAccuracy(series, { method: 'no-such-method' });
    const dims = [{ bottom: ['R1'] }, { bottom: ['S1'] }, { bottom: ['Q1'] }];
    const node = (region: string, accuracy: CellAccuracy) => ({ region, sector: 'S1', qualification: 'Q1', accuracy });
    const grid = {
      reconciler: { dims },
      nodes: [node('R1', ok), node('R1', failed), node('R1', failed), node('HIDDEN', failed)],
      hidden: new Set(['HIDDEN']),
    } as unknown as Grid;
    const s = summariseAccuracy([grid]);
    expect(s.failures).toEqual({ total: 2, byCode: { UNKNOWN_METHOD: 2 } });
    expect(s.rows).toHaveLength(1);
    expect(s.rows[0]!.cells).toBe(1);
    expect(s.note).toMatch(/failed for 2 cells \(2 × UNKNOWN_METHOD\)/);
  });
});
