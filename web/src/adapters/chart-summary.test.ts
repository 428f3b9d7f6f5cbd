import { describe, expect, it } from 'vitest';
import { forecastSummary, imbalanceSummary } from './chart-summary';

const t = (key: string, o: Record<string, unknown> = {}) =>
  ({
    'chart.summarySeries': `${o.label}: ${o.actual}, ${o.forecast}`,
    'chart.summaryActual': `${o.value} in ${o.period}`,
    'chart.summaryForecast': `forecast ${o.value} in ${o.period}`,
    'chart.summaryShortage': `largest shortage ${o.label} ${o.value}`,
    'chart.summarySurplus': `largest surplus ${o.label} ${o.value}`,
  })[key] ?? key;

describe('chart summaries', () => {
  it('names the last observed and the last forecast value of each series', () => {
    const rows = [
      { period: '2024', forecast: false, lf_actual: 52.9 },
      { period: '2025', forecast: false, lf_actual: 53.5 },
      { period: '2035', forecast: true, lf_mean: 56.1 },
    ];
    expect(
      forecastSummary(
        rows,
        [
          { key: 'lf', label: 'Labour force' },
          { key: 'none', label: 'Missing' },
        ],
        (v) => `${v} m`,
        t,
      ),
    ).toBe('Labour force: 53.5 m in 2025, forecast 56.1 m in 2035');
  });
  it('names the largest shortage and surplus', () => {
    expect(
      imbalanceSummary(
        [
          { label: 'A', imbalance: -5 },
          { label: 'B', imbalance: -9 },
          { label: 'C', imbalance: 4 },
        ],
        String,
        t,
      ),
    ).toBe('largest shortage B -9; largest surplus C 4');
  });
});
