/**
 * Labour-productivity trends for the demand side (issue 12 §2), fitted on ONE
 * statistical basis.
 *
 * Why: before 2021 the LFS counted own-use farm producers as employed; the
 * 2021 re-weighting moved about 9 m people out of agriculture (A: 23.3 m in
 * 2015 → 14.3 m in 2021). A productivity trend fitted across that break reads
 * the definitional drop as 8 %/yr productivity growth. So broad-sector trends
 * are fitted only on the post-break years, and — the window being short and
 * starting in a COVID year — damped toward the economy's long-run aggregate
 * productivity growth (one series on one basis: all value added ÷ national
 * employment, pre-break years spliced by the documented 2021 ratio).
 */
import { linearRegression } from 'simple-statistics';

/** Yearly damping of a broad sector's fitted productivity growth toward the long-run aggregate (half-life ≈ 3.1 years). */
export const PRODUCTIVITY_DAMPING = 0.8;
/** Fewest points for a log-linear productivity trend. */
export const MIN_TREND_YEARS = 3;
/** Fitted growth is clamped to this range (log points a year) before damping: guards a 3-point window. */
export const GROWTH_RANGE: readonly [number, number] = [-0.03, 0.12];

/** Slope of ln(value) on the year (log points a year), or null with fewer than `minYears` positive points. */
export function logLinearGrowth(years: readonly number[], values: readonly number[], minYears = MIN_TREND_YEARS): number | null {
  const pts = years
    .map((y, i) => [y, values[i]] as const)
    .filter(([, v]) => Number.isFinite(v) && v > 0)
    .map(([y, v]) => [y, Math.log(v)]);
  if (pts.length < minYears) return null;
  const m = linearRegression(pts).m;
  return Number.isFinite(m) ? m : null;
}

/** Yearly growth g(t) = g∞ + (g0 − g∞)·φ^t for t = 1…h. */
export function dampedGrowth(g0: number, gLong: number, h: number, phi = PRODUCTIVITY_DAMPING): number[] {
  return Array.from({ length: h }, (_, k) => gLong + (g0 - gLong) * phi ** (k + 1));
}

/** Index (base = 1) of a level growing by the given yearly log growths: exp of the running sum. */
export function growthIndex(growths: readonly number[]): number[] {
  let acc = 0;
  return growths.map((g) => Math.exp((acc += g)));
}

/** A broad sector's fitted productivity trend, for the method notes. */
export interface BroadTrend {
  group: string;
  /** Years of the fitting window (post-break, ≤ base year). */
  years: number[];
  /** Where each window year's employment came from. */
  employmentSource: ('official' | 'grid')[];
  /** Fitted growth (log points a year) after clamping, or null → the long-run rate from the first year. */
  fitted: number | null;
  /** Productivity growth path used, forecast years 1…h. */
  path: number[];
}

/** Clamp a fitted growth into {@link GROWTH_RANGE}. */
export const clampGrowth = (g: number): number => Math.max(GROWTH_RANGE[0], Math.min(GROWTH_RANGE[1], g));
