/**
 * `pnpm bench:ingest [file]`: a 1,000,000-respondent microdata CSV through the
 * running server, end to end (stream, parse, validate, aggregate, commit,
 * recompute), while autocannon keeps asking GET /api/forecasts.
 *
 * Input: `pnpm gen:microdata 1000000 /tmp/micro.csv` (generated here if missing).
 * Targets: end to end ≤ 20 s; peak server RSS ≤ 600 MB (VmHWM of the server
 * process, worker threads included); /api/forecasts during the upload: p99 ≤ 100 ms,
 * longest wait ≤ 1 s, 0 errors. LMO_PGLITE_THREAD=0 runs the embedded database on
 * the request thread, as before issue 15, for comparison.
 */
import { spawn } from 'node:child_process';
import { analystToken, ensureMicrodata, serverArgs, waitOk } from './server-command';
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const API_DIR = fileURLToPath(new URL('..', import.meta.url));
const FILE = process.argv[2] ?? '/tmp/micro.csv';
const PORT = 19000 + Math.floor(Math.random() * 1000);
const BASE = `http://127.0.0.1:${PORT}`;
const FORECAST = '/api/forecasts?indicator=employment&region=VN&sector=C&qualification=ALL&horizon=10&scenario=baseline';
const dataDir = mkdtempSync(join(tmpdir(), 'lmo-bench-ingest-'));
const env = { ...process.env, DATA_DIR: join(dataDir, 'data'), PORT: String(PORT), HOST: '127.0.0.1', DATABASE_URL: '', WEB_DIST: join(dataDir, 'no-web') };

const verdict = (ok: boolean) => (ok ? 'OK  ' : 'MISS');
const mb = (kb: number) => `${Math.round(kb / 1024)} MB`;

ensureMicrodata(FILE);

/** CPU seconds (user + system, all threads) a process has used, from /proc: comparable across loaded and idle machines. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

/** Peak and current resident set (kB) of a process, from /proc. */
function memory(pid: number): { hwm: number; rss: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { hwm: kb('VmHWM'), rss: kb('VmRSS') };
}

// A token before the server starts (the CLI refuses while the server holds the embedded database).
const token = await analystToken('bench:ingest', env);

/** Polls GET /api/accuracy until the served version's system backtest is no longer pending; says when and what. */
async function awaitBacktest(answeredAt: number): Promise<string> {
  for (;;) {
    const system = ((await (await fetch(`${BASE}/api/accuracy`)).json()) as any).system;
    if (!system.pending) {
      const after = ((performance.now() - answeredAt) / 1000).toFixed(1);
      const e = system.rolling.employment.system.mase;
      return system.unavailable
        ? `not available (${system.unavailable.code}) ${after} s after the upload answered`
        : `stored ${after} s after the upload answered (computed on: ${system.computedOn}; employment MASE ${e})`;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

// The bundle pnpm start runs, with node directly, so the pid is the server's own process.
const server = spawn(process.execPath, serverArgs(), { cwd: API_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
let log = '';
server.stdout!.on('data', (d) => (log += d));
server.stderr!.on('data', (d) => (log += d));
try {
  await waitOk(BASE + FORECAST, 180_000);
  const size = statSync(FILE).size;
  const idle = memory(server.pid!);
  console.log(
    `bench:ingest — ${FILE} (${(size / 1e6).toFixed(1)} MB), server pid ${server.pid} idle RSS ${mb(idle.rss)}, peak so far (first start: migrate, seed, compute) ${mb(idle.hwm)}`,
  );
  // Reset the peak so the ingest's own peak is measured too (Linux: clear_refs 5 resets VmHWM).
  let reset = false;
  try {
    writeFileSync(`/proc/${server.pid}/clear_refs`, '5');
    reset = true;
  } catch {
    /* older kernel: the peak stays the lifetime one */
  }

  const load = autocannon({ url: BASE + FORECAST, connections: 10, duration: 600, pipelining: 1 });
  let peak = reset ? memory(server.pid!).hwm : idle.hwm;
  const sampler = setInterval(() => {
    peak = Math.max(peak, memory(server.pid!).hwm);
  }, 200);
  const cpu0 = cpuSeconds(server.pid!);
  const t0 = performance.now();
  const res = await fetch(`${BASE}/api/uploads?format=microdata&period=2024&replaceOfficial=true&fileName=micro.csv`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body: Readable.toWeb(createReadStream(FILE, { highWaterMark: 1 << 20 })) as unknown as BodyInit,
    duplex: 'half',
  } as RequestInit);
  const body = (await res.json()) as any;
  const total = performance.now() - t0;
  const cpu = cpuSeconds(server.pid!) - cpu0;
  clearInterval(sampler);
  (load as unknown as { stop(): void }).stop();
  const cannon = await load;
  peak = Math.max(peak, memory(server.pid!).hwm);
  // The new version's system backtest runs after the upload has answered (results-loader.ts): its time and memory too.
  const backtest = res.status === 201 ? await awaitBacktest(t0 + total) : null;
  const afterPeak = memory(server.pid!).hwm;

  if (res.status !== 201) {
    console.log(`upload failed: HTTP ${res.status}`, JSON.stringify(body).slice(0, 2000));
    process.exitCode = 1;
  } else {
    console.log(
      `  upload → HTTP 201, version ${body.version.id}: ${body.rows.toLocaleString('en')} respondents → ${body.cells.toLocaleString('en')} cells; version holds ${body.version.rowCount.toLocaleString('en')} observations`,
    );
    console.log(`  stages: parse+validate+aggregate ${body.timingMs.parse} ms, commit ${body.timingMs.commit} ms, recompute ${body.timingMs.compute} ms`);
  }
  console.log(
    `       server CPU during the upload: ${cpu.toFixed(1)} s (user+system, incl. the compute worker and answering the load); machine load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`,
  );
  console.log(`  ${verdict(total <= 20_000)} end to end ${(total / 1000).toFixed(2)} s  (target ≤ 20 s; ${(size / 1e6 / (total / 1000)).toFixed(1)} MB/s)`);
  const lifetime = Math.max(peak, idle.hwm, afterPeak);
  console.log(
    `  ${verdict(lifetime <= 600 * 1024)} peak server RSS ${mb(lifetime)} over the server's life (target ≤ 600 MB): during the upload ${reset ? mb(peak) : 'n/a'}, with the system backtest after it ${mb(afterPeak)}, first start ${mb(idle.hwm)}; idle ${mb(idle.rss)}`,
  );
  if (backtest) console.log(`       system backtest of the new version: ${backtest}`);
  const readsOk = cannon.latency.p99 <= 100 && cannon.latency.max <= 1000 && cannon.errors + cannon.non2xx + cannon.timeouts === 0;
  console.log(
    `  ${verdict(readsOk)} GET /api/forecasts during the upload: p99 ${cannon.latency.p99} ms, p50 ${cannon.latency.p50} ms, max ${cannon.latency.max} ms, ${cannon.requests.total} requests, errors ${cannon.errors}, timeouts ${cannon.timeouts}, non-2xx ${cannon.non2xx}  (target p99 ≤ 100 ms, max ≤ 1 s, 0 errors)`,
  );
  console.log(`       embedded database ${process.env.LMO_PGLITE_THREAD === '0' ? 'on the request thread (LMO_PGLITE_THREAD=0)' : 'in its own worker thread'}`);
  if (!readsOk || total > 20_000 || lifetime > 600 * 1024) process.exitCode = 1;
} catch (error) {
  console.error(error, '\nserver log:\n', log);
  process.exitCode = 1;
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
