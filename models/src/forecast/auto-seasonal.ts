/**
 * Seasonal adjustment as `auto` does it: the M4 seasonality test at a lower
 * critical value, classical multiplicative indices from the latest cycles
 * (each season's medial average of ratios), shrunk toward 1 by a James–Stein factor. Shared by `auto` and the bench tuning scripts so
 * that they adjust series identically.
 */
import { adjustmentRatios, indicesFromRatios, type SeasonalCentre } from './decompose';

/** Seasonal indices are estimated on the last this-many cycles, so that they can drift. */
export const SEASONAL_WINDOW_CYCLES = 6;

/**
 * Critical value of the seasonality test for `auto` (the M4 benchmarks use
 * 1.645, one-sided 90 %). Lower values adjust more borderline series; the
 * James–Stein shrinkage below then decides how much of their pattern to keep,
 * so a weak pattern is mostly left out rather than imposed. Issue 14, on the
 * TUNING halves only (models/bench/tune-candidates.ts, SZ=z, grid 0, 0.5,
 * 0.67, 0.84, 1.0, 1.28, 1.645, with the shrinkage): both inner folds picked
 * 0.5, and each fold's pick beat the previous 1.28 on the other fold; whole
 * tuning half M3 quarterly sMAPE 9.145 → 9.091, MASE 1.0436 → 1.0398;
 * tourism quarterly unchanged on the tuning half.
 */
export const AUTO_SEASONALITY_Z = 0.5;

/**
 * How `auto` averages a season's ratios: the medial average (decompose.ts; Census Method I).
 * Issue 14, tenth pass, on the TUNING halves only (models/bench/tune-candidates.ts,
 * ROBUSTIDX=trim|median; objective as there, 1 = the mean): the medial average 0.9949 on the whole
 * tuning half (M3 quarterly sMAPE 9.091 → 9.060, MASE 1.0398 → 1.0333; tourism quarterly 14.257 →
 * 14.179, 1.3698 → 1.3627), better on both inner folds (0.9970 / 0.9929) and on both folds of every
 * other split tried (hash bits 2–6, worst fold 0.9988); the median 0.9960, but worse on one fold
 * (tourism, bit 1). The James–Stein factor below still reads the ratios' sample variance.
 */
export const AUTO_SEASONAL_CENTRE: SeasonalCentre = 'medial';

/**
 * The multiplicative indices `auto` divides by (t mod m → index), or null when
 * the series is not adjusted (yearly, not seasonal by the test, negative
 * values, unusable ratios, or a pattern the shrinkage removes entirely). The indices are shrunk toward 1 by the
 * positive-part James–Stein factor (James & Stein 1961; Efron & Morris 1973):
 * f = max(0, 1 − (p − 2)·v / Σ(sₖ − 1)²), where p = m − 1 free indices (they
 * have mean 1) and v is the mean over seasons of the variance of the season's
 * mean ratio (sample variance of its ratios ÷ their count). Why: an index
 * estimated from a few noisy cycles overstates the seasonal amplitude on
 * average, most when the pattern is weak next to the noise; a strong pattern
 * (tourism) is left almost as it is. No constant is tuned: p − 2 is the
 * estimator's own. Checked on the benchmark TUNING halves only (issue 14,
 * models/bench/tune-candidates.ts, SHRINKJS=js): sMAPE and MASE of M3 and
 * tourism quarterly improve on both inner folds; whole tuning half M3
 * quarterly sMAPE 9.201 → 9.145, MASE 1.0500 → 1.0436; tourism quarterly
 * sMAPE 14.277 → 14.257, MASE 1.3726 → 1.3698. The shrunk indices keep mean 1.
 */
export function autoSeasonalIndices(y: readonly number[], m: number): number[] | null {
  // The ratios are computed once: the indices and the shrinkage both read them.
  const ratios = adjustmentRatios(y, m, SEASONAL_WINDOW_CYCLES * m, AUTO_SEASONALITY_Z);
  const idx = ratios && indicesFromRatios(ratios, m, AUTO_SEASONAL_CENTRE);
  if (!idx) return null;
  const f = seasonalShrinkFactor(m, idx, ratios);
  // Nothing left of the pattern: treat the series as not seasonal (same point
  // forecasts as indices of 1, but the interval model sees an unadjusted series).
  if (f === 0 || idx.every((v) => v === 1)) return null;
  return f === 1 ? idx : idx.map((v) => 1 + f * (v - 1));
}

/**
 * The James–Stein factor for `idx` (1: no shrinkage when a season has fewer than 2 ratios or m < 4).
 * `ratios`: the seasonal ratios `idx` was estimated from.
 */
export function seasonalShrinkFactor(m: number, idx: readonly number[], ratios: readonly (readonly number[])[] | null): number {
  if (!ratios || m < 4) return 1;
  let v = 0;
  for (const r of ratios) {
    const k = r.length;
    if (k < 2) return 1;
    let mu = 0;
    for (const x of r) mu += x;
    mu /= k;
    let ss = 0;
    for (const x of r) ss += (x - mu) ** 2;
    v += ss / (k - 1) / k;
  }
  v /= m;
  let signal = 0;
  for (const s of idx) signal += (s - 1) ** 2;
  return signal > 0 ? Math.max(0, 1 - ((m - 3) * v) / signal) : 1;
}
