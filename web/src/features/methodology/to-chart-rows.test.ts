import { describe, expect, it } from 'vitest';
import { forecastResponse } from '../../test-fixtures';
import { summariseAccuracy, toAccuracyRows } from './to-chart-rows';

describe('accuracy adapter', () => {
  const a = forecastResponse({ indicator: 'employment', accuracy: { mase: 0.5, smape: 1, coverage80: 0.8, coverage95: 1, naiveMase: 1, naiveSmape: 2, origins: 5 } });
  const b = forecastResponse({ indicator: 'labour_force', accuracy: { mase: 1.5, smape: 3, coverage80: 0.6, coverage95: 0.9, naiveMase: 1, naiveSmape: 2, origins: 5 } });
  const short = forecastResponse({ indicator: 'unemployment_rate', accuracy: { mase: null, smape: null, coverage80: null, coverage95: null, naiveMase: null, naiveSmape: null, origins: 0 } });

  it('keeps series with a backtest and computes relative MASE', () => {
    const rows = toAccuracyRows([a, b, short, undefined], (f) => f.indicator);
    expect(rows.map((r) => r.label)).toEqual(['employment', 'labour_force']);
    expect(rows[0].relative).toBeCloseTo(0.5);
    expect(rows[0].method).toBe('holt + theta');
  });
  it('summarises engine against naive', () => {
    const s = summariseAccuracy(toAccuracyRows([a, b], (f) => f.indicator))!;
    expect(s.series).toBe(2);
    expect(s.meanMase).toBeCloseTo(1);
    expect(s.meanNaiveMase).toBeCloseTo(1);
    expect(s.wins).toBe(1);
    expect(s.coverage80).toBeCloseTo(0.7);
  });
  it('has no summary without rows', () => {
    expect(summariseAccuracy([])).toBeNull();
  });
});
