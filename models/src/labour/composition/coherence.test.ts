import { describe, expect, it } from 'vitest';
import {
  addCoherence, capToLabourForce, countEmploymentAboveLabourForce, countNegative, countPartsExceedingParent,
  countSmallFlaggedOrRanked, countSumMismatches, countVanishingCells, emptyCoherence,
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
    expect(countSmallFlaggedOrRanked([
      { size: 4000, flag: 'shortage' },
      { size: 4000, flag: 'too-small', rank: null },
      { size: 9000, openings: 100, rank: 3 },
      { size: 9000, openings: 900, flag: 'surplus', rank: 1 },
    ])).toBe(2);
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
