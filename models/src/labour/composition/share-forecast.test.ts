import { describe, expect, it } from 'vitest';
import { dampedDrift, DAMPED_DRIFT_PHI, type PathForecaster } from './forecaster';
import { driftCapPerYear } from './log-ratio';
import { forecastComposition } from './share-forecast';

const sumAt = (mean: Record<string, number[]>, j: number) => Object.values(mean).reduce((s, p) => s + p[j]!, 0);
/** Straight-line continuation without damping or intervals. */
const linear: PathForecaster = (v, h) => {
  const d = v.length > 1 ? (v[v.length - 1]! - v[0]!) / (v.length - 1) : 0;
  return { mean: Array.from({ length: h }, (_, j) => v[v.length - 1]! + d * (j + 1)) };
};

describe('dampedDrift', () => {
  it('damps the average step by 0.8 a year', () => {
    const f = dampedDrift([0, 1, 2, 3], 2);
    expect(f.mean[0]).toBeCloseTo(3 + DAMPED_DRIFT_PHI, 12);
    expect(f.mean[1]).toBeCloseTo(3 + DAMPED_DRIFT_PHI + DAMPED_DRIFT_PHI ** 2, 12);
    // Perfectly regular steps: zero spread.
    expect(f.intervals![0]!.lower[1]).toBeCloseTo(f.mean[1]!, 12);
  });
});

describe('forecastComposition', () => {
  it('keeps a shrinking part positive (hand-worked, cap off)', () => {
    // B / A falls from 0.5 to 0.2: log-ratio drift ln(0.4)/3 a year.
    const r = forecastComposition({ A: [100, 100, 100, 100], B: [50, 40, 30, 20] }, 3, { forecaster: linear, cap: false });
    expect(r.reference).toBe('A');
    const d = Math.log(0.4) / 3;
    for (let j = 0; j < 3; j++) {
      const z = Math.log(0.2) + d * (j + 1);
      expect(r.mean.B![j]).toBeCloseTo(Math.exp(z) / (1 + Math.exp(z)), 12);
      expect(r.mean.B![j]).toBeGreaterThan(0);
      expect(sumAt(r.mean, j)).toBeCloseTo(1, 12);
    }
  });

  it('caps the drift so the shrinking part keeps ≥ 20 % of its base share in 10 years', () => {
    const r = forecastComposition({ A: [100, 100, 100, 100], B: [50, 25, 12, 6] }, 15, { forecaster: linear });
    const rho = driftCapPerYear();
    const base = 6 / 106;
    // Step 1 hand-worked: the log-ratio moves by exactly −ρ.
    const z1 = Math.log(0.06) - rho;
    expect(r.mean.B![0]).toBeCloseTo(Math.exp(z1) / (1 + Math.exp(z1)), 12);
    for (let j = 0; j < 10; j++) expect(r.mean.B![j]! / base).toBeGreaterThanOrEqual(0.2);
    expect(r.driftCap).toBeCloseTo(Math.log(5) / 20, 8);
  });

  it('keeps all-zero parts at 0 and floors occasional zeros at half the smallest positive share', () => {
    const r = forecastComposition({ A: [80, 80, 80], B: [0, 20, 20], Z: [0, 0, 0] }, 4);
    expect(r.zeroParts).toEqual(['Z']);
    expect(r.mean.Z).toEqual([0, 0, 0, 0]);
    expect(r.floors.B).toBeCloseTo(0.1, 12);
    expect(r.history.B![0]).toBeCloseTo(0.1 / 1.1, 12);
    for (let j = 0; j < 4; j++) {
      expect(r.mean.B![j]).toBeGreaterThan(0);
      expect(r.mean.B![j]).toBeLessThan(1);
      expect(Math.abs(sumAt(r.mean, j) - 1)).toBeLessThan(1e-12);
    }
  });

  const noisy = { A: [50, 52, 49, 55, 53], B: [30, 28, 33, 27, 29], C: [20, 21, 18, 19, 22] };
  for (const intervalMethod of ['delta', 'simulate'] as const) {
    it(`gives share intervals inside [0, 1] around the mean (${intervalMethod})`, () => {
      const r = forecastComposition(noisy, 6, { simulations: 500, intervalMethod });
      for (const k of ['A', 'B', 'C']) {
        expect(r.intervals[k]!.map((iv) => iv.level)).toEqual([80, 95]);
        const [i80, i95] = r.intervals[k]!;
        for (let j = 0; j < 6; j++) {
          expect(i95!.lower[j]).toBeGreaterThanOrEqual(0);
          expect(i95!.upper[j]).toBeLessThanOrEqual(1);
          expect(i95!.lower[j]).toBeLessThanOrEqual(i80!.lower[j]!);
          expect(i80!.lower[j]).toBeLessThanOrEqual(r.mean[k]![j]!);
          expect(i80!.upper[j]).toBeGreaterThanOrEqual(r.mean[k]![j]!);
          expect(i95!.upper[j]).toBeGreaterThanOrEqual(i80!.upper[j]!);
        }
        // Uncertainty grows with the horizon.
        expect(i95!.upper[5]! - i95!.lower[5]!).toBeGreaterThan(i95!.upper[0]! - i95!.lower[0]!);
      }
      expect(forecastComposition(noisy, 6, { simulations: 500, intervalMethod }).intervals).toEqual(r.intervals);
    });
  }

  it('delta and simulated bounds roughly agree', () => {
    const d = forecastComposition(noisy, 5, { intervalMethod: 'delta' });
    const m = forecastComposition(noisy, 5, { intervalMethod: 'simulate', simulations: 4000 });
    for (const k of ['A', 'B', 'C']) {
      const wd = d.intervals[k]![0]!.upper[4]! - d.intervals[k]![0]!.lower[4]!;
      const wm = m.intervals[k]![0]!.upper[4]! - m.intervals[k]![0]!.lower[4]!;
      expect(wd / wm).toBeGreaterThan(0.7);
      expect(wd / wm).toBeLessThan(1.4);
    }
  });

  it('handles one active part and one history year', () => {
    expect(forecastComposition({ A: [5, 6], B: [0, 0] }, 2).mean).toEqual({ A: [1, 1], B: [0, 0] });
    const one = forecastComposition({ A: [3], B: [1] }, 2);
    expect(one.mean.A![1]).toBeCloseTo(0.75, 12);
  });

  it('rejects negative values and empty years', () => {
    expect(() => forecastComposition({ A: [1, -1] }, 1)).toThrow();
    expect(() => forecastComposition({ A: [1, 0], B: [1, 0] }, 1)).toThrow();
  });
});
