/**
 * Imbalance = new supply − openings, read as a signal like Canada's COPS
 * (shortage / balance / surplus), never as a count of unemployed people.
 *
 * Flag thresholds are on the ratio new supply ÷ openings and configurable:
 * by default a cell is in **shortage** when new supply covers less than 90%
 * of openings (ratio < 0.9), in **surplus** when it exceeds them by more than
 * 10% (ratio > 1.1), and **balanced** in between. The ±10% band absorbs
 * ordinary measurement noise in graduates and exits data.
 */
import type { Confidence, Flag, GapRow, Thresholds } from './types';

/** Default thresholds (documented above). */
export const DEFAULT_THRESHOLDS: Thresholds = { shortageBelow: 0.9, surplusAbove: 1.1, smallCell: 1000 };

/** new supply ÷ openings; null when there are no openings. */
export function supplyRatio(newSupply: number, openings: number): number | null {
  return openings > 0 ? newSupply / openings : null;
}

/** Flag from supply and openings. With no openings, any supply is a surplus. */
export function flagOf(newSupply: number, openings: number, t: Thresholds = DEFAULT_THRESHOLDS): Flag {
  const ratio = supplyRatio(newSupply, openings);
  if (ratio === null) return newSupply > 0 ? 'surplus' : 'balanced';
  if (ratio < t.shortageBelow) return 'shortage';
  if (ratio > t.surplusAbove) return 'surplus';
  return 'balanced';
}

/** The numbers a gap row is built from. */
export interface ImbalanceInput {
  openings: number;
  newSupply: number;
  /** Half-width of the 80% interval of the imbalance. */
  halfWidth80: number;
  employmentBase: number;
  /** The cell's forecast did worse than naive in its backtest (MASE > 1.2 × naive's): one step less confident. */
  worseThanNaive?: boolean;
}

/** Imbalance, its interval, ratio, flag and confidence of one cell (documented on GapRow). */
export type Imbalance = Pick<GapRow, 'imbalance' | 'imbalanceLower' | 'imbalanceUpper' | 'ratio' | 'flag' | 'confidence'>;

/**
 * Confidence of a flag: `high` when both ends of the 80% interval give the
 * same flag as the central estimate; `low` when the interval reaches from
 * shortage to surplus, or the cell employs fewer than `smallCell` people
 * (Cedefop treats small cells with caution); `medium` otherwise. A cell
 * whose forecast backtested worse than naive is one step less confident.
 */
export function imbalanceOf(x: ImbalanceInput, t: Thresholds = DEFAULT_THRESHOLDS): Imbalance {
  const imbalance = x.newSupply - x.openings;
  const imbalanceLower = imbalance - x.halfWidth80;
  const imbalanceUpper = imbalance + x.halfWidth80;
  const flag = flagOf(x.newSupply, x.openings, t);
  // Supply implied at each end of the interval, with openings fixed.
  const lowFlag = flagOf(Math.max(0, x.openings + imbalanceLower), x.openings, t);
  const highFlag = flagOf(Math.max(0, x.openings + imbalanceUpper), x.openings, t);
  let confidence: Confidence;
  if (x.employmentBase < t.smallCell || (lowFlag === 'shortage' && highFlag === 'surplus')) confidence = 'low';
  else if (lowFlag === flag && highFlag === flag) confidence = 'high';
  else confidence = 'medium';
  if (x.worseThanNaive && confidence !== 'low') confidence = confidence === 'high' ? 'medium' : 'low';
  return { imbalance, imbalanceLower, imbalanceUpper, ratio: supplyRatio(x.newSupply, x.openings), flag, confidence };
}

/** Severity used for ranking: imbalance relative to openings (−1 = no supply at all). */
function severity(r: Pick<GapRow, 'imbalance' | 'openings'>): number {
  return r.openings > 0 ? r.imbalance / r.openings : Number.POSITIVE_INFINITY;
}

function bySeverity(a: Pick<GapRow, 'imbalance' | 'openings'>, b: Pick<GapRow, 'imbalance' | 'openings'>): number {
  const d = severity(a) - severity(b);
  return Number.isNaN(d) ? 0 : d;
}

type Rankable = Pick<GapRow, 'imbalance' | 'openings' | 'sector' | 'qualification'>;

/** Rank order: relative severity, then the larger absolute shortage, then codes (stable). */
function compareForRank(a: Rankable, b: Rankable): number {
  return bySeverity(a, b)
    || a.imbalance - b.imbalance
    || (a.sector < b.sector ? -1 : a.sector > b.sector ? 1 : 0)
    || (a.qualification < b.qualification ? -1 : a.qualification > b.qualification ? 1 : 0);
}

/**
 * Rank rows in place: 1 = the most severe shortage relative to openings, within
 * each group given by `groupOf` (e.g. same region, horizon and aggregation level).
 * Ties break on the larger absolute shortage, then on codes, so ranks are stable.
 */
export function rankRows<T extends Pick<GapRow, 'imbalance' | 'openings' | 'rank' | 'sector' | 'qualification'>>(
  rows: T[],
  groupOf: (row: T) => string,
): T[] {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const k = groupOf(r);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  for (const g of groups.values()) {
    g.sort(compareForRank);
    g.forEach((r, i) => (r.rank = i + 1));
  }
  return rows;
}

/**
 * Rank `rows[from..to)` in place like `rankRows`, with the group of row i
 * given as a number `groups[i]` (fast path for the outlook's many rows).
 */
export function rankBlock<T extends Pick<GapRow, 'imbalance' | 'openings' | 'rank' | 'sector' | 'qualification'>>(
  rows: T[],
  from: number,
  to: number,
  groups: readonly number[],
): void {
  const byGroup = new Map<number, T[]>();
  for (let i = from; i < to; i++) {
    const g = groups[i];
    const list = byGroup.get(g);
    if (list) list.push(rows[i]);
    else byGroup.set(g, [rows[i]]);
  }
  for (const list of byGroup.values()) {
    list.sort(compareForRank);
    list.forEach((r, i) => (r.rank = i + 1));
  }
}
