/**
 * `pnpm bench:api`: starts the real server (the bundled dist/server.mjs that `pnpm start` runs) on 127.0.0.1 with a
 * fresh PGlite DATA_DIR and prints
 *   - cold start to first 200 from /api/health: first start (with seeding) and restart,
 *   - time until forecasts are served on the first start,
 *   - autocannon: /api/health and /api/forecasts at 50 connections for 10 s each
 *     (p99 latency, requests/s, forecasts throughput as % of health),
 *   - recompute time of every forecast and imbalance for the seeded dataset.
 * Targets: warm start ≤ 3 s, first start ≤ 10 s, forecasts p99 ≤ 25 ms and
 * throughput ≥ 40 % of health, recompute ≤ 5 s.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { serverArgs, waitOk } from './server-command';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { computeOutlook } from '@lmo/models/labour';
import { openDatabase } from '../src/db/client';
import { getCurrentVersion } from '../src/services/dataset-versions';
import { loadObservations } from '../src/services/ingest';

const API_DIR = fileURLToPath(new URL('..', import.meta.url));
const PORT = 18000 + Math.floor(Math.random() * 1000);
const BASE = `http://127.0.0.1:${PORT}`;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const dataDir = mkdtempSync(join(tmpdir(), 'lmo-bench-'));

function startServer(): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, serverArgs(), {
    cwd: API_DIR,
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: dataDir, WEB_DIST: join(dataDir, 'no-web'), DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => process.env.BENCH_VERBOSE && process.stdout.write(`  [server] ${d}`));
  child.stderr!.on('data', (d) => process.stderr.write(`  [server:err] ${d}`));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited };
}

/** Milliseconds until `path` answers 200 (polled every 20 ms). */
async function waitFor(path: string, timeoutMs: number): Promise<number> {
  const t = performance.now();
  await waitOk(BASE + path, timeoutMs, 20);
  return performance.now() - t;
}

async function waitForHealth(ok: (health: any) => boolean, timeoutMs: number): Promise<number> {
  const t = performance.now();
  while (performance.now() - t < timeoutMs) {
    try {
      const res = await fetch(BASE + '/api/health');
      if (res.status === 200 && ok(await res.json())) return performance.now() - t;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`/api/health did not report the condition within ${timeoutMs} ms`);
}

async function stop(server: ReturnType<typeof startServer>): Promise<{ code: number | null; ms: number }> {
  const t = performance.now();
  server.child.kill('SIGTERM');
  const code = await server.exited;
  return { code, ms: performance.now() - t };
}

function cannon(path: string): Promise<autocannon.Result> {
  return autocannon({ url: BASE + path, connections: 50, duration: DURATION, pipelining: 1 });
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const verdict = (ok: boolean) => (ok ? 'OK  ' : 'MISS');

try {
  console.log(`bench:api — data dir ${dataDir}, port ${PORT}, ${DURATION} s per load test\n`);
  // 1. First start: initdb + migrations + seeding.
  let server = startServer();
  const firstHealth = await waitFor('/api/health', 60_000);
  const seeded = (await waitForHealth((h) => h.dataVersion !== null, 120_000)) + firstHealth;
  const forecastPath = '/api/forecasts?indicator=employment&region=VN&sector=TOTAL&qualification=ALL&horizon=10&scenario=baseline';
  const firstForecast = (await waitFor(forecastPath, 120_000)) + firstHealth;
  const stopped = await stop(server);

  // 2. Restart on the existing data dir.
  server = startServer();
  const warmHealth = await waitFor('/api/health', 30_000);
  await waitFor(forecastPath, 60_000);

  // 3. Load tests in the same run.
  const health = await cannon('/api/health');
  const forecasts = await cannon(forecastPath);
  const restopped = await stop(server);

  // 4. Recompute every forecast and imbalance of the seeded dataset (in this process).
  const database = await openDatabase({ kind: 'pglite', dataDir });
  const version = (await getCurrentVersion(database.db))!;
  const observations = await loadObservations(database.db, version.id);
  const t = performance.now();
  const set = computeOutlook(observations, { dataVersion: String(version.id) });
  const recompute = performance.now() - t;
  await database.close();
  const cells = Object.values(set.outlooks).reduce((n, o) => n + o.forecasts.length, 0);
  const gaps = Object.values(set.outlooks).reduce((n, o) => n + o.gaps.length, 0);

  const ratio = forecasts.requests.average / health.requests.average;
  console.log('Start-up');
  console.log(`  ${verdict(firstHealth <= 10_000)} first start (initdb + migrate + seed) to first 200 /api/health: ${fmt(firstHealth)}  (target ≤ 10 s)`);
  console.log(`       first start until /api/health shows the seeded data version: ${fmt(seeded)}`);
  console.log(`       first start to first 200 /api/forecasts (results computed + stored): ${fmt(firstForecast)}`);
  console.log(`  ${verdict(warmHealth <= 3_000)} restart on existing data dir to first 200 /api/health: ${fmt(warmHealth)}  (target ≤ 3 s)`);
  console.log(`       shutdown on SIGTERM: exit code ${stopped.code} in ${Math.round(stopped.ms)} ms; second: exit ${restopped.code}`);
  console.log('Load (autocannon, 50 connections, 127.0.0.1)');
  for (const [name, r] of [
    ['/api/health', health],
    ['/api/forecasts', forecasts],
  ] as const) {
    console.log(
      `       ${name.padEnd(15)} ${Math.round(r.requests.average).toString().padStart(6)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  errors ${r.errors} non-2xx ${r.non2xx}`,
    );
  }
  console.log(`  ${verdict(forecasts.latency.p99 <= 25)} /api/forecasts p99 ${forecasts.latency.p99} ms  (target ≤ 25 ms)`);
  console.log(`  ${verdict(ratio >= 0.4)} /api/forecasts throughput = ${(ratio * 100).toFixed(0)}% of /api/health  (target ≥ 40%)`);
  console.log('Recompute');
  console.log(
    `  ${verdict(recompute <= 5_000)} computeOutlook for dataset version ${version.id} (${observations.length} observations → ${cells} forecast cells, ${gaps} gap rows, ${set.scenarios.length} scenarios): ${fmt(recompute)}  (target ≤ 5 s)`,
  );
  console.log(`       compute + store on first start (dataset_versions.compute_ms): ${version.computeMs} ms`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
