/**
 * The seeded-dataset part of `pnpm bench:labour` (issue 12 targets), run from
 * the committed seeds (seeds/data, read with the app's own long-format parser,
 * like seeds/src/index.ts `readSeedObservations`; no ../shared needed):
 *  1. the coherence table over every scenario, region and year (labour-coherence.ts);
 *  2. the backtest on Viet Nam's real series (labour-backtest.ts);
 *  3. performance: full recompute (computeOutlook, median of 3) and the
 *     per-province scenario recompute (passed in from scenario-timing.ts).
 * Run alone: `pnpm --filter @lmo/models bench:labour-seeds`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Observation } from '../src/data/observation';
import { parseLongCsv } from '../src/data/long-format';
import { computeOutlook } from '../src/labour/outlook';
import type { OutlookSet } from '../src/labour/types';
import { REPO_ROOT } from './datasets';
import { backtestSystem, SYSTEM_BACKTEST, type BacktestScore, type SystemBacktest } from '../src/labour/system-backtest';

const { holdout: HOLDOUT, origins: ROLLING_ORIGINS } = SYSTEM_BACKTEST;
import { coherenceTable, type CoherenceLine } from './labour-coherence';

const SEED_DIR = path.join(REPO_ROOT, 'seeds/data');

/** Every seed CSV in name order; throws on a parse error or on a cell found in two files (as readSeedObservations does). */
export function readSeeds(dir = SEED_DIR): { rows: Observation[]; files: number } {
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.csv'))
        .sort()
    : [];
  if (files.length === 0) throw new Error(`No seed CSVs in ${dir}`);
  const rows: Observation[] = [];
  const seen = new Map<string, string>();
  for (const f of files) {
    const r = parseLongCsv(readFileSync(path.join(dir, f), 'utf8'));
    if (!r.ok) throw new Error(`seeds/data/${f}:${r.errors[0]?.line}: ${r.errors[0]?.message}`);
    for (const o of r.rows) {
      const k = `${o.indicator}|${o.period}|${o.region}|${o.sector}|${o.qualification}`;
      if (seen.has(k)) throw new Error(`seeds/data/${f}: cell ${k} is also in ${seen.get(k)}`);
      seen.set(k, f);
      rows.push(o);
    }
  }
  return { rows, files: files.length };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const f2 = (x: number | null) => (x !== null && Number.isFinite(x) ? x.toFixed(2) : 'n/a');
const pct = (x: number | null) => (x !== null && Number.isFinite(x) ? `${Math.round(100 * x)} %` : 'n/a');

export interface SeedBenchResult {
  coherence: Record<string, number>;
  coherenceOk: boolean;
  backtest: Omit<SystemBacktest, 'notes' | 'design'>;
  fullRecomputeMs: number;
  fullRecomputeRunsMs: number[];
}

function printCoherence(lines: CoherenceLine[]): boolean {
  console.log('\n== coherence table (computeOutlook, all scenarios × regions × years of seeds/data; every count must be 0) ==');
  const w = Math.max(...lines.map((l) => l.id.length));
  for (const l of lines)
    console.log(
      `${l.gate ? (l.count === 0 ? 'ok  ' : 'FAIL') : 'info'} ${l.id.padEnd(w)} ${String(l.count).padStart(7)}  of ${String(l.checked).padStart(9)}  ${l.label}`,
    );
  const ok = lines.every((l) => !l.gate || l.count === 0);
  console.log(
    `COHERENCE ${ok ? 'OK' : 'FAIL'} (${
      lines
        .filter((l) => l.gate && l.count !== 0)
        .map((l) => `${l.id}=${l.count}`)
        .join(', ') || 'all 0'
    })`,
  );
  return ok;
}

function printBacktest(b: SystemBacktest): void {
  console.log(
    `\n== backtest on Viet Nam's real series (official annual, post-2021 basis: pre-2021 values × ${b.spliceRatio.toFixed(4)}, the full-data system's 2021 splice ratio) ==`,
  );
  console.log(
    'system = computeBase on the seeds cut at the origin (UN WPP 2019 population kept in full); naive and engine (auto) on the official series itself',
  );
  const row = (label: string, s: BacktestScore) =>
    `  ${label.padEnd(8)} MASE ${f2(s.mase).padStart(6)}   80 % ${pct(s.coverage80).padStart(5)}   95 % ${pct(s.coverage95).padStart(5)}   bias ${f2(s.biasPct).padStart(6)} %   (${s.points} points)`;
  for (const [title, t] of [
    [`fit to ${HOLDOUT.origin}, scored ${HOLDOUT.from}–${HOLDOUT.to}`, b.holdout],
    [`rolling origins ${ROLLING_ORIGINS[0]}–${ROLLING_ORIGINS.at(-1)}, h = 1..5 (MASE mean over origins, coverage pooled)`, b.rolling],
  ] as const) {
    console.log(`- ${title}`);
    for (const [id, name] of [
      ['employment', 'employment (economy-driven demand)'],
      ['labourForce', 'labour force (demographic supply)'],
    ] as const) {
      console.log(` ${name}`);
      for (const m of ['system', 'naive', 'engine'] as const) console.log(row(m, t[id][m]));
    }
  }
  console.log(
    `system base year − official value at each origin (persons): employment [${b.baseDiff.employment.join(', ')}], labour force [${b.baseDiff.labourForce.join(', ')}]`,
  );
  for (const n of b.notes) console.log(`note: ${n}`);
}

/** Run the three seeded parts and print them. */
export function runSeedBench(): SeedBenchResult {
  const { rows, files } = readSeeds();
  console.log(`\nseeds/data: ${files} files, ${rows.length} rows`);
  const runs: number[] = [];
  let set: OutlookSet | null = null;
  for (let i = 0; i < 3; i++) {
    set = null; // let the previous set go before the next run (memory)
    const t0 = performance.now();
    set = computeOutlook(rows, {});
    runs.push(performance.now() - t0);
  }
  const lines = coherenceTable(set!);
  const ok = printCoherence(lines);
  const vnLf = set!.outlooks.baseline?.forecasts.find(
    (f) => f.indicator === 'labour_force' && f.region === 'VN' && f.sector === 'TOTAL' && f.qualification === 'ALL',
  );
  const ratio = vnLf?.break?.ratio ?? 1;
  set = null;
  const bt = backtestSystem(rows, ratio);
  printBacktest(bt);
  const full = median(runs);
  console.log(
    `\nfull recompute of the seeded dataset (computeOutlook, all scenarios): median ${full.toFixed(0)} ms of 3 [${runs.map((r) => r.toFixed(0)).join(', ')}] (target ≤ 5000 ms)`,
  );
  return {
    coherence: Object.fromEntries(lines.map((l) => [l.id, l.count])),
    coherenceOk: ok,
    backtest: { spliceRatio: Number(ratio.toFixed(6)), holdout: bt.holdout, rolling: bt.rolling, baseDiff: bt.baseDiff },
    fullRecomputeMs: Math.round(full),
    fullRecomputeRunsMs: runs.map(Math.round),
  };
}

// Run directly: the seeded part only.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = runSeedBench();
  console.log(`BENCH_LABOUR ${JSON.stringify(r)}`);
  if (!r.coherenceOk) process.exitCode = 1;
}
