/**
 * Imbalance = cumulative new supply − cumulative openings over the horizon, read as a signal like
 * Canada's COPS (shortage / balance / surplus), never as a count of unemployed people.
 *
 * The flag reads the imbalance as a SHARE OF BASE EMPLOYMENT (`imbalanceShare`), so cells of very
 * different sizes are compared on one scale. Default thresholds: **shortage** below −2 %, **surplus**
 * above +2 % of base-year employment over the horizon, **balanced** in between. Why ±2 %: over the
 * usual 10-year horizon openings are about 25–35 % of base employment (replacement ≈ 2–3 % a year
 * plus growth), so ±2 % of employment is close to the ±10 %-of-openings band used before, and
 * larger than the rounding and allocation noise of the detailed cells. Configurable per outlook.
 *
 * Small cells (fewer than 5,000 workers in the base year or fewer than 500 GROSS openings over the
 * horizon, i.e. replacement + max(0, expansion)) are `too-small`: their flows are a handful of people
 * spread by assumptions, so they are never flagged and never ranked (Cedefop/COPS small-cell
 * practice). The rule reads the flow volume, not net openings, because the flows are what make an
 * estimate reliable: a large shrinking cell whose job losses cancel its replacement demand (net
 * openings ≈ 0 or negative) still hires thousands of people a year and must be assessable.
 * A flag whose 80 % interval reaches past BOTH thresholds is `uncertain`.
 */
import { grossOpenings } from './composition/coherence';
import type { Confidence, Flag, GapRow, Thresholds } from './types';

/** Default thresholds (documented above). */
export const DEFAULT_THRESHOLDS: Thresholds = {
  measure: 'imbalance-share',
  shortageBelow: -0.02,
  surplusAbove: 0.02,
  smallCell: 5000,
  minOpenings: 500,
};

/** Minimum openings of a cell that is assessed (Thresholds.minOpenings, default 500). */
export function minOpeningsOf(t: Thresholds): number {
  return t.minOpenings ?? DEFAULT_THRESHOLDS.minOpenings!;
}

/** new supply ÷ openings; null when there are no (or negative) openings. */
export function supplyRatio(newSupply: number, openings: number): number | null {
  return openings > 0 ? newSupply / openings : null;
}

/** imbalance ÷ base employment; null when the base is 0. */
export function imbalanceShareOf(imbalance: number, employmentBase: number): number | null {
  return employmentBase > 0 ? imbalance / employmentBase : null;
}

/**
 * Whether a cell is too small to assess (never flagged, never ranked): fewer than `smallCell`
 * base-year workers, or fewer than `minOpenings` GROSS openings (replacement + max(0, expansion),
 * see {@link grossOpenings}) over the horizon.
 */
export function isTooSmall(employmentBase: number, grossOpeningsOfCell: number, t: Thresholds = DEFAULT_THRESHOLDS): boolean {
  return employmentBase < t.smallCell || grossOpeningsOfCell < minOpeningsOf(t);
}

/** Shortage / balanced / surplus of an imbalance share against the thresholds. */
export function flagOfShare(share: number, t: Thresholds = DEFAULT_THRESHOLDS): 'shortage' | 'balanced' | 'surplus' {
  if (share < t.shortageBelow) return 'shortage';
  if (share > t.surplusAbove) return 'surplus';
  return 'balanced';
}

/** The numbers a gap row is built from. */
export interface ImbalanceInput {
  /** Net openings (expansion + replacement; negative in a shrinking cell). */
  openings: number;
  /**
   * Replacement demand and net expansion over the horizon: the size rule reads the gross openings
   * replacement + max(0, expansion). Without them it falls back to `openings` (net).
   */
  replacement?: number;
  expansion?: number;
  newSupply: number;
  /** Half-width of the 80% interval of the imbalance. */
  halfWidth80: number;
  employmentBase: number;
  /** The cell's forecast did worse than naive in its backtest (MASE > 1.2 × naive's): one step less confident. */
  worseThanNaive?: boolean;
}

