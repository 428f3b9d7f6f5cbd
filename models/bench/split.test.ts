import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { halfOf, seriesHash, splitHalf } from './split';

describe('benchmark tuning/evaluation split', () => {
  it('is stable: fixed ids keep their half (pinned values)', () => {
    expect(seriesHash('Y1')).toBe(seriesHash('Y1'));
    const pinned = ['Y1', 'Y2', 'Y3', 'Q1', 'Q2', 'N0001'].map(halfOf);
    expect(pinned).toMatchSnapshot();
  });

  it('splits any id list into two disjoint halves that together are the whole list', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 60 }), (ids) => {
        const items = ids.map((id) => ({ id }));
        const t = splitHalf(items, 'tuning').map((s) => s.id);
        const e = splitHalf(items, 'evaluation').map((s) => s.id);
        expect(t.filter((id) => e.includes(id))).toEqual([]);
        expect([...t, ...e].sort()).toEqual([...ids].sort());
      }),
    );
  });

  it('does not split consecutive competition ids by parity: both halves near 50 %', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `Y${i + 1}`);
    const tuning = splitHalf(
      ids.map((id) => ({ id })),
      'tuning',
    ).length;
    expect(tuning).toBeGreaterThan(450);
    expect(tuning).toBeLessThan(550);
  });
});
