/**
 * `pnpm bench:load`: 200 concurrent readers for 30 s over a mix of routes while
 * a 1,000,000-respondent microdata upload is ingested, on PostgreSQL with the
 * real seeds. Prints per route: requests, errors (non-2xx, socket errors,
 * timeouts), p50/p99 latency and throughput, and the ingest's duration.
 * Targets: 0 errors; p99 of each route ≤ 100 ms. Readers: load-client.ts.
 *
 * Topology (BENCH_TOPOLOGY):
 *   split (default): two instances on one PostgreSQL, readers on A, the upload
 *                    posted to B — what README "Running at scale" recommends
 *                    (route POST /api/uploads to an ingest instance);
 *   single:          one instance takes both the readers and the upload.
 * Other settings: BENCH_SECONDS (30), BENCH_CONNECTIONS (200), BENCH_MICRODATA
 * (/tmp/micro.csv, generated with `pnpm gen:microdata` when missing),
 * TEST_DATABASE_URL (admin URL; a fresh database is created and dropped),
 * BENCH_TEMPLATE (a seeded database to copy instead of seeding), BENCH_INGEST=0 (baseline, no upload).
 * Then the memory check (cache-budget.ts): 10,000 distinct long URLs leave the
 * fast path's URL map and the response cache under their byte budgets.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { analystToken, ensureMicrodata, serverArgs, waitOk } from './server-command';
import { randomBytes } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { runReaders } from './load-client';
import { budgetCheck, LONG_URLS, rssGrowth } from './cache-budget';

const API_DIR = fileURLToPath(new URL('..', import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200);
const TOPOLOGY = (process.env.BENCH_TOPOLOGY ?? 'split') as 'split' | 'single';
const FILE = process.env.BENCH_MICRODATA ?? '/tmp/micro.csv';
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/lmo_test';

/** Route mix: share of the connections and the request paths cycled through. */
const MIX: { name: string; share: number; paths: string[] }[] = [
  {
    name: 'forecasts',
    share: 0.3,
    paths: ['C', 'A', 'F', 'G', 'semiconductors', 'TOTAL'].map((s) => `/api/forecasts?indicator=employment&region=VN&sector=${s}&qualification=ALL`),
  },
  { name: 'series', share: 0.15, paths: ['C', 'A', 'G'].map((s) => `/api/series?indicator=employment&region=VN&sector=${s}&qualification=ALL`) },
  { name: 'gaps', share: 0.15, paths: ['/api/gaps?region=VN', '/api/gaps?region=01', '/api/gaps?region=79&sort=imbalance'] },
  { name: 'meta', share: 0.1, paths: ['/api/meta'] },
  { name: 'targets', share: 0.1, paths: ['/api/targets'] },
  { name: 'health', share: 0.1, paths: ['/api/health'] },
  { name: 'export.csv', share: 0.1, paths: ['/api/export.csv?view=forecasts&sector=C', '/api/export.csv?view=series&sector=A'] },
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

interface Instance {
  child: ChildProcess;
  base: string;
  exited: Promise<void>;
}

async function startInstance(url: string, seed: boolean): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, serverArgs(), {
    cwd: API_DIR,
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', SEED: seed ? '1' : '0', WEB_DIST: '/nonexistent', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => process.env.BENCH_VERBOSE && process.stdout.write(`  [server] ${d}`));
  child.stderr!.on('data', (d) => process.stderr.write(`  [server:err] ${d}`));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  // Ready when forecasts are served (results computed).
  await waitOk(`${base}${MIX[0].paths[0]}`, 300_000, 500, () => child.exitCode !== null);
  return { child, base, exited };
}

async function stop(i: Instance | undefined) {
  if (!i || i.child.exitCode !== null) return;
  i.child.kill('SIGTERM');
  await i.exited;
}

async function admin(sqlText: string) {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(sqlText);
  } finally {
    await c.end();
  }
}

const fmt = (n: number, d = 0) => n.toLocaleString('vi-VN', { maximumFractionDigits: d, minimumFractionDigits: d });

ensureMicrodata(FILE);

