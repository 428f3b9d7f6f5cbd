import { describe, expect, it } from 'vitest';
import {
  addCoherence,
  capToLabourForce,
  countEmploymentAboveLabourForce,
  countNegative,
  countPartsExceedingParent,
  countSmallFlaggedOrRanked,
  countSumMismatches,
  countVanishingCells,
  emptyCoherence,
  employmentCeilings,
  grossOpenings,
} from './coherence';

describe('coherence counts', () => {
  it('counts each violation', () => {
    expect(countEmploymentAboveLabourForce([10, 12, 9], [11, 11, 11])).toBe(1);
    expect(countPartsExceedingParent([10, 10], { a: [11, 5], b: [1, 10] })).toBe(1);
    expect(countNegative({ a: [1, -1], b: [0, Number.NaN] })).toBe(2);
    expect(countNegative([1, 2])).toBe(0);
    expect(countSumMismatches([10, 10], { a: [4, 4], b: [6, 6.0001] })).toBe(1);
    expect(countSumMismatches([10], { a: [4], b: [6 + 1e-9] })).toBe(0);
  });

  it('counts vanishing cells only when the parent does not fall alike', () => {
    const falls = { base: 2000, path: [1500, 300], parentBase: 10000, parentPath: [10000, 10000] };
    const parentFalls = { base: 2000, path: [1500, 300], parentBase: 10000, parentPath: [9000, 1500] };
    const small = { base: 900, path: [0], parentBase: 10000, parentPath: [10000] };
    const late = { base: 2000, path: [...new Array(10).fill(2000), 0], parentBase: 1e4, parentPath: new Array(11).fill(1e4) };
    expect(countVanishingCells([falls, parentFalls, small, late])).toBe(1);
  });

  it('counts small cells that are flagged or ranked', () => {
    expect(
      countSmallFlaggedOrRanked([
        { size: 4000, flag: 'shortage' },
        { size: 4000, flag: 'too-small', rank: null },
        { size: 9000, openings: 100, rank: 3 },
        { size: 9000, openings: 900, flag: 'surplus', rank: 1 },
      ]),
    ).toBe(2);
  });

  it('reads gross openings (replacement + max(0, expansion)) when the flows are given', () => {
    // A large shrinking cell: net openings −4,000 but 6,000 replacement hires — assessable.
    expect(countSmallFlaggedOrRanked([{ size: 1e6, openings: -4000, replacement: 6000, expansion: -10_000, flag: 'surplus', rank: 1 }])).toBe(0);
    // Gross openings 300 + 100 = 400 < 500: small.
    expect(countSmallFlaggedOrRanked([{ size: 1e6, openings: 400, replacement: 300, expansion: 100, rank: 2 }])).toBe(1);
    expect(grossOpenings(300, -50)).toBe(300);
    expect(grossOpenings(300, 50)).toBe(350);
  });

  it('adds tables up', () => {
    const t = addCoherence(addCoherence(emptyCoherence(), { negativeValues: 2 }), { negativeValues: 1, sumMismatches: 1 });
    expect(t).toEqual({ ...emptyCoherence(), negativeValues: 3, sumMismatches: 1 });
  });
});

describe('capToLabourForce', () => {
  it('scales sectors proportionally only where demand exceeds LF × (1 − u_min)', () => {
    const r = capToLabourForce({ agri: [40, 60], serv: [40, 60] }, [100, 100], 0.02);
    expect(r.factors[0]).toBe(1);
    expect(r.employment.agri![1]! + r.employment.serv![1]!).toBeCloseTo(98, 12);
    expect(r.employment.agri![1]).toBeCloseTo(49, 12);
    expect(r.cappedYears).toEqual([1]);
    expect(() => capToLabourForce({}, [1], 1)).toThrow();
  });
});

describe('gradual adjustment (employmentCeilings / capToLabourForce with gradual)', () => {
  it('lets the unemployment rate fall by at most the speed a year, down to u_min', () => {
    // LF 100, base rate 3 %, u_min 2 %, speed 0.4 pp: ceilings 97.4, 97.8, 98, 98 while demand outruns supply.
    const c = employmentCeilings([99, 99, 99, 99], [100, 100, 100, 100], 0.02, { baseRate: 0.03, maxFallPerYear: 0.004 });
    expect(c.map((x) => +x.toFixed(9))).toEqual([97.4, 97.8, 98, 98]);
  });

  it('restarts from the realised rate after a year below the ceiling, and leaves lower demand alone', () => {
    const r = capToLabourForce({ a: [99, 95, 99] }, [100, 100, 100], 0.02, { baseRate: 0.03, maxFallPerYear: 0.004 });
    expect(r.employment.a![0]).toBeCloseTo(97.4, 12); // capped: 3 % − 0.4 pp
    expect(r.employment.a![1]).toBe(95); // demand below supply: the rate rises to 5 %
    expect(r.employment.a![2]).toBeCloseTo(95.4, 12); // falls again from 5 %, by 0.4 pp
    expect(r.cappedYears).toEqual([0, 2]);
  });

  it('without gradual it is the plain u_min ceiling', () => {
    expect(employmentCeilings([99], [100], 0.02)).toEqual([98]);
  });
});
