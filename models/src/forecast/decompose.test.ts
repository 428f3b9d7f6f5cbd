import { describe, expect, it } from 'vitest';
import { acf, adjustmentIndices, isSeasonal, seasonalIndices } from './decompose';

describe('seasonal decomposition', () => {
  const pattern = [0.8, 1.1, 1.3, 0.8];
  const seasonal = Array.from({ length: 24 }, (_, t) => (100 + 2 * t) * pattern[t % 4]);

  it('recovers multiplicative indices of a clean seasonal series', () => {
    const idx = seasonalIndices(seasonal, 4)!;
    const mean = pattern.reduce((a, b) => a + b) / 4;
    idx.forEach((v, k) => expect(v).toBeCloseTo(pattern[k] / mean, 2));
    expect(idx.reduce((a, b) => a + b) / 4).toBeCloseTo(1, 10);
  });

  it('finds seasonality only where there is some, and never for yearly data or short series', () => {
    expect(isSeasonal(seasonal, 4)).toBe(true);
    const trend = Array.from({ length: 24 }, (_, t) => 100 + 2 * t);
    expect(
      isSeasonal(
        trend.map((v, t) => v + (t % 2 ? 0.3 : -0.3)),
        4,
      ),
    ).toBe(false);
    expect(isSeasonal(seasonal, 1)).toBe(false);
    expect(isSeasonal(seasonal.slice(0, 11), 4)).toBe(false);
    expect(
      adjustmentIndices(
        seasonal.map((v) => v - 200),
        4,
      ),
    ).toBeNull();
  });

  it('computes autocorrelations like R (lag 1 of a line is high and positive)', () => {
    const r = acf([1, 2, 3, 4, 5, 6, 7, 8], 2);
    expect(r[0]).toBeCloseTo(0.625, 10);
    expect(r[1]).toBeLessThan(r[0]);
  });
});
