/**
 * Scoring of the system backtest (system-backtest.ts): MASE against the
 * in-sample naive error at each origin, pooled interval coverage and bias.
 */

/** One forecast point: the year, the actual (post-2021 basis) and the method's mean and bounds (same basis). */
export interface BacktestPoint {
  origin: number;
  year: number;
  actual: number;
  mean: number;
  bounds: Record<number, [number, number]>;
}

/** One method's scores on one series; null where no point could be scored. */
export interface BacktestScore {
  /** Mean absolute error ÷ the in-sample MAE of naive at the same origin (mean over origins when rolling). */
  mase: number | null;
  /** Share of actuals inside the 80 % and 95 % bands (0–1). */
  coverage80: number | null;
  coverage95: number | null;
  /** Mean signed error, % of the actual (forecast − actual): + = over-forecast. */
  biasPct: number | null;
  points: number;
}

/** Step `i` of a forecast (mean and bounds) times `scale` (the basis ratio). */
export function bandPoint(f: { mean: number[]; intervals: { level: number; lower: number[]; upper: number[] }[] }, i: number, scale: number) {
  const bounds: Record<number, [number, number]> = {};
  for (const iv of f.intervals) bounds[iv.level] = [iv.lower[i]! * scale, iv.upper[i]! * scale];
  return { mean: f.mean[i]! * scale, bounds };
}

// Four decimals: the scores are shown to two and stored in a committed artefact (seeds/derived).
const r4 = (x: number) => (Number.isFinite(x) ? Number(x.toFixed(4)) : null);

/** Scores `points` (one method, one series); `byOrigin`: MASE is the mean of each origin's MASE. */
export function scoreBacktest(points: readonly BacktestPoint[], scales: ReadonlyMap<number, number>, byOrigin: boolean): BacktestScore {
  if (points.length === 0) return { mase: null, coverage80: null, coverage95: null, biasPct: null, points: 0 };
  const origins = [...new Set(points.map((p) => p.origin))];
  const per = origins.map((o) => {
    const ps = points.filter((p) => p.origin === o);
    return ps.reduce((a, p) => a + Math.abs(p.actual - p.mean), 0) / ps.length / scales.get(o)!;
  });
  const mase = byOrigin ? per.reduce((a, b) => a + b, 0) / per.length : per[0]!;
  const cov = (level: number) => points.filter((p) => p.actual >= p.bounds[level]![0] && p.actual <= p.bounds[level]![1]).length / points.length;
  const biasPct = (100 * points.reduce((a, p) => a + (p.mean - p.actual) / p.actual, 0)) / points.length;
  return { mase: r4(mase), coverage80: r4(cov(80)), coverage95: r4(cov(95)), biasPct: r4(biasPct), points: points.length };
}
