import { describe, expect, it } from 'vitest';
import { targetPath } from '../../test-fixtures';
import { makeNamer } from '../meta/names';
import { toGraduateRows, toTargetRows } from './to-chart-rows';

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
      { level: 'college', label: 'college', needed: 1_000, current: 800, gap: 200 },
      { level: 'university', label: 'university', needed: 8_000, current: 3_000, gap: 5_000 },
    ]);
  });
});
