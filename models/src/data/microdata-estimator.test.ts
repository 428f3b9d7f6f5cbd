import { describe, expect, it } from 'vitest';
import { StratifiedTotals } from './microdata-estimator';

describe('StratifiedTotals without PSUs (respondents are the units)', () => {
  // Stratum A: weights 100, 200, 300. Cell 0 holds the first two, cell 1 all three.
  const t = new StratifiedTotals(2, false);
  t.add('A', null, 100, [0, 1]);
  t.add('A', null, 200, [0, 1]);
  t.add('A', null, 300, [1]);

  it('sums weights per cell', () => {
    expect(t.estimate(['A'], 0)).toMatchObject({ total: 300, count: 2 });
    expect(t.estimate(['A'], 1)).toMatchObject({ total: 600, count: 3 });
  });

  it('uses n/(n-1)·Σ(z − z̄)² for the variance', () => {
    // z = [100, 200, 0], z̄ = 100 → Σ(z − z̄)² = 20 000, × 3/2 = 30 000.
    expect(t.estimate(['A'], 0).variance).toBeCloseTo(30_000, 6);
    // z = [100, 200, 300], z̄ = 200 → 20 000 × 3/2.
    expect(t.estimate(['A'], 1).variance).toBeCloseTo(30_000, 6);
  });

  it('computes the covariance of nested cells', () => {
    // Σ(z0 − 100)(z1 − 200) = 0 + 0 + (−100)(100) = −10 000, × 3/2.
    expect(t.nestedCovariance(['A'], 0, 1)).toBeCloseTo(-15_000, 6);
  });

  it('adds strata and ignores unknown ones', () => {
    t.add('B', null, 50, [0]);
    t.add('B', null, 50, [0]);
    // Stratum B: z = [50, 50] → no variance; totals add up.
    expect(t.estimate(['A', 'B', 'missing'], 0)).toEqual({ total: 400, variance: 30_000, count: 4 });
  });
});

describe('StratifiedTotals with PSUs (ultimate clusters)', () => {
  it('sums respondents into PSU totals before squaring, in any row order', () => {
    const t = new StratifiedTotals(1, true);
    // PSU p1 = 100 + 200 (rows not contiguous), p2 = 0 (in the stratum, not in the cell), p3 = 50.
    t.add('A', 'p1', 100, [0]);
    t.add('A', 'p2', 300, []);
    t.add('A', 'p3', 50, [0]);
    t.add('A', 'p1', 200, [0]);
    // z = [300, 0, 50], z̄ = 116.67 → Σ(z − z̄)² = 51 666.67, × 3/2 = 77 500.
    const e = t.estimate(['A'], 0);
    expect(e.total).toBe(350);
    expect(e.count).toBe(3);
    expect(e.variance).toBeCloseTo(77_500, 6);
  });

  it('gives a single-PSU stratum no variance and counts it', () => {
    const t = new StratifiedTotals(1, true);
    t.add('A', 'p1', 10, [0]);
    t.add('A', 'p1', 20, [0]);
    t.add('B', 'q1', 10, [0]);
    t.add('B', 'q2', 30, [0]);
    expect(t.estimate(['A'], 0).variance).toBe(0);
    // Stratum B: z = [10, 30] → 2 × 200 = 400.
    expect(t.estimate(['A', 'B'], 0).variance).toBeCloseTo(400, 9);
    expect(t.countSingletons()).toBe(1);
  });

  it('clustered covariance uses PSU totals of both cells', () => {
    const t = new StratifiedTotals(2, true);
    t.add('A', 'p1', 10, [0, 1]);
    t.add('A', 'p1', 5, [1]);
    t.add('A', 'p2', 20, [1]);
    // z0 = [10, 0], z1 = [15, 20]: Σ(z0 − 5)(z1 − 17.5) = 5·(−2.5) + (−5)·2.5 = −25, × 2.
    expect(t.nestedCovariance(['A'], 0, 1)).toBeCloseTo(-50, 9);
  });
});
