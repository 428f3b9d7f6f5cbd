import type { AccuracyResponse } from '../../api/types';

/** The supply–demand system's own backtest, as GET /api/accuracy serves it. */
export type SystemBacktest = AccuracyResponse['system'];
/** The two national series it scores. */
export type BacktestSeries = keyof SystemBacktest['rolling'];
/** The system and its two benchmarks. */
export type BacktestMethod = keyof SystemBacktest['rolling']['employment'];
/** Which test: every rolling origin, or fitted to the holdout origin and scored on the post-COVID years. */
export type BacktestTest = 'rolling' | 'holdout';

export const BACKTEST_SERIES: readonly BacktestSeries[] = ['employment', 'labourForce'];
export const BACKTEST_METHODS: readonly BacktestMethod[] = ['system', 'naive', 'engine'];

/** One row of the table and CSV: one test, series and method. */
export interface SystemBacktestRow {
  key: string;
  test: BacktestTest;
  series: BacktestSeries;
  method: BacktestMethod;
  mase: number | null;
  coverage80: number | null;
  coverage95: number | null;
  biasPct: number | null;
  points: number;
}

/** Every test × series × method, rolling origins first. */
export function toSystemBacktestRows(system: SystemBacktest | undefined): SystemBacktestRow[] {
  if (!system) return [];
  return (['rolling', 'holdout'] as const).flatMap((test) =>
    BACKTEST_SERIES.flatMap((series) =>
      BACKTEST_METHODS.map((method) => ({ key: `${test}|${series}|${method}`, test, series, method, ...system[test][series][method] })),
    ),
  );
}

/** One bar group of the chart: a series' rolling-origin MASE for the system and its two benchmarks. */
export interface SystemBacktestBar {
  series: BacktestSeries;
  system: number | null;
  naive: number | null;
  engine: number | null;
}

/** The chart's bars: rolling origins only (the holdout has 2–3 points). */
export const toSystemBacktestBars = (system: SystemBacktest | undefined): SystemBacktestBar[] =>
  system
    ? BACKTEST_SERIES.map((series) => {
        const r = system.rolling[series];
        return { series, system: r.system.mase, naive: r.naive.mase, engine: r.engine.mase };
      })
    : [];

/** The plain-language reading of one series: its rolling-origin MASE beside naive's, its 80 % coverage and which way it leaned. */
export interface SystemBacktestVerdict {
  series: BacktestSeries;
  mase: number;
  naiveMase: number;
  beatsNaive: boolean;
  coverage80: number | null;
  biasPct: number | null;
}

/** One verdict per series whose rolling MASEs (system and naive) are both known. */
export const systemBacktestVerdicts = (system: SystemBacktest | undefined): SystemBacktestVerdict[] =>
  BACKTEST_SERIES.flatMap((series) => {
    const s = system?.rolling[series];
    if (!s || s.system.mase === null || s.naive.mase === null) return [];
    const { mase, coverage80, biasPct } = s.system;
    return [{ series, mase, naiveMase: s.naive.mase, beatsNaive: mase < s.naive.mase, coverage80, biasPct }];
  });

/**
 * The overview's one-line summary of the system's own backtest (the verdicts), or null when it does
 * not describe the served data (uploads, reverts) or has no scored series: the line must not vouch
 * for other data.
 */
export function systemBacktestNote(system: SystemBacktest | undefined): { origins: readonly number[]; items: SystemBacktestVerdict[] } | null {
  if (!system?.appliesToServedVersion) return null;
  const items = systemBacktestVerdicts(system);
  return items.length ? { origins: system.design.origins, items } : null;
}
