/**
 * The labour force's forecast band, measured on the aggregate (issue 12 follow-up).
 *
 * Why not from participation: putting the intervals of every sex × age group at their bounds
 * together assumes the groups move in perfect lockstep and gave ±8 m on 58 m by 2035; assuming
 * them independent (quadrature) would assume the opposite, although the groups do move together
 * (the 2020–21 shock and the 2021 re-weighting moved every group; long-run participation trends are
 * shared). Neither correlation is known from 17 years of broad-group data. The official national
 * labour-force series itself carries the correlation that actually happened, and the engine's
 * intervals on it are calibrated by its own backtests: so the band of the aggregate is measured on
 * the aggregate. Its RELATIVE half-widths are applied around the system's (demographic) path.
 */
import type { PathForecaster } from '../composition/forecaster';

/** Relative half-widths (≥ 0) per level and forecast year, and the years of the series they came from. */
export interface AggregateRelBand {
  rel: { level: number; lower: number[]; upper: number[] }[];
  /** Years of the official series the engine was fitted on (empty: no band, widths 0). */
  years: number[];
}

/**
 * Engine forecast of an annual series (already on one basis: pre-break values spliced by the
 * caller), its intervals turned into relative half-widths around the engine's own mean.
 * Years between the first and last known value are filled linearly; fewer than 3 years give zero widths.
 * @param known value by year (only years ≤ `throughYear` are used)
 */
export function aggregateRelBand(known: Map<number, number>, throughYear: number, H: number, forecaster: PathForecaster, levels: number[]): AggregateRelBand {
  const ks = [...known.keys()].filter((y) => y <= throughYear && Number.isFinite(known.get(y)!)).sort((a, b) => a - b);
  const zero = () => levels.map((level) => ({ level, lower: new Array<number>(H).fill(0), upper: new Array<number>(H).fill(0) }));
  if (ks.length < 3) return { rel: zero(), years: [] };
  const years = Array.from({ length: ks[ks.length - 1] - ks[0] + 1 }, (_, i) => ks[0] + i);
  const series = years.map((y) => {
    if (known.has(y)) return known.get(y)!;
    const lo = ks.filter((k) => k < y).pop()!;
    const hi = ks.find((k) => k > y)!;
    const w = (y - lo) / (hi - lo);
    return known.get(lo)! * (1 - w) + known.get(hi)! * w;
  });
  const f = forecaster(series, H);
  return { rel: relativeBand(f.mean, f.intervals, levels), years };
}

/**
 * Relative half-widths (≥ 0) of a forecast around its own mean, per level: 1 − lower/mean and
 * upper/mean − 1. A level without intervals, or a non-positive mean, gives 0.
 */
export function relativeBand(
  mean: readonly number[],
  intervals: readonly { level: number; lower: number[]; upper: number[] }[] | undefined,
  levels: readonly number[],
): { level: number; lower: number[]; upper: number[] }[] {
  return levels.map((level) => {
    const iv = intervals?.find((x) => x.level === level);
    return {
      level,
      lower: mean.map((m, t) => (iv && m > 0 ? Math.max(0, 1 - iv.lower[t] / m) : 0)),
      upper: mean.map((m, t) => (iv && m > 0 ? Math.max(0, iv.upper[t] / m - 1) : 0)),
    };
  });
}
