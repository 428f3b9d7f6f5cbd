import { describe, expect, it } from 'vitest';
import { largestRemainder } from './rounding';

describe('largestRemainder', () => {
  it('sums exactly and stays within 1 of each share', () => {
    const w = [1, 1, 1];
    expect(largestRemainder(w, 10)).toEqual([4, 3, 3]);
    const v = [0.1, 5.5, 3.3, 0, 7.77];
    const r = largestRemainder(v, 1001);
    expect(r.reduce((a, b) => a + b, 0)).toBe(1001);
    const s = v.reduce((a, b) => a + b, 0);
    r.forEach((x, i) => expect(Math.abs(x - (v[i] / s) * 1001)).toBeLessThan(1));
    expect(r[3]).toBe(0);
  });
  it('rejects impossible inputs', () => {
    expect(() => largestRemainder([0, 0], 3)).toThrow(/zero weights/);
    expect(() => largestRemainder([1], 2.5)).toThrow(/integer/);
  });
});
