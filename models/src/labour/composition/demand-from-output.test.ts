import { describe, expect, it } from 'vitest';
import type { PathForecaster } from './forecaster';
import { chooseDemandMethod, demandFromOutput } from './demand-from-output';

const linear: PathForecaster = (v, h) => {
  const d = (v[v.length - 1]! - v[0]!) / (v.length - 1);
  return { mean: Array.from({ length: h }, (_, j) => v[v.length - 1]! + d * (j + 1)) };
};

describe('demandFromOutput', () => {
  it('turns a value-added path into employment through productivity (hand-worked)', () => {
    // Employment flat at 10, value added +10 %/yr: productivity +10 %/yr.
    const va = [100, 110, 121, 133.1, 146.41, 161.051];
    const r = demandFromOutput({
      employment: [10, 10, 10, 10, 10, 10],
      valueAdded: va,
      startYear: 2018,
      h: 3,
      valueAddedPath: [161.051 * 1.05, 161.051 * 1.05 ** 2, 161.051 * 1.05 ** 3],
      forecaster: linear,
    });
    expect(r.method).toBe('productivity');
    expect(r.years).toEqual([2023, 2024, 2025, 2026]);
    expect(r.employment[0]).toBe(10);
    expect(r.productivity[0]).toBeCloseTo(16.1051, 12);
    // E_j = 10 × (1.05 / 1.1)^j.
    for (let j = 1; j <= 3; j++) {
      expect(r.productivity[j]).toBeCloseTo(16.1051 * 1.1 ** j, 9);
      expect(r.employment[j]).toBeCloseTo(10 * (1.05 / 1.1) ** j, 9);
      expect(r.employment[j]! * r.productivity[j]!).toBeCloseTo(r.valueAdded[j]!, 9);
    }
  });

  it('uses the elasticity when the history is short, fitting β by OLS', () => {
    // Δln E = 0.01 + 0.5 Δln VA exactly.
    const dva = [0.05, 0.08, 0.03];
    const va = [100];
    const e = [50];
    for (const g of dva) {
      va.push(va[va.length - 1]! * Math.exp(g));
      e.push(e[e.length - 1]! * Math.exp(0.01 + 0.5 * g));
    }
    expect(chooseDemandMethod(e, va).method).toBe('elasticity');
    const r = demandFromOutput({ employment: e, valueAdded: va, startYear: 2020, h: 2, valueAddedPath: [va[3]! * Math.exp(0.1), va[3]! * Math.exp(0.2)] });
    expect(r.method).toBe('elasticity');
    expect(r.elasticity!.beta).toBeCloseTo(0.5, 9);
    expect(r.elasticity!.alpha).toBeCloseTo(0.01, 9);
    expect(r.employment[0]).toBe(e[3]);
    expect(r.employment[1]).toBeCloseTo(e[3]! * Math.exp(0.01 + 0.05), 9);
    expect(r.employment[2]).toBeCloseTo(e[3]! * Math.exp(0.02 + 0.1), 9);
  });

  it('defaults the value-added path to a forecast and reproduces the base exactly', () => {
    const e = [20.1, 20.4, 20.2, 20.6, 20.9, 21.0, 21.3];
    const va = [300, 318, 335, 350, 372, 390, 410];
    const r = demandFromOutput({ employment: e, valueAdded: va, startYear: 2017, h: 5 });
    expect(r.employment[0]).toBe(21.3);
    expect(r.valueAdded).toHaveLength(6);
    expect(r.valueAdded[1]).toBeGreaterThan(410);
    expect(r.employment.every((x) => x > 0)).toBe(true);
    expect(r.reason).toMatch(/years/);
  });

  it('clamps an implausible elasticity and rejects bad input', () => {
    const va = [100, 101, 103, 104];
    const e = [10, 12, 15, 17];
    const r = demandFromOutput({ employment: e, valueAdded: va, startYear: 2020, h: 1, method: 'elasticity' });
    expect(r.elasticity!.beta).toBe(1.2);
    expect(r.elasticity!.betaFitted).toBeGreaterThan(1.2);
    expect(() => demandFromOutput({ employment: [1, 2], valueAdded: [1], startYear: 2020, h: 1 })).toThrow();
    expect(() => demandFromOutput({ employment: [1], valueAdded: [1], startYear: 2020, h: 2, valueAddedPath: [1] })).toThrow();
  });

  it('holds productivity with a single year', () => {
    const r = demandFromOutput({ employment: [5], valueAdded: [50], startYear: 2023, h: 2, valueAddedPath: [55, 60] });
    expect(r.employment).toEqual([5, 5.5, 6]);
  });
});
