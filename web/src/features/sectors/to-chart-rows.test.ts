import { describe, expect, it } from 'vitest';
import { forecastResponse, gapRow, gapsResponse } from '../../test-fixtures';
import { makeNamer } from '../meta/names';
import { sectorGapBasis, toEmploymentRows, toImbalanceRows, toOpeningsRows } from './to-chart-rows';

const names = makeNamer(undefined, 'en');
const rows = [
  gapRow({
    qualification: 'university',
    expansion: 100,
    replacement: 50,
    openings: 150,
    newSupply: 120,
    imbalance: -30,
    imbalanceLower: -60,
    imbalanceUpper: -10,
  }),
  gapRow({
    qualification: 'elementary',
    expansion: 0,
    replacement: 40,
    openings: 40,
    newSupply: 70,
    imbalance: 30,
    imbalanceLower: 5,
    imbalanceUpper: 50,
    flag: 'surplus',
  }),
  gapRow({ qualification: 'ALL', openings: 190 }),
  gapRow({ sector: 'F', qualification: 'college' }),
];

describe('sector adapters', () => {
  it('orders levels lowest first and drops the ALL total and other sectors', () => {
    const out = toOpeningsRows(rows, 'C', names);
    expect(out.map((r) => r.qualification)).toEqual(['elementary', 'university']);
    expect(out[1]).toMatchObject({ expansion: 100, replacement: 50, openings: 150, newSupply: 120 });
  });
  it('turns the 80% interval into error-bar distances', () => {
    const out = toImbalanceRows(rows, 'C', names);
    expect(out[1].errorBar).toEqual([30, 20]);
    expect(out[0].errorBar).toEqual([25, 20]);
  });
  it('joins history and forecast in one series for the employment chart', () => {
    const out = toEmploymentRows(forecastResponse());
    expect(out.map((r) => r.period)).toEqual(['2023', '2024', '2025', '2026', '2027']);
    expect(out[2]).toMatchObject({ employment_actual: 52_400_000, employment_mean: 52_400_000 });
    expect(out[4]).toMatchObject({ employment_mean: 53_300_000, employment_band95: [52_500_000, 54_100_000] });
  });
  it("rests the sector's gap figures on its own rows and the answer's basis, not on other sectors'", () => {
    const gaps = gapsResponse(
      [gapRow({ basis: ['official'] }), gapRow({ qualification: 'ALL', basis: ['survey'] }), gapRow({ sector: 'F', basis: ['illustrative'] })],
      { basis: ['international'] },
    );
    expect(sectorGapBasis(gaps, 'C')).toEqual(['official', 'international', 'survey']);
    expect(sectorGapBasis(undefined, 'C')).toEqual([]);
  });
});
