import { describe, expect, it } from 'vitest';
import { applyBreak, breakMatches, estimateBreakRatio, type BreakSpec } from './breaks';

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
