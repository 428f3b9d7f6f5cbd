/**
 * Series breaks: a change of definition or weights that makes the values
 * before a period incomparable with those after it. Viet Nam's LFS from 2021
 * is re-weighted to the 2019 Census and uses the ICLS-19 employment definition:
 * the labour force "fell" from 54.6 m (2020, first published) to 50.6 m (2021)
 * (GSO; VIETNAM_FACTS.md §1).
 *
 * Two treatments, as the design asks:
 * - `fit-from-break`: drop the pre-break values and fit only on the new series,
 *   when enough points follow the break (`minAfter`).
 * - `splice`: keep the old values but level-shift them by the ratio at the
 *   break so they join the new series. The ratio is the declared one (e.g.
 *   revised/first-published 2020), or else estimated as
 *   y[break] / (y[break−1] · g), where g is the median year-on-year growth
 *   ratio of the series away from the break (so ordinary growth is not
 *   mistaken for the break).
 */
import { MEASURED_STATUSES, type ObservationStatus } from '../data/observation';
import type { AppliedBreak, BasisChange, BreakTreatment, HistoryPoint } from './types';

/** A declared break. Omitted coordinates match every value (e.g. all regions). */
export interface BreakSpec {
  indicator: string;
  region?: string;
  sector?: string;
  qualification?: string;
  /** First period of the new series. */
  period: string;
  /** Force a treatment; default: fit from the break when `minAfter` points follow it, else splice. */
  treatment?: BreakTreatment;
  /** Known factor new/old at the break (e.g. 51.4/54.6); estimated when absent. */
  ratio?: number;
  /** Why (shown to users); a plain string is used for both languages. */
  reason?: string | { vi: string; en: string };
}

function reasonText(r: BreakSpec['reason']): { vi: string; en: string } | undefined {
  return typeof r === 'string' ? { vi: r, en: r } : r;
}

/** Does a declared break apply to this cell? */
export function breakMatches(b: BreakSpec, key: { indicator: string; region: string; sector: string; qualification: string }): boolean {
  return (
    b.indicator === key.indicator &&
    (b.region === undefined || b.region === key.region) &&
    (b.sector === undefined || b.sector === key.sector) &&
    (b.qualification === undefined || b.qualification === key.qualification)
  );
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Estimate the break factor new/old at position `at` (first new value) from
 * the series itself, netting out typical growth.
 */
export function estimateBreakRatio(values: readonly number[], at: number): number {
  if (at < 1 || at >= values.length) return 1;
  const growth: number[] = [];
  for (let i = 1; i < values.length; i++) {
    if (i === at) continue;
    if (values[i - 1] > 0 && values[i] > 0) growth.push(values[i] / values[i - 1]);
  }
  const g = growth.length ? median(growth) : 1;
  const prev = values[at - 1];
  if (!(prev > 0) || !(values[at] > 0)) return 1;
  return values[at] / (prev * g);
}

export interface BreakResult {
  /** Values to fit. */
  values: number[];
  /** Period of `values[0]`. */
  start: string;
  applied?: AppliedBreak;
}

/**
 * Apply the first matching break that falls strictly inside the series.
 * `periods[i]` labels `values[i]` (annual or quarterly labels, sortable as strings).
 */
export function applyBreak(
  values: readonly number[],
  periods: readonly string[],
  brk: BreakSpec | undefined,
  options: { minAfter?: number } = {},
): BreakResult {
  const minAfter = options.minAfter ?? 8;
  const at = brk ? periods.findIndex((p) => p >= brk.period) : -1;
  if (!brk || at <= 0) return { values: [...values], start: periods[0] };
  const after = values.length - at;
  const treatment: BreakTreatment = brk.treatment ?? (after >= minAfter ? 'fit-from-break' : 'splice');
  if (treatment === 'fit-from-break') {
    return {
      values: values.slice(at),
      start: periods[at],
      applied: { period: periods[at], treatment, reason: reasonText(brk.reason) },
    };
  }
  const ratio = brk.ratio ?? estimateBreakRatio(values, at);
  return {
    values: values.map((v, i) => (i < at ? v * ratio : v)),
    start: periods[0],
    applied: { period: periods[at], treatment, ratio, reason: reasonText(brk.reason) },
  };
}

/**
 * Where a shown history changes basis before a declared break that the fit did not need: a
 * measured point (official, international, survey) before `breakPeriod` is on the old basis; a
 * modelled or generated point (back-cast detail, their sums) and every point from `breakPeriod`
 * on are on the new one. A cell may show GSO's old-basis figures as published next to back-cast
 * values, and the step between them must not read as a change in the labour market.
 */
export function shownBasisChanges(history: readonly HistoryPoint[], breakPeriod: string | undefined): BasisChange[] {
  if (!breakPeriod) return [];
  const old = (p: HistoryPoint) => p.period < breakPeriod && MEASURED_STATUSES.has(p.status as ObservationStatus);
  const out: BasisChange[] = [];
  for (let i = 1; i < history.length; i++) {
    if (old(history[i - 1]) !== old(history[i]))
      out.push({ period: history[i].period, previous: history[i - 1].period, breakPeriod, toNew: old(history[i - 1]) });
  }
  return out;
}
