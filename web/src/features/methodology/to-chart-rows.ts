import type { AccuracyResponse } from '../../api/types';

type Series = AccuracyResponse['series'][number];
type Tier = NonNullable<AccuracyResponse['tiers']>['rows'][number];

/** Backtest accuracy of one series: the engine beside the naive benchmark on the same origins. */
export interface AccuracyRow {
  key: string;
  indicator: string;
  sector: string;
  label: string;
  method: string;
  mase: number;
  naiveMase: number;
  smape: number | null;
  naiveSmape: number | null;
  coverage80: number | null;
  coverage95: number | null;
  origins: number;
  /** Relative MASE: below 1 the engine beat naive. */
  relative: number;
}

/** Rows for every series that could be backtested (those with too short a history are left out). */
export function toAccuracyRows(series: readonly Series[] | undefined, label: (s: Series) => string): AccuracyRow[] {
  const rows: AccuracyRow[] = [];
  for (const s of series ?? []) {
    const a = s.accuracy;
    if (a.mase === null || a.naiveMase === null || !Number.isFinite(a.mase) || !Number.isFinite(a.naiveMase)) continue;
    rows.push({
      key: `${s.indicator}|${s.sector}`,
      indicator: s.indicator,
      sector: s.sector,
      label: label(s),
      method: s.methods.join(' + '),
      mase: a.mase,
      naiveMase: a.naiveMase,
      smape: a.smape,
      naiveSmape: a.naiveSmape,
      coverage80: a.coverage80,
      coverage95: a.coverage95,
      origins: a.origins,
      relative: a.naiveMase > 0 ? a.mase / a.naiveMase : Number.NaN,
    });
  }
  return rows;
}

/** One level of detail of the employment cells' backtest, as the table draws it. */
export interface TierRow extends Tier {
  key: string;
}

/** The stored summary by level of detail (national and regional, province totals, detailed cells). */
export const toTierRows = (tiers: AccuracyResponse['tiers'] | undefined): TierRow[] => (tiers?.rows ?? []).map((r) => ({ ...r, key: r.tier }));

type Means = NonNullable<AccuracyResponse['means']>;

/** The headline backtest figures, when at least one series was backtested (mean MASEs then known). */
export type AccuracySummary = Means & { meanMase: number; meanNaiveMase: number };

/** The stored means as the headline figures, or null when no series could be backtested. */
export function accuracySummary(means: AccuracyResponse['means'] | undefined): AccuracySummary | null {
  return means && means.series > 0 && means.meanMase !== null && means.meanNaiveMase !== null
    ? { ...means, meanMase: means.meanMase, meanNaiveMase: means.meanNaiveMase }
    : null;
}
