import { describe, expect, it } from 'vitest';
import { driftForecaster } from './forecaster';
import { aggregateRelBand } from './aggregate-band';

describe('aggregateRelBand (the band of the aggregate, measured on the aggregate)', () => {
  it('turns the forecaster interval of the series into relative half-widths, filling gaps linearly', () => {
    const known = new Map([
      [2019, 100],
      [2020, 103],
      [2022, 107],
      [2023, 112],
      [2030, 999],
    ]);
    const f = driftForecaster([80]);
    const r = aggregateRelBand(known, 2023, 3, f, [80]);
    expect(r.years).toEqual([2019, 2020, 2021, 2022, 2023]);
    const fc = f([100, 103, 105, 107, 112], 3);
    const iv = fc.intervals![0];
    r.rel[0].upper.forEach((u, t) => expect(u).toBeCloseTo(iv.upper[t] / fc.mean[t] - 1, 12));
    r.rel[0].lower.forEach((l, t) => expect(l).toBeCloseTo(1 - iv.lower[t] / fc.mean[t], 12));
    expect(r.rel[0].upper[2]).toBeGreaterThan(r.rel[0].upper[0]);
  });

  it('gives zero widths with fewer than 3 years', () => {
    const r = aggregateRelBand(
      new Map([
        [2024, 1],
        [2025, 2],
      ]),
      2025,
      2,
      driftForecaster([80, 95]),
      [80, 95],
    );
    expect(r.years).toEqual([]);
    for (const b of r.rel) expect([...b.lower, ...b.upper]).toEqual([0, 0, 0, 0]);
  });
});
