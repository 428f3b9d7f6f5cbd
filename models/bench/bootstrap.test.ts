import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clusterBootstrap, formatRange, scoreIntervals } from './bootstrap';

describe('cluster bootstrap of benchmark figures', () => {
  it('gives a zero-width interval when every cluster has the same ratio', () => {
    const [lo, hi] = clusterBootstrap(Array.from({ length: 50 }, (_, i) => ({ num: 0.8 * (i + 1), den: i + 1 })));
    expect(lo).toBeCloseTo(0.8, 12);
    expect(hi).toBeCloseTo(0.8, 12);
  });

  it('contains the full-sample ratio and stays within the clusters’ range', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ num: fc.integer({ min: 0, max: 10 }), den: fc.constant(10) }), { minLength: 5, maxLength: 60 }), (cs) => {
        const [lo, hi] = clusterBootstrap(cs, { reps: 400 });
        const ratio = cs.reduce((q, c) => q + c.num, 0) / cs.reduce((q, c) => q + c.den, 0);
        const ratios = cs.map((c) => c.num / c.den);
        expect(lo).toBeLessThanOrEqual(ratio + 1e-12);
        expect(hi).toBeGreaterThanOrEqual(ratio - 1e-12);
        expect(lo).toBeGreaterThanOrEqual(Math.min(...ratios) - 1e-12);
        expect(hi).toBeLessThanOrEqual(Math.max(...ratios) + 1e-12);
      }),
      { numRuns: 50 },
    );
  });

  it('narrows with more clusters (about 1/√n) and is reproducible', () => {
    const make = (n: number) => Array.from({ length: n }, (_, i) => ({ num: i % 2, den: 1 }));
    const width = (n: number) => {
      const [lo, hi] = clusterBootstrap(make(n));
      return hi - lo;
    };
    expect(width(400)).toBeLessThan(0.65 * width(100));
    expect(clusterBootstrap(make(100))).toEqual(clusterBootstrap(make(100)));
  });

  it('resamples whole clusters: correlated points give a wider coverage interval than independent ones', () => {
    // Same 80 % coverage over 600 points: 100 clusters of 6 all-in or all-out vs 600 single points.
    const clustered = Array.from({ length: 100 }, (_, i) => ({ mase: 1, inside80: i % 5 === 0 ? 0 : 6, inside95: 6, points: 6 }));
    const single = Array.from({ length: 600 }, (_, i) => ({ mase: 1, inside80: i % 5 === 0 ? 0 : 1, inside95: 1, points: 1 }));
    const w = (r: [number, number]) => r[1] - r[0];
    expect(w(scoreIntervals(clustered).coverage80)).toBeGreaterThan(2 * w(scoreIntervals(single).coverage80));
  });

  it('formats ranges and marks empty ones', () => {
    expect(formatRange([0.8123, 0.8456], 1, true)).toBe('81.2–84.6');
    expect(formatRange(clusterBootstrap([]), 3)).toBe('—');
  });
});
