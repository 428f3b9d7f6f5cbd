/**
 * Runs forecasters over a dataset (timing fit + forecast only) and scores
 * their forecasts with the accuracy functions of @lmo/models.
 */
import { coverage, finiteMean, mape, mase, naiveScale, smape, winkler } from '../src/forecast/index';
import type { Forecast } from '../src/forecast/index';
import type { BenchSeries, DatasetInfo } from './datasets';
import type { ClusterScores } from './bootstrap';

export const LEVELS = [80, 95];

/** Forecasts of one method for every series of a dataset. */
export interface MethodRun {
  method: string;
  forecasts: Map<string, Forecast>;
  /** Seconds spent in fit + forecast, summed over series (no I/O, no scoring). */
  seconds: number;
  /** Series on which the method threw; they are scored with a last-value fallback. */
  failures: number;
  firstError?: string;
}

/** Dataset-level scores of one method. */
export interface Scores {
  smape: number;
  mase: number;
  mape: number;
  /** Share 0–1 of test points inside the 80 % / 95 % intervals (NaN for point-only methods). */
  coverage80: number;
  coverage95: number;
  /**
   * MSIS of the 95 % interval (M4): the Winkler score divided by the series'
   * MASE scale, averaged over series. Lower is better; NaN for point-only methods.
   */
  msis: number;
  seriesPerSecond: number;
  failures: number;
  /** Per-series MASE and interval hits, for bootstrap intervals of the figures above (bootstrap.ts). */
  clusters?: ClusterScores[];
}

function fallback(s: BenchSeries): Forecast {
  const mean = Array<number>(s.horizon).fill(s.train.values[s.train.values.length - 1]!);
  return { mean, intervals: LEVELS.map((level) => ({ level, lower: mean, upper: mean })) };
}

/** A named forecaster of one benchmark series. */
export type Forecaster = (s: BenchSeries) => Forecast;

/**
 * Run every forecaster on every series. The loop goes series by series and,
 * within a series, method by method, so that load from other processes hits
 * all methods alike and the speed ratios stay fair. A short untimed warm-up
 * on the first series lets the JIT (and WASM tier-up) settle first.
 */
export function runMethods(data: BenchSeries[], forecasters: Record<string, Forecaster>): MethodRun[] {
  const entries = Object.entries(forecasters);
  for (const [, forecaster] of entries) {
    for (const s of data.slice(0, 10)) {
      try {
        forecaster(s);
      } catch {
        // Failures are counted in the timed pass.
      }
    }
  }
  const runs: MethodRun[] = entries.map(([method]) => ({ method, forecasts: new Map(), seconds: 0, failures: 0 }));
  for (const s of data) {
    entries.forEach(([, forecaster], k) => {
      const run = runs[k]!;
      const t0 = performance.now();
      let fc: Forecast | undefined;
      try {
        fc = forecaster(s);
      } catch (err) {
        run.failures++;
        run.firstError ??= `${s.id}: ${err instanceof Error ? err.message : String(err)}`;
      }
      run.seconds += (performance.now() - t0) / 1000;
      run.forecasts.set(s.id, fc ?? fallback(s));
    });
  }
  return runs;
}

/** Score point forecasts (and intervals when present) against the test parts. */
export function scoreRun(info: DatasetInfo, data: BenchSeries[], forecasts: Map<string, Forecast | number[]>, run?: MethodRun): Scores {
  const smapes: number[] = [];
  const mases: number[] = [];
  const mapes: number[] = [];
  const msis: number[] = [];
  const hits: Record<number, number> = { 80: 0, 95: 0 };
  const clusters: ClusterScores[] = [];
  let points = 0;
  let withIntervals = true;
  for (const s of data) {
    const fc = forecasts.get(s.id);
    if (!fc) throw new Error(`No forecast for series ${s.id}`);
    const mean = Array.isArray(fc) ? fc : fc.mean.slice(0, s.horizon);
    smapes.push(smape(s.test, mean));
    mases.push(mase(s.test, mean, s.train.values, s.train.frequency, { scaleOver: info.scaleOver }));
    mapes.push(mape(s.test, mean));
    points += s.horizon;
    const cluster: ClusterScores = { mase: mases.at(-1)!, inside80: NaN, inside95: NaN, points: s.horizon };
    clusters.push(cluster);
    if (Array.isArray(fc) || fc.intervals.length === 0) {
      withIntervals = false;
      continue;
    }
    for (const level of LEVELS) {
      const iv = fc.intervals.find((i) => i.level === level);
      if (!iv) {
        withIntervals = false;
        continue;
      }
      const inside = coverage(s.test, iv.lower.slice(0, s.horizon), iv.upper.slice(0, s.horizon)) * s.horizon;
      hits[level]! += inside;
      if (level === 80) cluster.inside80 = inside;
      else if (level === 95) cluster.inside95 = inside;
      if (level === 95) {
        const scale = naiveScale(info.scaleOver === 'train' ? s.train.values : [...s.train.values, ...s.test], s.train.frequency);
        if (scale > 0) msis.push(winkler(s.test, iv.lower.slice(0, s.horizon), iv.upper.slice(0, s.horizon), 95) / scale);
      }
    }
  }
  return {
    smape: finiteMean(smapes),
    mase: finiteMean(mases),
    mape: finiteMean(mapes),
    coverage80: withIntervals ? hits[80]! / points : NaN,
    coverage95: withIntervals ? hits[95]! / points : NaN,
    msis: withIntervals ? finiteMean(msis) : NaN,
    seriesPerSecond: run ? data.length / run.seconds : NaN,
    failures: run?.failures ?? 0,
    clusters,
  };
}
