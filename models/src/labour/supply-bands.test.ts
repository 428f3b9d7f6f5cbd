import { describe, expect, it } from 'vitest';
import { boundShortHalf, equicorrelation, GRAD_REL_HALF_CAP, GRAD_REL_HALF_FLOOR } from './supply';

describe('graduates bands', () => {
  it('bounds a short series to [floor, cap] × √k × mean, an infinite half to the cap', () => {
    const out = boundShortHalf([100, 100, 100], [0, 1e9, Infinity]);
    expect(out[0]).toBeCloseTo(GRAD_REL_HALF_FLOOR * 100, 9);
    expect(out[1]).toBeCloseTo(GRAD_REL_HALF_CAP * Math.sqrt(2) * 100, 9);
    expect(out[2]).toBeCloseTo(GRAD_REL_HALF_CAP * Math.sqrt(3) * 100, 9);
  });
  it('ρ reproduces the target between quadrature (0) and linear (1)', () => {
    const [l, q] = [10, 5];
    const rho = equicorrelation(l, q, 8);
    expect(Math.sqrt((1 - rho) * q * q + rho * l * l)).toBeCloseTo(8, 9);
    expect(equicorrelation(l, q, 1)).toBe(0);
    expect(equicorrelation(l, q, 99)).toBe(1);
  });
});
