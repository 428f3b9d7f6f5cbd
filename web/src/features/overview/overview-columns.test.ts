import { describe, expect, it } from 'vitest';
import i18n from 'i18next';
import '../../i18n/index';
import { forecastRows, mergeForecastRows, readForecast } from '../../adapters/forecast-columns';
import { forecastResponse } from '../../test-fixtures';
import { systemColumns } from './overview-columns';

describe('national system columns', () => {
  const t = i18n.getFixedT('en');
  const series = [
    { key: 'employment', label: 'Employment', color: '#000' },
    { key: 'unemploymentRate', label: 'Rate', color: '#111', axis: 'right' as const },
  ];
  const rate = forecastResponse({ unit: 'percent', history: [{ period: '2025', value: 2.2, status: 'official', source: 'GSO' }] });
  const rows = mergeForecastRows([
    { key: 'employment', rows: forecastRows(readForecast(forecastResponse())) },
    { key: 'unemploymentRate', rows: forecastRows(readForecast(rate)) },
  ]).map((r) => (r.forecast ? { ...r, demand: 60_000_000 } : r));
  const columns = systemColumns(series, [{ key: 'demand', label: 'Demand', color: '#222' }], t, 'en');

  it('lists per series the observed value, the projection and the 95 % band, then the demand line', () => {
    expect(columns.map((c) => c.key)).toEqual([
      'period',
      'employment_actual',
      'employment_mean',
      'employment_lo95',
      'employment_hi95',
      'unemploymentRate_actual',
      'unemploymentRate_mean',
      'unemploymentRate_lo95',
      'unemploymentRate_hi95',
      'demand',
    ]);
    expect(columns[1]!.label).toBe('Employment — observed');
    expect(columns[8]!.label).toBe('Rate — 95% upper');
  });

  it('formats each series in its own unit and leaves projections blank in observed years', () => {
    const row2025 = rows.find((r) => r.period === '2025')!;
    const row2026 = rows.find((r) => r.period === '2026')!;
    const cells = (r: typeof row2025) => columns.map((c) => c.format?.(r) ?? c.value(r));
    expect(cells(row2025)).toEqual(['2025', '52,400,000', '–', '–', '–', '2.2%', '–', '–', '–', '–']);
    expect(cells(row2026).slice(2, 4)).toEqual(['52,900,000', '52,400,000']);
    expect(cells(row2026).at(-1)).toBe('60,000,000');
  });
});
