import { describe, expect, it } from 'vitest';
import { targetPath } from '../../test-fixtures';
import { niceCeil } from '../../adapters/nice';
import { DEFAULT_TARGETS, trainingPlan } from '@lmo/models/labour';
import { targetAxisMax, toAssumptionRows, toCumulativeRows, toTargetRows, toTrainingItemRows } from './to-chart-rows';

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
});

describe('target chart axis', () => {
  it('clips a 95% band that dwarfs the target and the 80% band', () => {
    const rows = [
      {
        period: '2030',
        trend: 2_000,
        target: 2_000,
        trendBand80: [1_000, 4_000] as [number, number],
        trendBand95: [0, 400_000] as [number, number],
        forecast: true,
      },
    ];
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

describe('what the decisions say', () => {
  const chips = DEFAULT_TARGETS.find((s) => s.field === 'semiconductors')!;
  const plan = trainingPlan(chips, 2025)!;

  it('lays the semiconductor training target out by year against its total (hand-computed)', () => {
    const rows = toCumulativeRows(plan);
    expect(rows.map((r) => r.period)).toEqual(['2024', '2025', '2026', '2027', '2028', '2029', '2030']);
    expect(rows[1].needed).toBeCloseTo(14_285.714, 2); // 2/7 of 50,000
    expect(rows[6]).toEqual({ period: '2030', needed: 50_000, target: 50_000 });
  });

  it('lists the total, then the decision’s lines, with the yearly need from now on', () => {
    const rows = toTrainingItemRows(plan, 'en', 'target');
    expect(rows.map((r) => r.id)).toEqual(['total', 'bachelor', 'master', 'phd', 'design', 'fabrication', 'ai', 'lecturers']);
    expect(rows[0]).toMatchObject({ atLeast: 50_000, fromNow: 10_000 });
    expect(rows.find((r) => r.id === 'lecturers')).toMatchObject({ atLeast: 1_300, fromNow: 260, group: 'other' });
  });

  it('draws a hydrogen workforce only from the user’s assumption', () => {
    const h2 = targetPath({
      field: 'hydrogen',
      kind: 'production',
      targetLevel: null,
      targetYear: 2030,
      trendShortfall: null,
      production: { min: 100_000, max: 500_000, unitVi: 'tấn/năm', unitEn: 't/yr', startYear: 2024 },
      exampleWorkersPerKt: 5,
      target: { periods: [], mean: [], intervals: [] },
    });
    const rows = toAssumptionRows(h2, 5);
    expect(rows[0]).toEqual({ period: '2024', low: 0, high: 0 });
    expect(rows.at(-1)).toEqual({ period: '2030', low: 500, high: 2_500 });
    expect(toAssumptionRows(h2, 0).every((r) => r.low === 0 && r.high === 0)).toBe(true);
    expect(toAssumptionRows(targetPath(), 5)).toEqual([]); // no production target, no path
    // No workforce path from the decision: the target line stays empty in the trend chart.
    expect(toTargetRows(h2).every((r) => r.target === undefined)).toBe(true);
  });
});
