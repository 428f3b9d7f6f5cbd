/**
 * Series breaks as the API declares them (a forecast's `break`, with the reason from the
 * assumptions' `breaks` when the forecast does not carry one), and the changes of basis it
 * declares in a shown history (`basisChanges`: published old-basis figures beside back-cast
 * values): the web never decides on its own that a year is a break, it only draws and explains
 * what is served.
 */
import type { Lang } from '../i18n/format';
import { formatDecimal } from '../i18n/format';
import type { ChartMark } from './forecast-chart';
import type { LegendItem } from './png';

type Reason = string | { vi: string; en: string };

/** One declared break: the first year on the new basis, how the model treats it, and why. */
export interface SeriesBreak {
  year: number;
  period: string;
  /** Set for a change of basis in the shown history only: the point before it and the break's first period. */
  basis?: { previous: string; breakPeriod: string; toNew: boolean };
  treatment?: string;
  ratio?: number;
  reason?: Reason;
}

/** Dash pattern of a break mark (the same on the chart, in the legend and in PNGs). */
export const BREAK_DASH = '2 4';
export const BREAK_COLOR = '#3d4757';

/** What `servedBreaks` reads of a forecast (GET /api/forecasts `break` and `indicator`). */
export interface ForecastWithBreak {
  indicator?: string;
  break?: { period: string; treatment?: string; ratio?: number; reason?: Reason };
  basisChanges?: { period: string; previous: string; breakPeriod: string; toNew: boolean }[];
}

/** A break declared in a scenario's assumptions (GET /api/gaps `assumptions.breaks`). */
export interface DeclaredBreak {
  period: string;
  indicator?: string;
  reason?: Reason;
}

/**
 * The breaks declared by the served forecasts (`forecast.break`), one per year, completed with the
 * reason declared in `assumptions.breaks` (same indicator first, then the same period).
 */
export function servedBreaks(forecasts: readonly (ForecastWithBreak | null | undefined)[], declared: readonly DeclaredBreak[] = []): SeriesBreak[] {
  // The reason declared for a period: the forecast's own indicator first, then any.
  const declaredReason = (period: string, indicator: string | undefined) => {
    const decl = declared.filter((d) => d.period === period);
    return (decl.find((d) => d.indicator === indicator) ?? decl[0])?.reason;
  };
  const byYear = new Map<number, SeriesBreak>();
  for (const fc of forecasts) {
    const b = fc?.break;
    if (!b || !/^\d{4}/.test(b.period)) continue;
    const year = Number(b.period.slice(0, 4));
    if (byYear.has(year)) continue;
    const reason = b.reason ?? declaredReason(b.period, fc.indicator);
    byYear.set(year, {
      year,
      period: b.period,
      treatment: b.treatment,
      // A non-finite ratio is served as null (JSON has no NaN).
      ratio: typeof b.ratio === 'number' && Number.isFinite(b.ratio) ? b.ratio : undefined,
      reason,
    });
  }
  // A break the model applied says more than a change of basis in what is shown: it wins the year.
  for (const fc of forecasts)
    for (const c of fc?.basisChanges ?? []) {
      const year = Number(c.period.slice(0, 4));
      if (!/^\d{4}/.test(c.period) || byYear.has(year)) continue;
      // At the declared break itself the shown step is that break: explained as the break is.
      byYear.set(
        year,
        c.period === c.breakPeriod
          ? { year, period: c.period, reason: declaredReason(c.period, fc?.indicator) }
          : { year, period: c.period, basis: { previous: c.previous, breakPeriod: c.breakPeriod, toNew: c.toNew } },
      );
    }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** Vertical marks for the chart ("2021: …"). */
export function breakMarks(breaks: readonly SeriesBreak[], t: (key: string, o?: Record<string, unknown>) => string): ChartMark[] {
  return breaks.map((b) => ({ year: b.year, label: t(b.basis ? 'chart.basisChange' : 'chart.breakLfs', { year: b.year }) }));
}

/** The break's legend entry, dashed as its mark. */
export function breakLegend(breaks: readonly SeriesBreak[], t: (key: string) => string): LegendItem[] {
  return breaks.length ? [{ label: t('chart.breakLegend'), color: BREAK_COLOR, kind: 'dashed', dash: BREAK_DASH }] : [];
}

/** The explanation under the chart: the served reason (or the generic one) and the splice ratio. */
export function breakNote(b: SeriesBreak, t: (key: string, o?: Record<string, unknown>) => string, lang: Lang): string {
  if (b.basis)
    return t(b.basis.toNew ? 'chart.basisChangeNote' : 'chart.basisChangeBackNote', {
      year: b.period,
      previous: b.basis.previous,
      breakYear: b.basis.breakPeriod,
    });
  const served = typeof b.reason === 'string' ? b.reason : b.reason?.[lang];
  const parts = [served ?? t('chart.breakReason', { year: b.year })];
  if (b.ratio !== undefined) parts.push(t('chart.breakSplice', { ratio: formatDecimal(b.ratio, lang, 3) }));
  return `${t('chart.breakNote', { year: b.year, reason: parts.map((p) => p.trim().replace(/\.$/, '')).join('; ') })}.`;
}
