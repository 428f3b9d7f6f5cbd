/**
 * Classical multiplicative decomposition and the seasonality test used by the
 * M4 benchmarks (Naive2, Theta, SES, Holt, Damped): adjust only when
 * |acf_m| > 1.645·√((1 + 2·Σ_{k<m} acf_k²)/n) and n ≥ 3m.
 */

/** Critical value of the seasonality test (one-sided 90% as in M4); tunable for research. */
export const SEASONALITY_TEST = { z: 1.645 };

/** Sample autocorrelations at lags 1..maxLag (as R's acf). */
export function acf(y: readonly number[], maxLag: number): number[] {
  const n = y.length;
  let mean = 0;
  for (const v of y) mean += v;
  mean /= n;
  let c0 = 0;
  for (const v of y) c0 += (v - mean) ** 2;
  const out: number[] = [];
  for (let k = 1; k <= maxLag; k++) {
    let c = 0;
    for (let t = k; t < n; t++) c += (y[t] - mean) * (y[t - k] - mean);
    out.push(c0 > 0 ? c / c0 : 0);
  }
  return out;
}

/** The M4 seasonality test at period m (90% one-sided). */
export function isSeasonal(y: readonly number[], m: number, z = SEASONALITY_TEST.z): boolean {
  if (m <= 1 || y.length < 3 * m) return false;
  const r = acf(y, m);
  let s = 1;
  for (let k = 0; k < m - 1; k++) s += 2 * r[k] * r[k];
  const limit = (z / Math.sqrt(y.length)) * Math.sqrt(s);
  return Math.abs(r[m - 1]) > limit;
}

/**
 * Ratios of the values to their centred moving average of order m, grouped by
 * season (`ratios[k]`: observations t with t mod m = k, oldest first), over the
 * latest `window` values that have a full average. Null when an average is ≤ 0.
 */
export function seasonalRatios(y: readonly number[], m: number, window = Infinity): number[][] | null {
  const n = y.length;
  const half = Math.floor(m / 2);
  const from = Math.max(half, n - half - window);
  const ratios: number[][] = Array.from({ length: m }, () => []);
  for (let t = from; t < n - half; t++) {
    let ma: number;
    if (m % 2 === 0) {
      let s = 0.5 * (y[t - half] + y[t + half]);
      for (let j = t - half + 1; j < t + half; j++) s += y[j];
      ma = s / m;
    } else {
      let s = 0;
      for (let j = t - half; j <= t + half; j++) s += y[j];
      ma = s / m;
    }
    if (!(ma > 0)) return null;
    ratios[t % m].push(y[t] / ma);
  }
  return ratios;
}

/**
 * Seasonal indices of a classical multiplicative decomposition (R `decompose`):
 * centred moving average of order m, mean ratio per season, normalised to mean 1.
 * `indices[k]` applies to observations t with t mod m = k (t from 0).
 * Returns null when the ratios are not usable (non-positive trend or indices).
 */
export function seasonalIndices(y: readonly number[], m: number, window = Infinity): number[] | null {
  const ratios = seasonalRatios(y, m, window);
  return ratios && indicesFromRatios(ratios, m);
}

/**
 * How a season's ratios are averaged: `mean` (R `decompose`) or `medial`, the mean after the
 * smallest and largest ratio are excluded when there are at least 4 (Census Method I as in
 * Makridakis, Wheelwright & McGee 1983, "Forecasting: Methods and Applications": one unusual
 * year, a strike or a one-off event, then does not move the index).
 */
export type SeasonalCentre = 'mean' | 'medial';

/** Seasonal indices from the ratios `seasonalRatios` grouped by season (`centre` per season, normalised to mean 1), or null. */
export function indicesFromRatios(ratios: readonly (readonly number[])[], m: number, centre: SeasonalCentre = 'mean'): number[] | null {
  const raw = ratios.map((r) => {
    let s = 0,
      lo = Infinity,
      hi = -Infinity;
    for (const v of r) {
      s += v;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    if (centre === 'medial' && r.length >= 4) return (s - lo - hi) / (r.length - 2);
    return r.length > 0 ? s / r.length : NaN;
  });
  const mean = raw.reduce((a, b) => a + b, 0) / m;
  const idx = raw.map((v) => v / mean);
  // A season near zero would blow up the adjusted series.
  if (idx.some((v) => !Number.isFinite(v) || v < 0.05)) return null;
  return idx;
}

/**
 * Indices to use for seasonal adjustment, or null when the series should be
 * left as it is (not seasonal by the test at critical value `z`, negative
 * values, unusable ratios). `window` limits the indices to the latest values.
 */
export function adjustmentIndices(y: readonly number[], m: number, window = Infinity, z = SEASONALITY_TEST.z): number[] | null {
  const ratios = adjustmentRatios(y, m, window, z);
  return ratios && indicesFromRatios(ratios, m);
}

/** The seasonal ratios behind `adjustmentIndices` (same tests), for callers that need both. */
export function adjustmentRatios(y: readonly number[], m: number, window = Infinity, z = SEASONALITY_TEST.z): number[][] | null {
  if (m <= 1 || !isSeasonal(y, m, z)) return null;
  if (y.some((v) => v < 0)) return null;
  return seasonalRatios(y, m, window);
}
