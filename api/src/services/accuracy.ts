/**
 * GET /api/accuracy: the backtest accuracy the methodology page reports, from what the version
 * stored: the summary by level of detail computed with the outlook (cells, mean MASE beside
 * naive, coverage, failed backtests by error code) and the national series one by one
 * (labour force, employment, employment by VSIC section), each the engine's rolling-origin
 * backtest beside naive on the same origins. One request instead of one per series.
 */
import { BASELINE_SCENARIO as BASELINE, mergeBasis, SECTION_CODES, type AccuracySummary, type CellAccuracy, type ObservationStatus } from '@lmo/models';
import type { Snapshot } from './results-snapshot';
import { systemBacktestFor, type SystemBacktestView } from './system-backtest';

/** One national series' backtest. */
export interface SeriesAccuracy {
  indicator: string;
  sector: string;
  /** The engine's methods for this series (a combination lists each). */
  methods: string[];
  accuracy: CellAccuracy;
}

/** Means over the series that could be backtested. */
export interface SeriesAccuracyMeans {
  series: number;
  meanMase: number | null;
  meanNaiveMase: number | null;
  /** Series where the engine's MASE is below naive's. */
  wins: number;
  coverage80: number | null;
  coverage95: number | null;
}

/** The body of GET /api/accuracy. */
export interface AccuracyBody {
  dataVersion: number;
  baseYear: number;
  series: SeriesAccuracy[];
  means: SeriesAccuracyMeans;
  /** By level of detail, as stored with the outlook; null in results stored before it existed. */
  tiers: AccuracySummary | null;
  /** Statuses of the observations the reported series rest on (official, illustrative…), in the served order. */
  basis: ObservationStatus[];
  /** The supply–demand system's own rolling-origin backtest (national employment and labour force). */
  system: SystemBacktestView;
}

/** The national series reported: labour force, employment, and employment by VSIC section. */
export const ACCURACY_SERIES: readonly { indicator: string; sector: string }[] = [
  { indicator: 'labour_force', sector: 'TOTAL' },
  { indicator: 'employment', sector: 'TOTAL' },
  ...SECTION_CODES.map((sector) => ({ indicator: 'employment', sector })),
];

const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);
const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);

/** Means over the series with both MASEs (a series too short to backtest is left out). */
export function accuracyMeans(series: readonly SeriesAccuracy[]): SeriesAccuracyMeans {
  const tested = series.filter((s) => finite(s.accuracy.mase) && finite(s.accuracy.naiveMase));
  return {
    series: tested.length,
    meanMase: mean(tested.map((s) => s.accuracy.mase!)),
    meanNaiveMase: mean(tested.map((s) => s.accuracy.naiveMase!)),
    wins: tested.filter((s) => s.accuracy.mase! < s.accuracy.naiveMase!).length,
    coverage80: mean(tested.map((s) => s.accuracy.coverage80).filter(finite)),
    coverage95: mean(tested.map((s) => s.accuracy.coverage95).filter(finite)),
  };
}

/** The accuracy report of the served version. */
export async function selectAccuracy(snap: Snapshot): Promise<AccuracyBody> {
  const cells = await Promise.all(ACCURACY_SERIES.map((s) => snap.forecast(BASELINE, { ...s, region: 'VN', qualification: 'ALL' })));
  const series = ACCURACY_SERIES.flatMap((s, i): SeriesAccuracy[] => {
    const f = cells[i];
    return f ? [{ ...s, methods: f.models.map((m) => m.method), accuracy: f.accuracy }] : [];
  });
  return {
    dataVersion: snap.version.id,
    baseYear: snap.summary.baseYear,
    series,
    means: accuracyMeans(series),
    tiers: snap.outlooks.get(BASELINE)?.accuracy ?? null,
    basis: mergeBasis(...cells.map((f) => f?.basis)),
    system: await systemBacktestFor(snap.version, await snap.systemBacktest(), snap.backtestJob !== undefined),
  };
}
