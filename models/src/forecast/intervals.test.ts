import { describe, expect, it } from 'vitest';
import { nonDecreasing, tFor, toForecast, zFor } from './intervals';

describe('interval helpers', () => {
  it('normal and Student-t multipliers match tables', () => {
    expect(zFor(95)).toBeCloseTo(1.95996, 4);
    expect(zFor(80)).toBeCloseTo(1.28155, 4);
    expect(tFor(95, 5)).toBeCloseTo(2.5706, 1);
    expect(tFor(95, 10)).toBeCloseTo(2.2281, 2);
    expect(tFor(80, 10)).toBeCloseTo(1.3722, 2);
    expect(tFor(95, Infinity)).toBe(zFor(95));
  });

  it('running maximum keeps spreads from shrinking', () => {
    expect(nonDecreasing([1, 3, 2, 5, 4])).toEqual([1, 3, 3, 5, 5]);
  });

  it('log-scale bounds are positive and asymmetric; non-negative capping applies to mean and lower', () => {
    const f = toForecast({ mean: [100, 100], sd: [0.1, 0.2], logScale: true }, [80, 95]);
    const [i80, i95] = f.intervals;
    expect(i95.upper[0] - 100).toBeGreaterThan(100 - i95.lower[0]);
    expect(i95.lower[1]).toBeLessThan(i80.lower[1]);
    const g = toForecast({ mean: [-5, 1], sd: [3, 3] }, [95], true);
    expect(g.mean).toEqual([0, 1]);
    expect(g.intervals[0].lower).toEqual([0, 0]);
  });
});
