import { describe, expect, it } from 'vitest';
import { forecastResponse, gapRow } from '../../test-fixtures';
import { largestChanges, toGapCompareRows, toSystemCompareRows } from './compare-rows';

const forecast = (mean: number[]) => forecastResponse({ forecast: { periods: ['2026', '2027'], mean, intervals: [] } });

describe('compare adapter', () => {
  it('sets the national system of B against A by forecast year, the rate difference in points', () => {
    const rows = toSystemCompareRows(
      { employment: forecast([52_000_000, 53_000_000]), labourForce: forecast([54_000_000, 55_000_000]), unemploymentRate: forecast([2.2, 2.3]) },
      { employment: forecast([52_100_000, 53_300_000]), labourForce: forecast([54_000_000, 55_100_000]), unemploymentRate: forecast([2.1, 2.0]) },
    );
    expect(rows.map((r) => r.period)).toEqual(['2026', '2027']);
    expect(rows[1]).toMatchObject({ year: 2027, employmentA: 53_000_000, employmentB: 53_300_000, employmentDiff: 300_000, labourForceDiff: 100_000 });
    expect(rows[1]!.unemploymentRateDiff).toBeCloseTo(-0.3, 10);
    // No demand column served: no demand difference either.
    expect(rows[1]!.demandDiff).toBeUndefined();
    // Only forecast years: the observed history is the same in every scenario.
    expect(rows.some((r) => r.period === '2025')).toBe(false);
  });

  it('compares labour demand before the labour-force limit, served on the employment forecast', () => {
    const a = { ...forecast([52_000_000, 53_000_000]), demand: [52_500_000, 53_600_000] };
    const b = { ...forecast([52_000_000, 53_000_000]), demand: [52_900_000, 54_100_000] };
    const rows = toSystemCompareRows({ employment: a }, { employment: b });
    expect(rows.map((r) => [r.employmentDiff, r.demandA, r.demandDiff])).toEqual([
      [0, 52_500_000, 400_000],
      [0, 53_600_000, 500_000],
    ]);
  });

  it('leaves a difference missing (never 0) when one side has no value', () => {
    const rows = toSystemCompareRows({ employment: forecast([1, 2]) }, { employment: forecast([1, 2]), labourForce: forecast([5, 6]) });
    expect(rows[0]!.employmentDiff).toBe(0);
    expect(rows[0]!.labourForceB).toBe(5);
    expect(rows[0]!.labourForceDiff).toBeUndefined();
    expect(rows[0]!.labourForceA).toBeUndefined();
  });

  it('matches gap rows by the view key and gives B − A of openings, new supply and imbalance, largest change first', () => {
    const a = [
      gapRow({ region: '01', openings: 1000, newSupply: 900, imbalance: -100 }),
      gapRow({ region: '79', openings: 2000, newSupply: 2100, imbalance: 100 }),
      gapRow({ region: 'RRD', openings: 9, newSupply: 9, imbalance: 0 }),
    ];
    const b = [
      gapRow({ region: '01', openings: 1500, newSupply: 950, imbalance: -550 }),
      gapRow({ region: '79', openings: 2100, newSupply: 2150, imbalance: 50, basis: ['official', 'illustrative'] } as never),
    ];
    const rows = toGapCompareRows(a, b, { keyOf: (r) => (r.region === 'RRD' ? undefined : r.region), labelOf: (r) => `P${r.region}` });
    expect(rows.map((r) => r.key)).toEqual(['01', '79']);
    expect(rows[0]).toMatchObject({
      label: 'P01',
      openingsA: 1000,
      openingsB: 1500,
      openingsDiff: 500,
      newSupplyDiff: 50,
      imbalanceA: -100,
      imbalanceB: -550,
      imbalanceDiff: -450,
    });
    expect(rows[1]!.imbalanceDiff).toBe(-50);
    expect(rows[1]!.basis).toContain('illustrative');
  });

  it('keeps the served order when asked, and a row only A has stays without differences', () => {
    const a = [gapRow({ qualification: 'university', imbalance: 1 }), gapRow({ qualification: 'college', imbalance: 2 })];
    const b = [gapRow({ qualification: 'college', imbalance: 500 })];
    const rows = toGapCompareRows(a, b, { keyOf: (r) => r.qualification, labelOf: (r) => r.qualification, order: 'served' });
    expect(rows.map((r) => r.key)).toEqual(['university', 'college']);
    expect(rows[0]!.imbalanceDiff).toBeUndefined();
    expect(rows[1]!.imbalanceDiff).toBe(498);
  });

  it('picks the rows that change most for the chart', () => {
    const rows = [1, -9, 4, 0].map((d, i) => ({ key: String(i), label: String(i), imbalanceDiff: d, openingsDiff: 0, basis: [], source: '' }));
    expect(largestChanges(rows, 2).map((r) => r.key)).toEqual(['1', '2']);
  });
});
