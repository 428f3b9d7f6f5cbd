/**
 * The numeric year axis every time chart shares (issue 17): x is the year as a number (quarters at
 * fractional years, see periodToYear), so 2010 and 2015 are five years apart whatever periods are
 * present, and ticks are whole years (every 5 over long spans).
 */
import { useMemo } from 'react';
import { periodToYear, yearTicks } from '../adapters/forecast-columns';
import { AXIS_TICK } from './colors';
import { useNarrow } from './use-narrow';

/** Rows with their period's position on the year axis; rows without a readable period are dropped. */
export function withYears<R extends { period: string; year?: number }>(rows: readonly R[]): (R & { year: number })[] {
  return rows.map((r) => ({ ...r, year: typeof r.year === 'number' ? r.year : periodToYear(r.period) })).filter((r) => Number.isFinite(r.year));
}

/** Most year labels a phone-width plot holds side by side (a label is ~30 px at 12 px). */
export const NARROW_MAX_TICKS = 6;

/** Every k-th tick so that at most `max` remain (the first one kept). */
export function thinTicks(ticks: readonly number[], max: number): number[] {
  if (ticks.length <= max) return [...ticks];
  const k = Math.ceil(ticks.length / max);
  return ticks.filter((_, i) => i % k === 0);
}

/**
 * Props for recharts' `<XAxis>` on a year axis over `years`. `pad` widens the domain on both sides
 * (half a year for bars, so the first and last bars are not cut at the plot's edges). The ticks
 * are chosen here so they never crowd (`narrow`: a phone), which lets every one be drawn
 * (`interval: 0`) without recharts measuring each label in the DOM to thin them out.
 */
export function yearAxisProps(years: readonly number[], pad = 0, narrow = false) {
  const finite = years.filter((y) => Number.isFinite(y));
  const min = finite.length ? Math.min(...finite) : 0;
  const max = finite.length ? Math.max(...finite) : 0;
  const ticks = yearTicks(min, max);
  return {
    dataKey: 'year',
    type: 'number' as const,
    scale: 'linear' as const,
    domain: [min - pad, max + pad] as [number, number],
    ticks: narrow ? thinTicks(ticks, NARROW_MAX_TICKS) : ticks,
    interval: 0 as const,
    allowDecimals: false,
    tickFormatter: (v: number) => String(v),
    tick: AXIS_TICK,
  };
}

/** Tooltip heading of a year-axis chart: the row's own period ("2030", "2024-Q3"), not the axis number. */
export function periodLabel(label: unknown, payload: readonly { payload?: unknown }[] | undefined): string {
  const period = (payload?.[0]?.payload as { period?: unknown } | undefined)?.period;
  return typeof period === 'string' ? period : String(label);
}

/**
 * A time chart's rows on the year axis and its `<XAxis>` props (see yearAxisProps), computed once
 * per `rows`: what every year-axis chart starts with.
 */
export function useYearAxis<R extends { period: string; year?: number }>(rows: readonly R[], pad = 0) {
  const narrow = useNarrow();
  return useMemo(() => {
    const data = withYears(rows);
    return {
      data,
      xAxis: yearAxisProps(
        data.map((r) => r.year),
        pad,
        narrow,
      ),
    };
  }, [rows, pad, narrow]);
}
