/**
 * The one reading of the served flag thresholds (GET /api/gaps `thresholds`): flags compare
 * `imbalanceShare` = cumulative (new supply − openings) over the horizon ÷ base employment with
 * `shortageBelow` / `surplusAbove` (shares, default −2 % / +2 %). The map's colour classes are
 * derived from the same two numbers, and from the row's served flag, so a tile and its table row
 * always agree: every shortage class lies below `shortageBelow`, every surplus class above
 * `surplusAbove`; `uncertain` and `too-small` rows get their own neutral classes.
 */
import { DEFAULT_THRESHOLDS, imbalanceShareOf } from '@lmo/models/labour';
import type { Flag, GapRow } from '../api/types';
import { DIVERGING, FLAG_COLORS } from './colors';
import type { LegendItem } from './png';

/** Flag thresholds as the web reads them (all shares of base employment over the horizon). */
export interface FlagThresholds {
  shortageBelow: number;
  surplusAbove: number;
  smallCell: number;
  minOpenings: number;
}

/** The model's own defaults (DEFAULT_THRESHOLDS, not a copy), used only until the API answers with the served ones. */
export const FALLBACK_THRESHOLDS: FlagThresholds = {
  shortageBelow: DEFAULT_THRESHOLDS.shortageBelow,
  surplusAbove: DEFAULT_THRESHOLDS.surplusAbove,
  smallCell: DEFAULT_THRESHOLDS.smallCell,
  minOpenings: DEFAULT_THRESHOLDS.minOpenings ?? 500,
};

/** Served thresholds completed with the defaults (older results lack `minOpenings`). */
export function thresholdsOf(served?: Partial<FlagThresholds> | null): FlagThresholds {
  return { ...FALLBACK_THRESHOLDS, ...Object.fromEntries(Object.entries(served ?? {}).filter(([, v]) => typeof v === 'number')) };
}

/** The thresholds an answer was flagged with: its own, or those of its assumptions (older answers). */
export function servedThresholds(
  data?: { thresholds?: Partial<FlagThresholds> | null; assumptions?: { thresholds?: Partial<FlagThresholds> | null } | null } | null,
): Partial<FlagThresholds> | undefined {
  return data?.thresholds ?? data?.assumptions?.thresholds ?? undefined;
}

/** Every flag, in display order. */
export const FLAGS: readonly Flag[] = ['shortage', 'balanced', 'surplus', 'uncertain', 'too-small'];

/**
 * The six bounds of the seven map classes: 3×, 2×, 1× the shortage threshold, then 1×, 2×, 3× the
 * surplus threshold (e.g. −6 %, −4 %, −2 %, +2 %, +4 %, +6 %). Class 3 (balanced) is exactly the
 * flag's balanced band.
 */
export function shareBreaks(t: FlagThresholds): number[] {
  return [3 * t.shortageBelow, 2 * t.shortageBelow, t.shortageBelow, t.surplusAbove, 2 * t.surplusAbove, 3 * t.surplusAbove];
}

/** A map class: 0 (worst shortage) … 6 (largest surplus), or a neutral class, or null (no data). */
export type MapClass = number | 'uncertain' | 'too-small' | null;

/**
 * Map class of one gap row. The side (shortage / balanced / surplus) is the row's served flag;
 * the depth inside a side comes from its share against 2× and 3× the threshold.
 */
export function mapClassOf(row: Pick<GapRow, 'flag' | 'imbalanceShare'> | undefined, t: FlagThresholds): MapClass {
  if (!row) return null;
  if (row.flag === 'uncertain' || row.flag === 'too-small') return row.flag;
  if (row.flag === 'balanced') return 3;
  const b = shareBreaks(t);
  const s = row.imbalanceShare;
  const finite = typeof s === 'number' && Number.isFinite(s);
  if (row.flag === 'shortage') return finite && s < b[0] ? 0 : finite && s < b[1] ? 1 : 2;
  return finite && s > b[5] ? 6 : finite && s > b[4] ? 5 : 4;
}

/** Flat colour of a map class (the neutral ones are the flags' own greys; the tile map adds a pattern). */
export function mapClassColor(c: Exclude<MapClass, null>): string {
  return typeof c === 'number' ? DIVERGING[c] : FLAG_COLORS[c];
}

/** All classes in legend order: the seven scale classes, then uncertain and too-small. */
export const MAP_CLASSES: readonly Exclude<MapClass, null>[] = [0, 1, 2, 3, 4, 5, 6, 'uncertain', 'too-small'];

/**
 * Range of a scale class as text, with `fmt` writing one share (e.g. "< −6,0%", "−4,0% … −2,0%",
 * "−2,0% … +2,0%", "> +6,0%"); neutral classes return null (their label is the flag's name).
 */
export function classRange(c: Exclude<MapClass, null>, t: FlagThresholds, fmt: (share: number) => string): string | null {
  if (typeof c !== 'number') return null;
  const b = shareBreaks(t);
  if (c === 0) return `< ${fmt(b[0])}`;
  if (c === 6) return `> ${fmt(b[5])}`;
  return `${fmt(b[c - 1])} … ${fmt(b[c])}`;
}

/** The flag a scale class belongs to (so a legend can name it). */
export function classFlag(c: Exclude<MapClass, null>): Flag {
  if (typeof c !== 'number') return c;
  return c < 3 ? 'shortage' : c > 3 ? 'surplus' : 'balanced';
}

/** A row's imbalance share as served; derived the model's way for results stored before it was (null when the base is 0). */
export function shareOf(r: Pick<GapRow, 'imbalance' | 'employmentBase'> & { imbalanceShare?: number | null }): number | null {
  return r.imbalanceShare !== undefined ? r.imbalanceShare : imbalanceShareOf(r.imbalance, r.employmentBase);
}

/** A share as a plain percent number for tables and CSV (−0.0235 → −2.35), so spreadsheets read a number; undefined when missing. */
export function sharePercent(share: number | null | undefined): number | undefined {
  return typeof share === 'number' && Number.isFinite(share) ? Math.round(share * 10000) / 100 : undefined;
}

/**
 * The map's legend for the chart frame and its PNG: each class named by its flag and its share
 * range (cut at the served thresholds), the neutral classes dotted as the tiles are.
 */
export function mapLegendItems(th: FlagThresholds, t: (key: string) => string, fmt: (share: number) => string): LegendItem[] {
  return MAP_CLASSES.map((c) => ({
    label: [t(`flag.${classFlag(c)}`), classRange(c, th, fmt)].filter(Boolean).join(' '),
    color: mapClassColor(c),
    kind: 'bar' as const,
    ...(typeof c === 'number' ? {} : { pattern: 'dots' as const }),
  }));
}
