import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AUTO_SEASONALITY_Z, autoSeasonalIndices, SEASONAL_WINDOW_CYCLES, seasonalShrinkFactor } from './auto-seasonal';
import { adjustmentIndices, adjustmentRatios, indicesFromRatios, seasonalRatios } from './decompose';

const quarterly = (cycles: number, pattern: readonly number[], noise = (_t: number) => 0) =>
  Array.from({ length: 4 * cycles }, (_, t) => (100 + 2 * t) * pattern[t % 4] * (1 + noise(t)));
/** The factor for `idx` from `y`'s own seasonal ratios (as `auto` computes it). */
const shrink = (y: number[], idx: number[]) => seasonalShrinkFactor(4, idx, seasonalRatios(y, 4, SEASONAL_WINDOW_CYCLES * 4));
/** The unshrunk indices `auto` starts from: each season's medial average of its ratios. */
const raw = (y: number[]) => indicesFromRatios(adjustmentRatios(y, 4, SEASONAL_WINDOW_CYCLES * 4, AUTO_SEASONALITY_Z)!, 4, 'medial')!;
// Deterministic pseudo-noise in [−1, 1].
const wobble = (t: number) => Math.sin(12.9898 * t + 78.233) * 0.5 + Math.sin(4.1 * t * t) * 0.5;

describe('autoSeasonalIndices', () => {
  it('keeps an exact seasonal pattern (no noise: factor 1)', () => {
    const y = quarterly(8, [0.7, 1.1, 1.4, 0.8]);
    // The centred average of a trending series is not exact, so the ratios vary a hair.
    expect(shrink(y, raw(y))).toBeCloseTo(1, 6);
    autoSeasonalIndices(y, 4)!.forEach((v, k) => expect(v).toBeCloseTo(raw(y)[k], 6));
  });

  it('shrinks a weak, noisy pattern toward 1 more than a strong one', () => {
    const noise = (t: number) => 0.04 * wobble(t);
    const weak = quarterly(8, [0.97, 1.02, 1.04, 0.97], noise);
    const strong = quarterly(8, [0.6, 1.2, 1.5, 0.7], noise);
    const fWeak = shrink(weak, raw(weak));
    const fStrong = shrink(strong, raw(strong));
    expect(fWeak).toBeLessThan(fStrong);
    expect(fStrong).toBeGreaterThan(0.99);
    expect(fStrong).toBeLessThan(1);
    const idx = autoSeasonalIndices(weak, 4)!;
    idx.forEach((v, k) => expect(v).toBeCloseTo(1 + fWeak * (raw(weak)[k] - 1), 12));
  });

  it('lets one unusual year move the mean index but not the medial average auto uses', () => {
    const pattern = [0.7, 1.1, 1.4, 0.8];
    const y = quarterly(8, pattern, (t) => 0.01 * wobble(t));
    const shocked = [...y];
    shocked[4 * 5 + 2] *= 1.6; // one third quarter 60 % above its usual level
    const ratios = adjustmentRatios(shocked, 4, SEASONAL_WINDOW_CYCLES * 4, AUTO_SEASONALITY_Z)!;
    const meanIdx = indicesFromRatios(ratios, 4, 'mean')!;
    const medial = indicesFromRatios(ratios, 4, 'medial')!;
    const clean = raw(y);
    expect(Math.abs(meanIdx[2] - clean[2])).toBeGreaterThan(0.05);
    expect(Math.abs(medial[2] - clean[2])).toBeLessThan(0.02);
    autoSeasonalIndices(shocked, 4)!.forEach((v, k) => expect(Math.abs(v - clean[k])).toBeLessThan(0.03));
  });

  it('leaves yearly series, trend-only series and patterns lost in noise unadjusted', () => {
    expect(autoSeasonalIndices([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 1)).toBeNull();
    // A straight line passes the lenient test, but its ratios are all 1.
    expect(
      autoSeasonalIndices(
        Array.from({ length: 24 }, (_, t) => 50 + t),
        4,
      ),
    ).toBeNull();
    // Level jumps ±10 % that flip sign every cycle: the test sees period-4
    // structure, but each season's mean ratio is ~1 with a large spread.
    const lost = Array.from({ length: 32 }, (_, t) => 100 * (1 + 0.1 * (Math.floor(t / 4) % 2 ? -1 : 1) * (t % 2 ? -1 : 1) + 0.004 * ((t % 4) - 1.5)));
    const r = adjustmentIndices(lost, 4, SEASONAL_WINDOW_CYCLES * 4, AUTO_SEASONALITY_Z)!;
    expect(r).not.toBeNull();
    expect(shrink(lost, r)).toBe(0);
    expect(autoSeasonalIndices(lost, 4)).toBeNull();
  });

  it('keeps indices positive with mean 1 and the factor in [0, 1] (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.3, max: 2, noNaN: true }), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 3, max: 10 }),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        (p, cycles, amp) => {
          const y = quarterly(cycles, p, (t) => amp * wobble(t));
          const r = adjustmentIndices(y, 4, SEASONAL_WINDOW_CYCLES * 4, AUTO_SEASONALITY_Z);
          const idx = autoSeasonalIndices(y, 4);
          if (!r || !idx) return;
          const f = shrink(y, r);
          expect(f).toBeGreaterThanOrEqual(0);
          expect(f).toBeLessThanOrEqual(1);
          expect(idx.every((v) => v > 0)).toBe(true);
          expect(idx.reduce((a, b) => a + b, 0) / 4).toBeCloseTo(1, 9);
        },
      ),
    );
  });
});
