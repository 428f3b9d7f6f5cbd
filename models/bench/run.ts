/**
 * `pnpm bench`: accuracy and speed of the forecasting engine on the M3 and
 * tourism competition data (../shared/benchmarks), against @bsull/augurs
 * AutoETS and the published results, then the labour-share backtest.
 *
 * For every dataset it runs `auto`, every single method of the registry and
 * augurs on every series; writes `out/<dataset>.csv` (method,series_id,h,value)
 * and `out/<dataset>.intervals.csv` (method,series_id,h,level,lower,upper);
 * prints one table per dataset; and ends with ONE line `BENCH {json}`.
 *
 * Every dataset is split into a tuning and an evaluation half by a hash of
 * the series id (split.ts); `auto`'s constants were chosen on tuning halves
 * only. The table shows the EVALUATION half (published rows are whole-dataset
 * figures, for orientation); a second block prints auto and augurs on both
 * halves side by side, and the BENCH line carries both.
 *
 * Metrics follow PUBLISHED.md §0: sMAPE 0–200; MASE on the in-sample scale
 * for M3 and on the train+test scale for tourism (the only one that
 * reproduces the tourism paper); coverage = share of test points inside the
 * 80/95 % intervals. Speed = series / second of fit + forecast time only
 * (no file reading or scoring), on the single Node thread.
 *
 * Options (for quick runs, e.g. tuning):
 *   --dataset m3-yearly[,tourism-yearly]   only these datasets
 *   --methods auto,theta                   only these engine aliases
 *                                          (augurs-autoets still runs: it is cheap and gives speedRatio)
 *   --no-augurs                            skip augurs
 *   --no-write                             do not write out/*.csv
 *   --labour / --no-labour                 force / skip the labour backtest and the
 *                                          labour-like tuning-set line
 *                                          (default: run them only on a full run)
 *   --no-pin                               do not re-run under `taskset -c 0` (see pin.ts)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { owa } from '../src/forecast/index';

import { formatRange, roundedIntervals, scoreIntervals } from './bootstrap';
import { augursAutoEts, augursMstl, initAugurs } from './augurs';
import { BENCHMARKS_DIR, DATASETS, loadDataset, loadForecastFile, requireBenchmarks } from './datasets';
import type { BenchSeries, DatasetInfo } from './datasets';
import { engineMethods } from './engine';
import { LEVELS, runMethods, scoreRun } from './evaluate';
import type { Forecaster, MethodRun, Scores } from './evaluate';
import { runLabourBench } from './labour';
import { labourLikeAvailable, loadActivityShares, loadLabourLike, scoreActivityShares, scoreLabourLike, type LabourLikeScores } from './labour-like';
import { splitHalf, type Half } from './split';
import { isPinned, pinToOneCore } from './pin';
import { METRIC_CHECK, PUBLISHED, REFERENCE_R_METHODS } from './published';
import { formatTable } from './table';
import type { TableRow } from './table';

const OUT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'out');

function parseArgs(argv: string[]) {
  const list = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1]
      ? argv[i + 1]!.split(',')
          .map((x) => x.trim())
          .filter(Boolean)
      : undefined;
  };
  const datasets = list('--dataset');
  const methods = list('--methods');
  const partial = datasets !== undefined || methods !== undefined;
  return {
    datasets,
    methods,
    augurs: !argv.includes('--no-augurs'),
    write: !argv.includes('--no-write'),
    labour: argv.includes('--labour') || (!argv.includes('--no-labour') && !partial),
  };
}

function round(x: number, digits = 4): number | null {
  return Number.isFinite(x) ? Number(x.toFixed(digits)) : null;
}

function writeOutputs(info: DatasetInfo, data: BenchSeries[], runs: MethodRun[]): void {
  mkdirSync(OUT_DIR, { recursive: true });
  const points = ['method,series_id,h,value'];
  const bounds = ['method,series_id,h,level,lower,upper'];
  for (const run of runs) {
    for (const s of data) {
      const fc = run.forecasts.get(s.id)!;
      for (let i = 0; i < s.horizon; i++) {
        points.push(`${run.method},${s.id},${i + 1},${fc.mean[i]}`);
        for (const iv of fc.intervals) bounds.push(`${run.method},${s.id},${i + 1},${iv.level},${iv.lower[i]},${iv.upper[i]}`);
      }
    }
  }
  writeFileSync(path.join(OUT_DIR, `${info.name}.csv`), points.join('\n') + '\n');
  writeFileSync(path.join(OUT_DIR, `${info.name}.intervals.csv`), bounds.join('\n') + '\n');
}

/** Recompute published M3 rows from the submitted forecasts: the metric code must reproduce them. */
function metricCheck(info: DatasetInfo, data: BenchSeries[]): string | undefined {
  const expected = METRIC_CHECK[info.name];
  if (!expected || !info.originalForecasts) return undefined;
  const submitted = loadForecastFile(path.join(BENCHMARKS_DIR, info.originalForecasts));
  const parts = expected.map((e) => {
    const s = scoreRun(info, data, submitted.get(e.method)!);
    const ok = Math.abs(s.smape - e.smape) < 0.0006 && Math.abs(s.mase - e.mase) < 0.0006;
    return `${e.method} ${s.smape.toFixed(3)}/${s.mase.toFixed(3)} ${ok ? 'ok' : `MISMATCH (published ${e.smape}/${e.mase})`}`;
  });
  return `metric check vs Bergmeir et al. 2016 (sMAPE/MASE from submitted forecasts): ${parts.join('; ')}`;
}

