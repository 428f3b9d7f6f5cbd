import { describe, expect, it } from 'vitest';
import type { Fit, FitFn } from '../forecast/types';
import { fitAuto } from '../forecast/auto';
import { fitAdditive, forecastShares, fromLogRatios, shareFromLogit, shareLogit, toLogRatios } from './shares';

// Test doubles in log-ratio space: last value, and a straight line through
// the last two points, both with ±0.1 / ±0.2 intervals.
function fitOf(points: (h: number) => number[]): Fit {
  return {
    method: 'test',
    fitted: [],
    params: {},
    intervalKind: 'analytic',
    models: [{ method: 'test', weight: 1 }],
    forecast: (h, o) => {
      const mean = points(h);
      return {
        mean,
        intervals: (o?.levels ?? [80, 95]).map((level) => {
          const w = level >= 95 ? 0.2 : 0.1;
          return { level, lower: mean.map((m) => m - w), upper: mean.map((m) => m + w) };
        }),
      };
    },
  };
}
const last: FitFn = (s) => fitOf((h) => Array(h).fill(s.values.at(-1)));
const trend: FitFn = (s) => {
  const v = s.values;
  const slope = v.at(-1)! - v.at(-2)!;
  return fitOf((h) => Array.from({ length: h }, (_, i) => v.at(-1)! + slope * (i + 1)));
};

// Agriculture falls 3 points a year; industry and services take it up.
const years = 12;
const agriculture = Array.from({ length: years }, (_, t) => 60 - 3 * t);
const industry = agriculture.map((a) => (100 - a) * 0.4);
const services = agriculture.map((a, t) => 100 - a - industry[t]!);
const shares = { start: '2010', frequency: 1 as const, components: { agriculture, industry, services } };

describe('log ratios', () => {
  it('round-trip shares that sum to 100', () => {
    const x = [50, 30, 20];
    const z = toLogRatios(x);
    expect(z.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
    fromLogRatios(z).forEach((v, i) => expect(v).toBeCloseTo(x[i]!, 10));
  });

  it('floors zero shares instead of taking log(0)', () => {
    const back = fromLogRatios(toLogRatios([0, 40, 60]));
    expect(back[0]).toBeGreaterThan(0);
    expect(back[0]).toBeLessThan(0.02);
  });
});

describe('forecastShares', () => {
  it('repeats the last shares under a last-value model', () => {
    const fc = forecastShares(shares, 3, { fit: last });
    expect(fc.components.agriculture!.mean[2]).toBeCloseTo(agriculture.at(-1)!, 10);
    expect(fc.components.services!.mean[0]).toBeCloseTo(services.at(-1)!, 10);
  });

  it("puts the calibrated band of the share's own logit around the coherent mean", () => {
    const fc = forecastShares({ start: '2020', frequency: 1, components: { a: [50, 50], b: [50, 50] } }, 1, { fit: last });
    // logit(a) = 0 throughout; the logit model's 80 % band is ±0.1 around its mean, applied at logit(mean a) = 0.
    const a80 = fc.components.a!.intervals[0]!;
    expect(a80.lower[0]).toBeCloseTo(shareFromLogit(-0.1), 10);
    expect(a80.upper[0]).toBeCloseTo(shareFromLogit(0.1), 10);
    expect(shareLogit(shareFromLogit(0.7))).toBeCloseTo(0.7, 12);
  });

  it('uses auto with additive errors for log-ratios and logits by default (they are not levels)', () => {
    // A dominant share: its log-ratio and logit stay positive, so a level model would take their logs.
    const big = Array.from({ length: 15 }, (_, t) => 70 + 0.8 * t + (t % 3) * 0.4);
    const mix = { start: '2005', frequency: 1 as const, components: { big, mid: big.map((v) => (100 - v) * 0.6), small: big.map((v) => (100 - v) * 0.4) } };
    const byDefault = forecastShares(mix, 4);
    expect(byDefault.components).toEqual(forecastShares(mix, 4, { fit: fitAdditive }).components);
    expect(byDefault.components).not.toEqual(forecastShares(mix, 4, { fit: (s) => fitAuto(s) }).components);
  });

  it('keeps a falling share above 0 and the total at 100 far ahead', () => {
    // A linear extrapolation of agriculture would reach −30 % after 20 years.
    const fc = forecastShares(shares, 20, { fit: trend });
    for (let i = 0; i < 20; i++) {
      const total = Object.values(fc.components).reduce((s, f) => s + f.mean[i]!, 0);
      expect(total).toBeCloseTo(100, 9);
      for (const f of Object.values(fc.components)) {
        expect(f.mean[i]).toBeGreaterThan(0);
        expect(f.mean[i]).toBeLessThan(100);
        for (const iv of f.intervals) {
          expect(iv.lower[i]).toBeGreaterThan(0);
          expect(iv.upper[i]).toBeLessThan(100);
          expect(iv.lower[i]).toBeLessThanOrEqual(f.mean[i]!);
          expect(iv.upper[i]).toBeGreaterThanOrEqual(f.mean[i]!);
        }
      }
    }
    const agr = fc.components.agriculture!;
    expect(agr.mean[19]).toBeLessThan(agr.mean[0]!);
    // 95 % contains 80 %.
    expect(agr.intervals[1]!.lower[5]).toBeLessThanOrEqual(agr.intervals[0]!.lower[5]!);
    expect(agr.intervals[1]!.upper[5]).toBeGreaterThanOrEqual(agr.intervals[0]!.upper[5]!);
  });

  it('works with the default auto forecaster', () => {
    const fc = forecastShares(shares, 6);
    const total = Object.values(fc.components).reduce((s, f) => s + f.mean[5]!, 0);
    expect(total).toBeCloseTo(100, 9);
    expect(fc.fits.agriculture!.method).toBe('auto');
  });

  it('rejects shares that are not a composition', () => {
    expect(() => forecastShares({ ...shares, components: { a: [50, 50], b: [50, 40] } }, 1)).toThrow(/period number 2 add up to 90.00 %/);
    expect(() => forecastShares({ ...shares, components: { a: [120], b: [-20] } }, 1)).toThrow(/between 0 and 100/);
    expect(() => forecastShares({ ...shares, components: { a: [50, 50], b: [50] } }, 1)).toThrow(/same periods/);
    expect(() => forecastShares({ ...shares, components: { a: [100] } }, 1)).toThrow(/at least two components/);
  });
});
