/**
 * `pnpm bench:labour` (second part) / `tsx api/bench/scenarios.ts`: a planner's new scenario
 * through the running server on the seeded dataset (issue 13 target: computed and answered for
 * the whole country and all 34 provinces in ≤ 1 s after POST /api/scenarios, median of 5).
 *
 * Each run POSTs parameters never seen before (value-added growth of C, college training output,
 * women's participation, a semiconductor boost), then reads the gaps of every region at the
 * 10-year horizon and the national employment forecast with the new id. The engine's one-time
 * fit of the version (started when the builder opens: GET /api/scenarios) is reported apart.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverArgs, waitOk } from './server-command';

const API_DIR = fileURLToPath(new URL('..', import.meta.url));
const PORT = 20000 + Math.floor(Math.random() * 1000);
const BASE = `http://127.0.0.1:${PORT}`;
const dataDir = mkdtempSync(join(tmpdir(), 'lmo-bench-scenarios-'));
const env = {
  ...process.env,
  DATA_DIR: join(dataDir, 'data'),
  PORT: String(PORT),
  HOST: '127.0.0.1',
  DATABASE_URL: '',
  WEB_DIST: join(dataDir, 'no-web'),
  SCENARIO_RATE_LIMIT: '0',
};

const server = spawn(process.execPath, serverArgs(), { cwd: API_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
let log = '';
server.stdout!.on('data', (d) => (log += d));
server.stderr!.on('data', (d) => (log += d));

const json = async (path: string, init?: RequestInit) => {
  const res = await fetch(BASE + path, init);
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<any>;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  await waitOk(`${BASE}/api/gaps?region=VN&horizon=1`, 300_000);
  let t0 = performance.now();
  // As the builder does when it opens: ask for the fit, then wait for it.
  let state = (await json('/api/scenarios/engine', { method: 'POST' })).engine;
  while (state !== 'ready') {
    await new Promise((r) => setTimeout(r, 100));
    state = (await json('/api/scenarios/engine', { method: 'POST' })).engine;
  }
  const warmMs = performance.now() - t0;
  const times: number[] = [];
  const computeOnly: number[] = [];
  let regions = 0;
  for (let k = 1; k <= 5; k++) {
    const parameters = {
      valueAddedGrowth: { C: 8 + k / 2 },
      trainingOutputChange: { college: 10 * k },
      participationChange: { 'F:25-49': k / 2 },
      newFieldBoost: { semiconductors: { '2030': 10_000 * k } },
    };
    t0 = performance.now();
    const { id } = await json('/api/scenarios', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(parameters) });
    const t1 = performance.now();
    const [gaps] = await Promise.all([
      json(`/api/gaps?region=all&horizon=10&scenario=${id}`),
      json(`/api/forecasts?indicator=employment&region=VN&sector=TOTAL&qualification=ALL&scenario=${id}`),
    ]);
    times.push(performance.now() - t0);
    computeOnly.push(t1 - t0);
    regions = new Set(gaps.rows.map((r: { region: string }) => r.region)).size;
  }
  const m = median(times);
  console.log('\nbench:scenarios — a new planner scenario on the seeded dataset (embedded database, bundled server)');
  console.log(`  engine fit of the version (once, when the builder opens): ${Math.round(warmMs)} ms`);
  console.log(`  POST /api/scenarios (computed):                            median ${Math.round(median(computeOnly))} ms`);
  console.log(
    `  POST + gaps of all ${regions} regions + national forecast:      median ${Math.round(m)} ms  (runs: ${times.map((x) => Math.round(x)).join(', ')})  target ≤ 1000 ms  ${m <= 1000 ? 'OK' : 'MISS'}`,
  );
  console.log(`BENCH scenarios newScenarioMs=${Math.round(m)} postMs=${Math.round(median(computeOnly))} engineFitMs=${Math.round(warmMs)} regions=${regions}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  console.error(log.slice(-3000));
  process.exitCode = 1;
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