function benchDataset(info: DatasetInfo, opts: ReturnType<typeof parseArgs>) {
  const data = loadDataset(info);
  const engine = engineMethods();
  const aliases = Object.keys(engine).filter((a) => !opts.methods || opts.methods.includes(a));
  const unknown = (opts.methods ?? []).filter((m) => !engine[m] && !m.startsWith('augurs'));
  if (unknown.length) console.warn(`Unknown method(s) ignored: ${unknown.join(', ')} (known: ${Object.keys(engine).join(', ')})`);

  const forecasters: Record<string, Forecaster> = {};
  for (const alias of aliases) forecasters[alias] = (s) => engine[alias]!(s.train).forecast(s.horizon, { levels: LEVELS });
  if (opts.augurs) {
    forecasters['augurs-autoets'] = (s) => augursAutoEts(s.train.values, s.horizon, LEVELS);
    const wantMstl = !opts.methods || opts.methods.includes('augurs-mstl');
    if (info.name.endsWith('quarterly') && wantMstl) {
      forecasters['augurs-mstl'] = (s) => augursMstl(s.train.values, s.train.frequency, s.horizon, LEVELS);
    }
  }
  const runs = runMethods(data, forecasters);
  const halves: Record<Half, BenchSeries[]> = { tuning: splitHalf(data, 'tuning'), evaluation: splitHalf(data, 'evaluation') };
  // Speed is measured over the whole dataset; accuracy per half.
  const scoreHalf = (half: Half) =>
    new Map<string, Scores>(runs.map((r) => [r.method, { ...scoreRun(info, halves[half], r.forecasts, r), seriesPerSecond: data.length / r.seconds }]));
  const byHalf = { tuning: scoreHalf('tuning'), evaluation: scoreHalf('evaluation') };
  const scores = byHalf.evaluation;
  const evalData = halves.evaluation;

  // R reference forecasts (computed for these files, not published), scored by our own code.
  const reference = loadForecastFile(path.join(BENCHMARKS_DIR, 'reference_r', `${info.referenceFile}.csv`));
  const referenceScores = new Map<string, Scores>();
  for (const m of REFERENCE_R_METHODS) {
    const f = reference.get(m);
    if (f) referenceScores.set(m, scoreRun(info, evalData, f as Map<string, number[]>));
  }
  const naive2 = referenceScores.get('Naive2');

  const rows: TableRow[] = [];
  for (const run of runs) {
    const s = scores.get(run.method)!;
    const notes = [];
    if (naive2) notes.push(`OWA ${owa(s, naive2).toFixed(3)}`);
    if (run.failures) notes.push(`${run.failures} failed → naive (${run.firstError?.slice(0, 80)})`);
    rows.push({ label: run.method, ...s, note: notes.join('; ') });
  }
  for (const [m, s] of referenceScores) {
    rows.push({ label: `R ${m}`, ...s, note: `reference run (forecast 8.20), not published${naive2 ? `; OWA ${owa(s, naive2).toFixed(3)}` : ''}` });
  }
  const published = PUBLISHED[info.name] ?? [];
  const pubNaive2 = published.find((p) => p.method === 'NAIVE2');
  for (const p of published) {
    const pubOwa = pubNaive2 && Number.isFinite(p.mase) ? `OWA ${owa(p, pubNaive2).toFixed(3)} (vs published NAIVE2); ` : '';
    rows.push({
      label: `pub ${p.method}`,
      smape: p.smape,
      mase: p.mase,
      mape: NaN,
      coverage80: NaN,
      coverage95: NaN,
      seriesPerSecond: NaN,
      note: `whole dataset; ${pubOwa}${p.source}`,
    });
  }
  const maseLabel = info.scaleOver === 'train' ? 'MASE' : 'MASE(tt)';
  const title = `== ${info.name}: EVALUATION half, ${evalData.length} of ${data.length} series (tuning half ${halves.tuning.length}), h=${data[0]!.horizon}; MASE scale: ${info.scaleOver} ==`;
  console.log(`\n${formatTable(title, maseLabel, rows)}`);
  const sideBySide = runs
    .filter((r) => r.method === 'auto' || r.method.startsWith('augurs'))
    .flatMap((r) =>
      (['tuning', 'evaluation'] as const).map((half) => ({
        ...byHalf[half].get(r.method)!,
        label: `${r.method} [${half}]`,
        note: r.method === 'auto' ? (half === 'tuning' ? 'constants chosen here' : 'never tuned on') : '',
      })),
    );
  console.log(formatTable(`-- ${info.name}: both halves --`, maseLabel, sideBySide));
  // Sampling uncertainty of auto's evaluation figures (series resampled; bootstrap.ts).
  const autoEval = scores.get('auto');
  const ci = autoEval?.clusters ? scoreIntervals(autoEval.clusters) : undefined;
  if (ci)
    console.log(
      `auto [evaluation] 95 % bootstrap intervals over series: ${maseLabel} ${formatRange(ci.mase, 3)}, cov80 ${formatRange(ci.coverage80, 1, true)}, cov95 ${formatRange(ci.coverage95, 1, true)}`,
    );
  const check = metricCheck(info, data);
  if (check) console.log(check);
  if (opts.write) writeOutputs(info, data, runs);

  const figures = (s: Scores) => ({
    smape: round(s.smape),
    mase: round(s.mase),
    coverage80: round(s.coverage80),
    coverage95: round(s.coverage95),
    msis95: round(s.msis),
  });
  const methods: Record<string, Record<string, unknown>> = {};
  for (const [m, s] of scores) {
    methods[m] = { evaluation: figures(s), tuning: figures(byHalf.tuning.get(m)!), seriesPerSecond: round(s.seriesPerSecond, 1) };
  }
  const autoSps = scores.get('auto')?.seriesPerSecond ?? NaN;
  const augursSps = scores.get('augurs-autoets')?.seriesPerSecond ?? NaN;
  return {
    series: data.length,
    halves: { tuning: halves.tuning.length, evaluation: evalData.length },
    methods,
    seriesPerSecond: { auto: round(autoSps, 1), augurs: round(augursSps, 1) },
    speedRatio: round(autoSps / augursSps, 3),
    ...(ci ? { autoEvaluationCi95: roundedIntervals(ci) } : {}),
  };
}