// BENCH_TEMPLATE names an already seeded database to copy (CREATE DATABASE … TEMPLATE), skipping ~1 min of seeding.
const template = process.env.BENCH_TEMPLATE;
if (template && !/^[a-z_][a-z0-9_]*$/.test(template)) throw new Error('BENCH_TEMPLATE must be a plain database name');
const dbName = `lmo_bench_${randomBytes(4).toString('hex')}`;
await admin(template ? `CREATE DATABASE ${dbName} TEMPLATE ${template}` : `CREATE DATABASE ${dbName}`);
const url = new URL(ADMIN_URL);
url.pathname = `/${dbName}`;
const INGEST = process.env.BENCH_INGEST !== '0';
let a: Instance | undefined;
let b: Instance | undefined;
try {
  console.log(
    `bench:load — PostgreSQL database ${dbName}, topology ${TOPOLOGY}, ${CONNECTIONS} readers for ${SECONDS} s, upload ${FILE} (${fmt(statSync(FILE).size / 1e6, 1)} MB)`,
  );
  const t0 = performance.now();
  a = await startInstance(url.toString(), true);
  b = TOPOLOGY === 'split' ? await startInstance(url.toString(), false) : a;
  console.log(`  instances ready in ${fmt((performance.now() - t0) / 1000, 1)} s (${template ? `copy of ${template}` : 'real seeds loaded and computed'})`);
  const token = await analystToken('bench:load', { ...process.env, DATABASE_URL: url.toString(), SEED: '0' });

  const routes = MIX.map((m) => ({ name: m.name, connections: Math.max(1, Math.round(CONNECTIONS * m.share)), paths: m.paths }));
  console.log(`  readers (autocannon): ${routes.map((r) => `${r.name} ${r.connections}`).join(', ')}`);
  const readers = runReaders(a!.base, routes, SECONDS);
  // Start the upload once the readers are running.
  await new Promise((r) => setTimeout(r, 1000));
  const uploadStart = performance.now();
  const upload = !INGEST
    ? Promise.resolve({ status: 0, body: {} as Record<string, any>, ms: 0 })
    : fetch(`${b.base}/api/uploads?format=microdata&period=2024&replaceOfficial=true&fileName=bench-micro.csv`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
        body: Readable.toWeb(createReadStream(FILE)) as unknown as BodyInit,
        duplex: 'half',
      } as RequestInit).then(async (res) => ({ status: res.status, body: (await res.json()) as Record<string, any>, ms: performance.now() - uploadStart }));
  const results = await readers;
  const readersEnd = performance.now();
  const up = await upload;
  const overlap = Math.min(up.ms, readersEnd - uploadStart);

  console.log('\n  route        conns   requests   errors   p50 ms   p99 ms   req/s    p99 ≤ 100 ms');
  let total = 0;
  let errors = 0;
  let allOk = true;
  for (const r of results) {
    total += r.requests;
    errors += r.errors;
    const ok = r.p99 <= 100 && r.errors === 0 && r.requests > 0;
    allOk &&= ok;
    console.log(
      `  ${r.name.padEnd(12)} ${String(r.connections).padStart(5)} ${fmt(r.requests).padStart(10)} ${String(r.errors).padStart(8)} ${fmt(r.p50, 1).padStart(8)} ${fmt(r.p99, 1).padStart(8)} ${fmt(r.rps).padStart(7)}    ${ok ? 'OK' : 'MISS'}`,
    );
  }
  console.log(
    `  ${'all'.padEnd(12)} ${String(CONNECTIONS).padStart(5)} ${fmt(total).padStart(10)} ${String(errors).padStart(8)}                    ${fmt(total / SECONDS).padStart(7)}`,
  );
  console.log(
    `\n  upload: HTTP ${up.status}, ${fmt(up.ms / 1000, 1)} s end to end${up.body.version ? ` → version ${up.body.version.id} (${fmt(up.body.rows ?? 0)} records → ${fmt(up.body.cells ?? 0)} cells)` : `: ${JSON.stringify(up.body).slice(0, 300)}`}`,
  );
  console.log(
    `  machine: ${availableParallelism()} cores, load average ${loadavg()
      .map((l) => fmt(l, 1))
      .join(' / ')} (1/5/15 min) — other work on the machine inflates latencies`,
  );
  console.log(`  readers overlapped the ingest for ${fmt(overlap / 1000, 1)} s of ${fmt(SECONDS)} s`);

  // Memory: 10,000 distinct long URLs, each twice (cache-budget.ts).
  const budget = await budgetCheck();
  const mb = (b: number) => fmt(b / 1048576, 2);
  const cacheOk = budget.cacheBytes <= budget.cacheBudget;
  console.log(`\n  memory after ${fmt(LONG_URLS)} distinct long URLs (4 KB each, asked twice):`);
  console.log(
    `  ${cacheOk ? 'OK  ' : 'MISS'} response cache ${mb(budget.cacheBytes)} MB in ${fmt(budget.cacheEntries)} answers (budget RESPONSE_CACHE_MB ${mb(budget.cacheBudget)} MB; the fast path keeps no URL map of its own)`,
  );
  const rss = await rssGrowth(a!.base, a!.child.pid!);
  const slack = budget.cacheBudget / 1048576 + 64;
  const rssOk = rss.afterMb - rss.beforeMb <= slack;
  console.log(
    `  ${rssOk ? 'OK  ' : 'MISS'} instance A resident memory ${fmt(rss.beforeMb)} → ${fmt(rss.afterMb)} MB (+${fmt(rss.afterMb - rss.beforeMb)} MB; at most the budget + 64 MB = ${fmt(slack)} MB); answers ${[...rss.statuses].map(([s, n]) => `${s}×${fmt(n)}`).join(', ')}`,
  );
  const passed = allOk && cacheOk && rssOk && (!INGEST || up.status === 201);
  console.log(
    `\n  ${passed ? 'OK  ' : 'MISS'} 0 errors and p99 ≤ 100 ms on every route ${INGEST ? 'during a 1,000,000-row ingest' : 'WITHOUT an ingest (baseline)'} (${TOPOLOGY}); throughput ${fmt(total / SECONDS)} req/s`,
  );
  process.exitCode = passed ? 0 : 1;
} finally {
  await stop(a);
  if (b !== a) await stop(b);
  await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
}
