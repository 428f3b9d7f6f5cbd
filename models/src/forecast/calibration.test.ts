import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitAuto } from './auto';
import { INTERVAL_CALIBRATION, RANDOM_WALK_CURVATURE, calibrationFor, conformalMultiplier, curvatureOf, pooledScale } from './calibration';
import { mulberry32 } from './prng';
import { forecastShares } from '../labour/shares';

function gaussian(rnd: () => number): number {
  const u = rnd() || 1e-12;
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
}

describe('auto calibrated intervals', () => {
  it('multipliers reproduce the tabled conformal quantiles and increase with the level', () => {
    for (const cal of [INTERVAL_CALIBRATION.yearly, INTERVAL_CALIBRATION.yearlyAdditive, INTERVAL_CALIBRATION.subannual]) {
      cal.levels.forEach((l, i) => expect(conformalMultiplier(l, cal)).toBeCloseTo(cal.quantiles[i]!, 10));
      let prev = 0;
      for (let l = 1; l < 100; l += 0.5) {
        const q = conformalMultiplier(l, cal);
        expect(q).toBeGreaterThan(prev);
        prev = q;
      }
    }
  });

  it('pooled scale is proportional to the data for additive series (equivariant)', () => {
    const f = { sigma: 2, gamma: 1.2, volatility: 3, n: 20, frequency: 1, seasonal: 0 };
    const a = pooledScale(f, 6);
    const b = pooledScale({ ...f, sigma: 2000, volatility: 3000 }, 6);
    a.forEach((v, i) => expect(b[i]! / v).toBeCloseTo(1000, 6));
  });

  it('covers a simulated Gaussian random walk (n = 25, h = 1..6) within ±3 points over 1,000 seeded replicates', () => {
    const rnd = mulberry32(42);
    const H = 6,
      n = 25;
    let c80 = 0,
      c95 = 0,
      pts = 0;
    for (let r = 0; r < 1000; r++) {
      const y = [1000];
      for (let t = 1; t < n + H; t++) y.push(y[t - 1]! + 10 * gaussian(rnd));
      const f = fitAuto({ values: y.slice(0, n), start: '2000', frequency: 1 }).forecast(H);
      for (let i = 0; i < H; i++) {
        const a = y[n + i]!;
        c80 += +(a >= f.intervals[0]!.lower[i]! && a <= f.intervals[0]!.upper[i]!);
        c95 += +(a >= f.intervals[1]!.lower[i]! && a <= f.intervals[1]!.upper[i]!);
        pts++;
      }
    }
    console.log(`simulated coverage ${((100 * c80) / pts).toFixed(1)} / ${((100 * c95) / pts).toFixed(1)}`);
    expect(Math.abs((100 * c80) / pts - 80)).toBeLessThanOrEqual(3);
    expect(Math.abs((100 * c95) / pts - 95)).toBeLessThanOrEqual(3);
  });

  it('intervals widen with h, 95 contains 80, positive series keep positive bounds (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.5, max: 1e6, noNaN: true }), { minLength: 3, maxLength: 40 }),
        fc.constantFrom(1, 4),
        fc.integer({ min: 1, max: 15 }),
        (values, frequency, h) => {
          const fit = fitAuto({ values, start: frequency === 1 ? '2000' : '2000-Q1', frequency: frequency as 1 | 4 });
          const f = fit.forecast(h);
          const [i80, i95] = f.intervals as [(typeof f.intervals)[0], (typeof f.intervals)[0]];
          for (let i = 0; i < h; i++) {
            const tol = 1e-12 * (Math.abs(f.mean[i]!) + Math.abs(i95.upper[i]!) + Math.abs(i95.lower[i]!));
            expect(i95.lower[i]!).toBeLessThanOrEqual(i80.lower[i]! + tol);
            expect(i95.upper[i]!).toBeGreaterThanOrEqual(i80.upper[i]! - tol);
            expect(i95.lower[i]!).toBeGreaterThanOrEqual(0);
            // Never narrower than the step before; for seasonally adjusted fits, than the same season a year before.
            const j = i - (fit.params.seasonal === 1 ? frequency : 1);
            if (j >= 0) {
              for (const iv of [i80, i95]) {
                expect(iv.upper[i]! - f.mean[i]!).toBeGreaterThanOrEqual(iv.upper[j]! - f.mean[j]! - 1e-9 * (Math.abs(f.mean[i]!) + Math.abs(iv.upper[i]!)));
                // The lower half-width may shrink only where the bound is capped at 0.
                if (iv.lower[i]! > 0)
                  expect(f.mean[i]! - iv.lower[i]!).toBeGreaterThanOrEqual(f.mean[j]! - iv.lower[j]! - 1e-9 * (Math.abs(f.mean[i]!) + Math.abs(iv.upper[i]!)));
              }
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('share intervals stay within 0–100 %', () => {
    const rnd = mulberry32(7);
    let a = 40,
      b = 25;
    const agri: number[] = [],
      ind: number[] = [],
      serv: number[] = [];
    for (let t = 0; t < 20; t++) {
      a = Math.max(1, a - 1 + gaussian(rnd));
      b = Math.min(60, Math.max(1, b + 0.3 + gaussian(rnd)));
      agri.push(a);
      ind.push(b);
      serv.push(100 - a - b);
    }
    const fc2 = forecastShares({ start: '2000', frequency: 1, components: { agri, ind, serv } }, 10);
    for (const f of Object.values(fc2.components)) {
      for (const iv of f.intervals) {
        iv.lower.forEach((v) => expect(v).toBeGreaterThanOrEqual(0));
        iv.upper.forEach((v) => expect(v).toBeLessThanOrEqual(100));
      }
    }
  });

  it('a seasonal series is not forced as wide in its low season as in its high season a quarter before', () => {
    const pattern = [0.6, 1.0, 1.6, 0.8];
    const rnd = mulberry32(3);
    const values = Array.from({ length: 40 }, (_, t) => (500 + 3 * t) * pattern[t % 4]! * (1 + 0.03 * gaussian(rnd)));
    const fit = fitAuto({ values, start: '2010-Q1', frequency: 4 });
    expect(fit.params.seasonal).toBe(1);
    const f = fit.forecast(8);
    const w = f.intervals[1]!.upper.map((u, i) => u - f.mean[i]!);
    // Q4 (index 3) is a low season after the Q3 peak: narrower in level terms, never narrower than last year's Q4.
    expect(w[3]).toBeLessThan(w[2]!);
    for (let i = 4; i < 8; i++) expect(w[i]).toBeGreaterThanOrEqual(w[i - 4]! - 1e-9);
  });

  it('covers simulated compositions (3 shares, random walks in log-ratio space) within ±3 points', () => {
    const rnd = mulberry32(5);
    const g = () => gaussian(rnd);
    let c80 = 0,
      c95 = 0,
      k = 0;
    for (let r = 0; r < 400; r++) {
      let a = 1 + g(),
        b = 0.5 + g();
      const rows: number[][] = [];
      for (let t = 0; t < 31; t++) {
        a += 0.08 * g() - 0.03;
        b += 0.08 * g() + 0.01;
        const e = [Math.exp(a), Math.exp(b), 1];
        const sum = e[0]! + e[1]! + e[2]!;
        rows.push(e.map((v) => (100 * v) / sum));
      }
      const train = (j: number) => rows.slice(0, 25).map((q) => q[j]!);
      const fc2 = forecastShares({ start: '2000', frequency: 1, components: { x: train(0), y: train(1), z: train(2) } }, 6);
      ['x', 'y', 'z'].forEach((name, j) => {
        const f = fc2.components[name]!;
        for (let i = 0; i < 6; i++) {
          const v = rows[25 + i]![j]!;
          c80 += +(v >= f.intervals[0]!.lower[i]! && v <= f.intervals[0]!.upper[i]!);
          c95 += +(v >= f.intervals[1]!.lower[i]! && v <= f.intervals[1]!.upper[i]!);
          k++;
        }
      });
    }
    console.log(`simulated share coverage ${((100 * c80) / k).toFixed(1)} / ${((100 * c95) / k).toFixed(1)}`);
    expect(Math.abs((100 * c80) / k - 80)).toBeLessThanOrEqual(3);
    expect(Math.abs((100 * c95) / k - 95)).toBeLessThanOrEqual(3);
  });
});

describe('curvature and the additive (share) group', () => {
  it('curvatureOf: about log √2 for white-noise steps, far below 0 for a smooth curve', () => {
    const rnd = mulberry32(11);
    const walk = [0];
    for (let t = 1; t < 400; t++) walk.push(walk[t - 1]! + gaussian(rnd));
    expect(curvatureOf(walk)).toBeGreaterThan(0.2);
    expect(curvatureOf(walk)).toBeLessThan(0.5);
    const smooth = Array.from({ length: 20 }, (_, t) => 50 + 0.5 * t + 0.01 * t * t);
    expect(curvatureOf(smooth)).toBeLessThan(-2);
    expect(curvatureOf([1, 2])).toBeCloseTo(RANDOM_WALK_CURVATURE, 12);
  });

  it('additive yearly series use their own constants; a flat logit history still gets a band that widens with h', () => {
    expect(calibrationFor(1, true)).toBe(INTERVAL_CALIBRATION.yearlyAdditive);
    expect(calibrationFor(1, false)).toBe(INTERVAL_CALIBRATION.yearly);
    expect(calibrationFor(4, true)).toBe(INTERVAL_CALIBRATION.subannual);
    const flat = Array.from({ length: 12 }, () => -0.4);
    const f = fitAuto({ values: flat, start: '2010', frequency: 1 }, { scale: 'additive' }).forecast(5);
    const w = f.intervals[1]!.upper.map((u, i) => u - f.mean[i]!);
    expect(w[0]).toBeGreaterThan(0);
    for (let i = 1; i < 5; i++) expect(w[i]).toBeGreaterThan(w[i - 1]!);
  });

  it('smooth additive histories take their own (Mondrian) quantiles, still increasing in the level, 95 beyond 80', () => {
    const cal = INTERVAL_CALIBRATION.yearlyAdditive;
    const smooth = cal.smooth!;
    expect(smooth).toBeDefined();
    const kSmooth = smooth.below - 0.1;
    const kRough = smooth.below + 0.1;
    cal.levels.forEach((l, i) => {
      expect(conformalMultiplier(l, cal, kSmooth)).toBeCloseTo(smooth.quantiles[i]!, 10);
      expect(conformalMultiplier(l, cal, kRough)).toBeCloseTo(cal.quantiles[i]!, 10);
    });
    let prev = 0;
    for (let l = 1; l < 100; l += 0.5) {
      const q = conformalMultiplier(l, cal, kSmooth);
      expect(q).toBeGreaterThan(prev);
      prev = q;
    }
    // The tuning data's smooth rates need a wider 95 % band than the rest.
    expect(conformalMultiplier(95, cal, kSmooth)).toBeGreaterThan(conformalMultiplier(95, cal, kRough));
    // auto uses it: a smooth logit history's 95 % half-width over its 80 % one is the smooth table's ratio.
    const path = Array.from({ length: 15 }, (_, t) => -1 + 0.04 * t + 0.001 * t * t);
    expect(curvatureOf(path)).toBeLessThan(smooth.below);
    const f = fitAuto({ values: path, start: '2005', frequency: 1 }, { scale: 'additive' }).forecast(3);
    const ratio = (f.intervals[1]!.upper[0]! - f.mean[0]!) / (f.intervals[0]!.upper[0]! - f.mean[0]!);
    expect(ratio).toBeCloseTo(smooth.quantiles[5]! / smooth.quantiles[3]!, 6);
  });
});