/**
 * The labour-like tuning set (labour-like.ts): annual labour series that are
 * not the labour backtest's, on which the yearly interval constants were
 * chosen. Printed as one line per sub-set plus the whole set.
 */
function labourLikeLine(): Record<string, unknown> {
  const { all, bySet } = scoreLabourLike(loadLabourLike());
  const fmt = (x: LabourLikeScores) =>
    `cover 80/95 ${(100 * x.coverage80).toFixed(1)}/${(100 * x.coverage95).toFixed(1)}, MSIS95 ${x.msis95.toFixed(2)} (${x.cases} cases, ${x.points} points)`;
  console.log(`\nlabour-like tuning set (ILO LFPR/EPR 15+ logits, WDI labour force; n 8–20, h 1–10; constants chosen here): ${fmt(all)}`);
  for (const [name, x] of Object.entries(bySet)) console.log(`  ${name.padEnd(17)} ${fmt(x)}`);
  // Share bands (forecastShares) on a composition of the same ILO files (additive quantiles: worst set, tune-intervals.ts).
  const activity = scoreActivityShares(loadActivityShares());
  console.log(`  ${'ilo-activity'.padEnd(17)} ${fmt(activity)} — shares employed/unemployed/inactive via forecastShares, % scale`);
  const figures = (x: LabourLikeScores) => ({ coverage80: round(x.coverage80), coverage95: round(x.coverage95), msis95: round(x.msis95), cases: x.cases });
  return { ...figures(all), bySet: Object.fromEntries(Object.entries(bySet).map(([k, x]) => [k, figures(x)])), activityShares: figures(activity) };
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  requireBenchmarks();
  pinToOneCore();
  if (opts.augurs) initAugurs();
  const selected = DATASETS.filter((d) => !opts.datasets || opts.datasets.includes(d.name));
  if (selected.length === 0) {
    console.error(`Unknown dataset(s): ${opts.datasets?.join(', ')}. Known: ${DATASETS.map((d) => d.name).join(', ')}`);
    process.exit(2);
  }
  const result: Record<string, unknown> = { pinnedToOneCore: isPinned(), datasets: {} as Record<string, unknown> };
  for (const info of selected) (result.datasets as Record<string, unknown>)[info.name] = benchDataset(info, opts);
  if (opts.labour && labourLikeAvailable()) result.labourLikeTuning = labourLikeLine();
  if (opts.labour) {
    const labour = await runLabourBench();
    result.labour = labour.scores;
    result.scenarioMs = labour.scenarioMs;
    result.scenarioP95Ms = labour.scenarioP95Ms;
    result.scenarioMaxMs = labour.scenarioMaxMs;
    result.labourBaseMs = labour.baseMs;
  }
  console.log(`BENCH ${JSON.stringify(result)}`);
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
