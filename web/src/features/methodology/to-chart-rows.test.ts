import { describe, expect, it } from 'vitest';
import type { AccuracyResponse } from '../../api/types';
import { accuracySummary, toAccuracyRows, toTierRows } from './to-chart-rows';

type Series = AccuracyResponse['series'][number];
const series = (indicator: string, accuracy: Series['accuracy'], methods = ['holt', 'theta']): Series => ({ indicator, sector: 'TOTAL', methods, accuracy });

describe('accuracy adapter', () => {
  const a = series('employment', { mase: 0.5, smape: 1, coverage80: 0.8, coverage95: 1, naiveMase: 1, naiveSmape: 2, origins: 5 });
  const b = series('labour_force', { mase: 1.5, smape: 3, coverage80: 0.6, coverage95: 0.9, naiveMase: 1, naiveSmape: 2, origins: 5 });
  const short = series('unemployment_rate', { mase: null, smape: null, coverage80: null, coverage95: null, naiveMase: null, naiveSmape: null, origins: 0 });

  it('keeps series with a backtest and computes relative MASE', () => {
    const rows = toAccuracyRows([a, b, short], (s) => s.indicator);
    expect(rows.map((r) => r.label)).toEqual(['employment', 'labour_force']);
    expect(rows[0]!.relative).toBeCloseTo(0.5);
    expect(rows[0]!.method).toBe('holt + theta');
  });
  it('has no rows before the answer', () => {
    expect(toAccuracyRows(undefined, (s) => s.indicator)).toEqual([]);
  });
  it('keys the stored tiers by level of detail', () => {
    const tiers: AccuracyResponse['tiers'] = {
      rows: [{ tier: 'detailed', cells: 10, mase: 1, naiveMase: 1.2, smape: 5, coverage80: 0.8, coverage95: 0.95, shareBeatingNaive: 0.6 }],
      note: '',
      failures: { total: 0, byCode: {} },
    };
    expect(toTierRows(tiers)).toEqual([{ ...tiers.rows[0], key: 'detailed' }]);
    expect(toTierRows(null)).toEqual([]);
  });
});

describe('accuracy summary', () => {
  const means = { series: 4, meanMase: 0.8, meanNaiveMase: 1.1, wins: 3, coverage80: 0.75, coverage95: 0.9 };
  it('gives the headline figures once a series was backtested, and none before', () => {
    expect(accuracySummary(means)).toMatchObject({ meanMase: 0.8, meanNaiveMase: 1.1, wins: 3 });
    expect(accuracySummary({ ...means, series: 0 })).toBeNull();
    expect(accuracySummary({ ...means, meanMase: null })).toBeNull();
    expect(accuracySummary(undefined)).toBeNull();
  });
});
