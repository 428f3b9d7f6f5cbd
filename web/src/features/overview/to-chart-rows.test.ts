import { describe, expect, it } from 'vitest';
import type { SeriesResponse } from '../../api/types';
import { forecastResponse, gapRow, meta, seriesResponse } from '../../test-fixtures';
import { makeNamer } from '../meta/names';
import { toKpi, toSystemRows, toTopImbalanceRows } from './to-chart-rows';

describe('overview adapters', () => {
  it('reads the columnar /api/series into the latest value and its change', () => {
    const kpi = toKpi({
      periods: ['2024', '2025', '2023'],
      values: [52.9e6, 53.5e6, 52.4e6],
      status: ['official', 'official', 'official'],
      source: ['GSO 2024', 'GSO 2025', 'GSO 2023'],
    });
    expect(kpi.latest).toEqual({ period: '2025', value: 53.5e6, status: 'official', source: 'GSO 2025' });
    expect(kpi.previous?.period).toBe('2024');
    expect(kpi.change).toBeCloseTo(0.6e6);
  });
  it('compares a value with the previous value of the same frequency', () => {
    const series = (periods: string[], values: number[]) => ({
      indicator: 'labour_force',
      periods,
      values,
      status: periods.map(() => 'official'),
      source: periods.map((p) => `GSO ${p}`),
    });
    const annual = toKpi(series(['2023', '2024', '2024-Q2', '2024-Q3', '2025'], [52.4e6, 52.9e6, 52.8e6, 52.7e6, 53.5e6]));
    expect(annual.latest?.period).toBe('2025');
    expect(annual.previous?.period).toBe('2024');
    expect(annual.change).toBeCloseTo(0.6e6);
    const quarterly = toKpi(series(['2024', '2024-Q2', '2024-Q3'], [52.9e6, 52.8e6, 52.7e6]));
    expect(quarterly.previous?.period).toBe('2024-Q2');
    expect(quarterly.change).toBeCloseTo(-0.1e6);
    expect(toKpi(series(['2024-Q3', '2025'], [1, 2])).previous).toBeUndefined();
  });
  it('reads a typed /api/series answer, skipping a value served as null (JSON has no NaN)', () => {
    const served: SeriesResponse = JSON.parse(JSON.stringify(seriesResponse(['2023', '2024', '2025'], [52.4e6, 52.9e6, Number.NaN])));
    const kpi = toKpi(served);
    expect(kpi.points.map((p) => p.period)).toEqual(['2023', '2024']);
    expect(kpi.latest).toEqual({ period: '2024', value: 52.9e6, status: 'official', source: 'GSO 2024' });
    expect(kpi.change).toBeCloseTo(0.5e6);
  });
  it('has no latest value for an empty series', () => {
    expect(toKpi({ periods: [], values: [], status: [], source: [] }).latest).toBeUndefined();
  });
  it('merges labour force, employment and the unemployment rate on a real year axis', () => {
    const employment = forecastResponse();
    const labourForce = forecastResponse({
      indicator: 'labour_force',
      history: [{ period: '2025', value: 53.5e6, status: 'official', source: 'GSO' }],
      forecast: { periods: ['2026', '2027'], mean: [54e6, 54.5e6], intervals: [{ level: 80, lower: [53.8e6, 54e6], upper: [54.2e6, 55e6] }] },
    });
    const unemploymentRate = forecastResponse({
      indicator: 'unemployment_rate',
      unit: 'percent',
      history: [{ period: '2025', value: 2.2, status: 'official', source: 'GSO' }],
      forecast: { periods: ['2026', '2027'], mean: [2.1, 2.0], intervals: [] },
    });
    const rows = toSystemRows({ labourForce, employment, unemploymentRate });
    expect(rows.map((r) => r.period)).toEqual(['2023', '2024', '2025', '2026', '2027']);
    expect(rows.map((r) => r.year)).toEqual([2023, 2024, 2025, 2026, 2027]);
    expect(rows[2]).toMatchObject({ employment_actual: 52.4e6, labourForce_actual: 53.5e6, unemploymentRate_actual: 2.2, forecast: false });
    expect(rows[4]).toMatchObject({
      employment_mean: 53.3e6,
      labourForce_mean: 54.5e6,
      labourForce_band80: [54e6, 55e6],
      unemploymentRate_mean: 2.0,
      forecast: true,
    });
    expect(rows[4].labourForce_band95).toBeUndefined();
  });
  it('adds the labour demand before the supply limit, joined to the last observed employment', () => {
    const employment = { ...forecastResponse(), demand: [53.5e6, 54.1e6] };
    const rows = toSystemRows({ employment });
    const last = rows.find((r) => r.period === '2025')!;
    expect(last.demand).toBe(last.employment_actual);
    expect(rows.find((r) => r.period === '2026')!.demand).toBe(53.5e6);
    expect(rows.find((r) => r.period === '2027')!.demand).toBe(54.1e6);
    expect(rows.find((r) => r.period === '2024')!.demand).toBeUndefined();
    // Without `demand` the rows carry no demand line.
    expect(toSystemRows({ employment: forecastResponse() }).some((r) => 'demand' in r)).toBe(false);
  });
  it('picks the largest shortages then surpluses among detailed cells', () => {
    const names = makeNamer(meta, 'en');
    const rows = [
      gapRow({ sector: 'C', qualification: 'college', imbalance: -900, flag: 'shortage' }),
      gapRow({ sector: 'C', qualification: 'university', imbalance: -100, flag: 'shortage' }),
      gapRow({ sector: 'F', qualification: 'college', imbalance: 500, flag: 'surplus' }),
      gapRow({ sector: 'G', qualification: 'college', imbalance: 50, flag: 'surplus' }),
      gapRow({ sector: 'TOTAL', qualification: 'college', imbalance: -5000 }),
      gapRow({ sector: 'C', qualification: 'ALL', imbalance: -5000 }),
    ];
    const bars = toTopImbalanceRows(rows, 1, names);
    expect(bars.map((b) => b.key)).toEqual(['C|college', 'F|college']);
    expect(bars[0].label).toBe('Manufacturing · College');
    expect(toTopImbalanceRows(rows, 5, names).map((b) => b.imbalance)).toEqual([-900, -100, 50, 500]);
    expect(toTopImbalanceRows(rows, 5, names, new Set(['C'])).map((b) => b.key)).toEqual(['C|college', 'C|university']);
    // Too-small cells are never among the largest.
    expect(
      toTopImbalanceRows([...rows, gapRow({ sector: 'H', qualification: 'college', imbalance: -9_000, flag: 'too-small', rank: null })], 1, names).map(
        (b) => b.key,
      ),
    ).toEqual(['C|college', 'F|college']);
  });
});
