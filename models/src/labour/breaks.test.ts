import { describe, expect, it } from 'vitest';
import type { ObservationStatus } from '../data/observation';
import type { HistoryPoint } from './types';
import { applyBreak, breakMatches, estimateBreakRatio, shownBasisChanges, type BreakSpec } from './breaks';

const periods = Array.from({ length: 12 }, (_, i) => String(2014 + i)); // 2014..2025
// Grows 2% a year; from 2021 the level is 10% lower (a re-weighting), same growth.
const values = periods.map((_, i) => 100 * 1.02 ** i * (2014 + i >= 2021 ? 0.9 : 1));
const brk: BreakSpec = { indicator: 'employment', region: 'VN', period: '2021', reason: 'LFS 2021 re-weighting' };

describe('breakMatches', () => {
  it('treats omitted coordinates as wildcards', () => {
    const key = { indicator: 'employment', region: 'VN', sector: 'A', qualification: 'ALL' };
    expect(breakMatches(brk, key)).toBe(true);
    expect(breakMatches(brk, { ...key, region: 'RRD' })).toBe(false);
    expect(breakMatches({ indicator: 'employment', period: '2021' }, { ...key, region: 'RRD' })).toBe(true);
  });
});

describe('applyBreak', () => {
  it('estimates the level shift net of growth', () => {
    expect(estimateBreakRatio(values, 7)).toBeCloseTo(0.9, 10);
  });

  it('splices: pre-break values are level-shifted by the ratio, and it records so', () => {
    const r = applyBreak(values, periods, brk); // only 5 points after the break → splice
    expect(r.applied).toMatchObject({ period: '2021', treatment: 'splice' });
    expect(r.applied!.ratio).toBeCloseTo(0.9, 10);
    expect(r.start).toBe('2014');
    // the spliced series is a clean 2% trend: no jump at 2021
    expect(r.values[7] / r.values[6]).toBeCloseTo(1.02, 10);
    expect(r.values[0]).toBeCloseTo(90, 10);
    expect(r.values.slice(7)).toEqual(values.slice(7));
  });

  it('uses a declared ratio when given', () => {
    const r = applyBreak(values, periods, { ...brk, ratio: 51.4 / 54.6 });
    expect(r.values[0]).toBeCloseTo(100 * (51.4 / 54.6), 10);
  });

  it('fits from the break when enough points follow it, or when forced', () => {
    const r = applyBreak(values, periods, brk, { minAfter: 5 });
    expect(r.applied?.treatment).toBe('fit-from-break');
    expect(r.start).toBe('2021');
    expect(r.values).toEqual(values.slice(7));
    const forced = applyBreak(values, periods, { ...brk, treatment: 'fit-from-break' });
    expect(forced.values.length).toBe(5);
  });

  it('leaves a series alone when the break is outside it', () => {
    const r = applyBreak(values.slice(8), periods.slice(8), brk);
    expect(r.applied).toBeUndefined();
    expect(r.values).toEqual(values.slice(8));
  });
});

describe('shownBasisChanges', () => {
  const point = (period: string, status: ObservationStatus): HistoryPoint => ({ period, value: 1, status, source: 's' });
  it('marks where published old-basis figures meet back-cast values, not the declared break itself', () => {
    // GSO's old-basis section table to 2016, illustrative back-casts 2017–2020, new-basis figures from 2021.
    const h = [
      point('2015', 'official'),
      point('2016', 'official'),
      point('2017', 'illustrative'),
      point('2020', 'illustrative'),
      point('2021', 'official'),
      point('2022', 'illustrative'),
    ];
    expect(shownBasisChanges(h, '2021')).toEqual([{ period: '2017', previous: '2016', breakPeriod: '2021', toNew: true }]);
  });
  it('marks the declared break where old-basis figures run up to it, and a switch back to old figures', () => {
    const h = [point('2019', 'official'), point('2020', 'official'), point('2021', 'official')];
    expect(shownBasisChanges(h, '2021')).toEqual([{ period: '2021', previous: '2020', breakPeriod: '2021', toNew: true }]);
    const back = [point('2018', 'modelled'), point('2019', 'survey'), point('2021', 'official')];
    expect(shownBasisChanges(back, '2021').map((c) => [c.period, c.toNew])).toEqual([
      ['2019', false],
      ['2021', true],
    ]);
  });
  it('says nothing without a declared break or when one basis is shown throughout', () => {
    const h = [point('2015', 'illustrative'), point('2021', 'official'), point('2022', 'official')];
    expect(shownBasisChanges(h, undefined)).toEqual([]);
    expect(shownBasisChanges(h, '2021')).toEqual([]);
  });
});
