import { describe, expect, it } from 'vitest';
import { targetPath } from '../../test-fixtures';
import { makeNamer } from '../meta/names';
import { niceCeil } from '../../adapters/nice';
import { targetAxisMax, toGraduateRows, toTargetRows } from './to-chart-rows';

describe('new-field adapters', () => {
  it('starts the trend and the target path at the latest observation', () => {
    const rows = toTargetRows(targetPath());
    expect(rows.map((r) => r.period)).toEqual(['2025', '2026', '2027']);
    expect(rows[0]).toMatchObject({ actual: 10_000, trend: 10_000, target: 10_000, forecast: false });
    expect(rows[2]).toMatchObject({ trend: 12_000, target: 22_000, trendBand80: [11_000, 13_000], forecast: true });
    expect(rows[2].trendBand95).toBeUndefined();
  });
  it('adds observed history from the field forecast', () => {
    const rows = toTargetRows(targetPath(), {
      unit: 'persons',
      history: [
        { period: '2024', value: 9_000, status: 'modelled', source: 's' },
        { period: '2025', value: 10_000, status: 'modelled', source: 's' },
      ],
      forecast: { periods: [], mean: [], intervals: [] },
    });
    expect(rows[0]).toMatchObject({ period: '2024', actual: 9_000, forecast: false });
  });
  it('lists graduates needed vs current by level, lowest level first', () => {
    const rows = toGraduateRows(targetPath(), makeNamer(undefined, 'en'));
    expect(rows).toEqual([
      { level: 'college', label: 'college', short: 'college', needed: 1_000, current: 800, gap: 200 },
      { level: 'university', label: 'university', short: 'university', needed: 8_000, current: 3_000, gap: 5_000 },
    ]);
  });
});

describe('target chart axis', () => {
  it('clips a 95% band that dwarfs the target and the 80% band', () => {
    const rows = [{ period: '2030', trend: 2_000, target: 2_000, trendBand80: [1_000, 4_000] as [number, number], trendBand95: [0, 400_000] as [number, number], forecast: true }];
    expect(targetAxisMax(rows, 2_000)).toEqual({ max: 5_000, clipped: true });
    expect(niceCeil(70_800)).toBe(80_000);
    expect(niceCeil(4_600)).toBe(5_000);
    expect(niceCeil(2_100)).toBe(2_500);
  });
  it('keeps the whole band when it fits', () => {
    const rows = [{ period: '2030', trend: 40_000, target: 50_000, trendBand95: [30_000, 55_000] as [number, number], forecast: true }];
    expect(targetAxisMax(rows, 50_000)).toEqual({ max: 60_000, clipped: false });
  });
});