/** Imbalance, its interval, share, ratio, flag and confidence of one cell (documented on GapRow). */
export type Imbalance = Pick<GapRow, 'imbalance' | 'imbalanceLower' | 'imbalanceUpper' | 'imbalanceShare' | 'ratio' | 'flag' | 'confidence'>;

/**
 * Flag and confidence of one cell. `too-small` first (never flagged); then `uncertain` when the
 * 80 % interval of the share spans both thresholds; else the share's flag. Confidence: `low` for
 * too-small and uncertain cells, `high` when both ends of the interval give the central flag,
 * `medium` otherwise; one step lower when the forecast backtested worse than naive.
 */
export function imbalanceOf(x: ImbalanceInput, t: Thresholds = DEFAULT_THRESHOLDS): Imbalance {
  const imbalance = x.newSupply - x.openings;
  const imbalanceLower = imbalance - x.halfWidth80;
  const imbalanceUpper = imbalance + x.halfWidth80;
  const imbalanceShare = imbalanceShareOf(imbalance, x.employmentBase);
  const ratio = supplyRatio(x.newSupply, x.openings);
  const gross = x.replacement !== undefined ? grossOpenings(x.replacement, x.expansion ?? 0) : x.openings;
  if (imbalanceShare === null || isTooSmall(x.employmentBase, gross, t)) {
    return { imbalance, imbalanceLower, imbalanceUpper, imbalanceShare, ratio, flag: 'too-small', confidence: 'low' };
  }
  const low = flagOfShare(imbalanceLower / x.employmentBase, t);
  const high = flagOfShare(imbalanceUpper / x.employmentBase, t);
  const central = flagOfShare(imbalanceShare, t);
  let flag: Flag = central;
  let confidence: Confidence;
  if (low === 'shortage' && high === 'surplus') {
    flag = 'uncertain';
    confidence = 'low';
  } else confidence = low === central && high === central ? 'high' : 'medium';
  if (x.worseThanNaive && confidence !== 'low') confidence = confidence === 'high' ? 'medium' : 'low';
  return { imbalance, imbalanceLower, imbalanceUpper, imbalanceShare, ratio, flag, confidence };
}

type Rankable = Pick<GapRow, 'imbalance' | 'imbalanceShare' | 'sector' | 'qualification' | 'flag'>;

/** Rank order: lowest imbalance share, then the larger absolute shortage, then codes (stable). */
function compareForRank(a: Rankable, b: Rankable): number {
  return (
    (a.imbalanceShare ?? Infinity) - (b.imbalanceShare ?? Infinity) ||
    a.imbalance - b.imbalance ||
    (a.sector < b.sector ? -1 : a.sector > b.sector ? 1 : 0) ||
    (a.qualification < b.qualification ? -1 : a.qualification > b.qualification ? 1 : 0)
  );
}

function rankList<T extends Rankable & { rank: number | null }>(list: T[]): void {
  const ranked = list.filter((r) => r.flag !== 'too-small');
  for (const r of list) if (r.flag === 'too-small') r.rank = null;
  ranked.sort(compareForRank);
  ranked.forEach((r, i) => (r.rank = i + 1));
}

/**
 * Rank rows in place: 1 = the most severe shortage relative to base employment, within each group
 * given by `groupOf` (e.g. same region, horizon and aggregation level). `too-small` rows get
 * rank null. Ties break on the larger absolute shortage, then on codes, so ranks are stable.
 */
export function rankRows<T extends Rankable & { rank: number | null }>(rows: T[], groupOf: (row: T) => string): T[] {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const k = groupOf(r);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  for (const g of groups.values()) rankList(g);
  return rows;
}

/**
 * Rank `rows[from..to)` in place like `rankRows`, with the group of row i given as a number
 * `groups[i]` (fast path for the outlook's many rows).
 */
export function rankBlock<T extends Rankable & { rank: number | null }>(rows: T[], from: number, to: number, groups: readonly number[]): void {
  const byGroup = new Map<number, T[]>();
  for (let i = from; i < to; i++) {
    const g = groups[i];
    const list = byGroup.get(g);
    if (list) list.push(rows[i]);
    else byGroup.set(g, [rows[i]]);
  }
  for (const list of byGroup.values()) rankList(list);
}
