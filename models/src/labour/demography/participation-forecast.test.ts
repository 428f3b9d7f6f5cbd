import { describe, expect, it } from 'vitest';
import { forecastBroadRates, forecastRate, type Forecaster } from './participation-forecast';

/** Naive on the logit scale with a ±1 (80 %) and ±2 (95 %) band. */
const naive: Forecaster = (v, h) => {
  const last = v[v.length - 1];
  const rep = (d: number) => Array(h).fill(last + d);
  return { mean: rep(0), intervals: [{ level: 95, lower: rep(-2), upper: rep(2) }], lower80: rep(-1), upper80: rep(1) };
};

describe('participation forecast on the logit scale', () => {
  it('back-transforms the mean and both bands into (0, 1)', () => {
    const f = forecastRate([0.7, 0.75, 0.8], 3, naive);
    expect(f.mean).toEqual([0.8, 0.8, 0.8].map((x) => expect.closeTo(x, 9)));
    expect(f.intervals.map((b) => b.level)).toEqual([80, 95]);
    for (const b of f.intervals)
      for (let i = 0; i < 3; i++) {
        expect(b.lower[i]).toBeGreaterThan(0);
        expect(b.upper[i]).toBeLessThan(1);
        expect(b.lower[i]).toBeLessThan(f.mean[i]);
      }
  });
  it('an explosive linear trend stays below 1', () => {
    const trend: Forecaster = (v, h) => ({ mean: Array.from({ length: h }, (_, i) => v[v.length - 1] + 5 * (i + 1)) });
    const f = forecastRate([0.9, 0.95, 0.99], 10, trend);
    expect(Math.max(...f.mean)).toBeLessThanOrEqual(1);
  });
  it('forecasts every sex × broad group past the last year; a gap throws', () => {
    const r = { M: { '15-24': 0.5, '25-49': 0.95, '50+': 0.6 }, F: { '15-24': 0.45, '25-49': 0.85, '50+': 0.45 } };
    const out = forecastBroadRates({ 2015: r, 2016: r }, 2, naive);
    expect(out.years).toEqual([2017, 2018]);
    expect(out.mean[2018].F['50+']).toBeCloseTo(0.45, 9);
    expect(() => forecastBroadRates({ 2014: r, 2016: r }, 2, naive)).toThrow(/gap/);
  });
});
