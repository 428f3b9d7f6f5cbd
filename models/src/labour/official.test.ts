import { describe, expect, it } from 'vitest';
import type { Observation } from '../data/observation';
import { makeDimension } from './hierarchy';
import { indexObservations } from './observations';
import { fillGaps, forecastOfficial } from './official';
import { crossesBreak } from './projection';
import type { HistoryPoint } from './types';

const pt = (period: number, value: number): HistoryPoint => ({ period: String(period), value, status: 'official', source: 'GSO' });

describe('fillGaps', () => {
  it('interpolates missing years linearly within the last run of short gaps', () => {
    const r = fillGaps([pt(2010, 10), pt(2015, 20), pt(2019, 28), pt(2020, 30)]);
    expect(r.periods[0]).toBe('2010');
    expect(r.periods.at(-1)).toBe('2020');
    expect(r.values.length).toBe(11);
    expect(r.values[1]).toBeCloseTo(12, 10); // 2011
    expect(r.values[7]).toBeCloseTo(24, 10); // 2017
    expect(r.interpolated).toBe(7);
  });

  it('starts after a gap longer than maxGap', () => {
    const r = fillGaps([pt(2011, 2.2), pt(2012, 2), pt(2021, 3.2), pt(2022, 2.3), pt(2024, 2.2), pt(2025, 2.2)]);
    expect(r.periods).toEqual(['2021', '2022', '2023', '2024', '2025']);
    expect(r.values[2]).toBeCloseTo(2.25, 10);
  });
});

function row(indicator: string, period: number, value: number, status: Observation['status'], unit: Observation['unit'] = 'persons'): Observation {
  return { indicator, period: String(period), region: 'VN', sector: 'TOTAL', qualification: 'ALL', value, unit, source: 'GSO', status };
}

describe('breaks apply only across measured values', () => {
  const dims = [makeDimension([{ code: 'VN' }]), makeDimension([{ code: 'TOTAL' }]), makeDimension([{ code: 'ALL' }])];
  it('ignores a break when everything before it is modelled on the new basis', () => {
    const modelled = indexObservations([row('employment', 2019, 51, 'modelled'), row('employment', 2021, 49, 'official')]);
    expect(crossesBreak(modelled, 'employment', dims, '2021')).toBe(false);
    const measured = indexObservations([row('employment', 2019, 51, 'official'), row('employment', 2021, 49, 'official')]);
    expect(crossesBreak(measured, 'employment', dims, '2021')).toBe(true);
  });

  it('forecasts sparse official series through the outlook years, percentages within 0–100', () => {
    const idx = indexObservations([98, 98.5, 99.2, 99.6].map((v, i) => row('trained_share_certified', 2018 + 2 * i, v, 'official', 'percent')));
    const [f] = forecastOfficial(idx, { horizon: 10, levels: [80, 95], breaks: [], throughYear: 2035 });
    expect(f.forecast.periods[0]).toBe('2025');
    expect(f.forecast.periods.at(-1)).toBe('2035');
    expect(f.history.length).toBe(4); // observed points only
    expect(f.source).toMatch(/3 missing year\(s\) interpolated/);
    for (const iv of f.forecast.intervals) for (const v of iv.upper) expect(v).toBeLessThanOrEqual(100);
  });
});
