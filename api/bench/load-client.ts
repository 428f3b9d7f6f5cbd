/**
 * The readers of `pnpm bench:load`: one client per route, each with its share
 * of the connections, cycling through that route's paths. wrk (C, epoll; apt
 * package `wrk`) is used when installed, because a load generator that eats a
 * core of a 2-core machine measures itself as much as the server;
 * autocannon (Node) is the fallback, or BENCH_CLIENT=autocannon.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

export interface RouteLoad { name: string; connections: number; paths: string[] }

export interface RouteResult {
  name: string;
  connections: number;
  requests: number;
  /** Non-2xx/3xx answers, socket errors and timeouts. */
  errors: number;
  p50: number;
  p99: number;
  max: number;
  rps: number;
}

/** `wrk` or `autocannon`, from BENCH_CLIENT or what is installed. */
export function loadClient(): 'wrk' | 'autocannon' {
  if (process.env.BENCH_CLIENT === 'autocannon') return 'autocannon';
  const found = spawnSync('sh', ['-c', 'command -v wrk'], { encoding: 'utf8' }).status === 0;
  if (!found && process.env.BENCH_CLIENT === 'wrk') throw new Error('BENCH_CLIENT=wrk but wrk is not installed (apt-get install -y wrk)');
  return found ? 'wrk' : 'autocannon';
}

const MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

/** Milliseconds from a wrk figure such as `12.71ms`. */
export function wrkMs(text: string): number {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
  if (!m) throw new Error(`unexpected wrk latency '${text}'`);
  return Number(m[1]) * MS[m[2]];
}

/** The figures of one `wrk --latency` run. */
export function parseWrk(out: string, name: string, connections: number): RouteResult {
  const pick = (re: RegExp) => re.exec(out)?.[1];
  const requests = Number(pick(/(\d+) requests in/) ?? NaN);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const errors = Number(pick(/Non-2xx or 3xx responses: (\d+)/) ?? 0) + (socket ? socket.slice(1).reduce((n, x) => n + Number(x), 0) : 0);
  if (!Number.isFinite(requests)) throw new Error(`could not read wrk's output for ${name}:\n${out}`);
  return {
    name, connections, requests, errors,
    p50: wrkMs(pick(/\s50%\s+(\S+)/) ?? 'NaNms'),
    p99: wrkMs(pick(/\s99%\s+(\S+)/) ?? 'NaNms'),
    max: wrkMs(pick(/Latency\s+\S+\s+\S+\s+(\S+)/) ?? 'NaNms'),
    rps: Number(pick(/Requests\/sec:\s+([\d.]+)/) ?? 0),
  };
}

function runWrk(base: string, route: RouteLoad, seconds: number, dir: string): Promise<RouteResult> {
  const script = join(dir, `${route.name}.lua`);
  // One Lua state per wrk thread (-t1): the counter cycles this route's paths in order.
  writeFileSync(script, `local paths = { ${route.paths.map((p) => JSON.stringify(p)).join(', ')} }\nlocal i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format("GET", paths[i])\nend\n`);
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', ['-t1', `-c${route.connections}`, `-d${seconds}s`, '--timeout', '10s', '--latency', '-s', script, base], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', () => {
      try { resolve(parseWrk(out, route.name, route.connections)); } catch (e) { reject(e); }
    });
  });
}

async function runAutocannon(base: string, route: RouteLoad, seconds: number): Promise<RouteResult> {
  const r = await autocannon({
    url: base, connections: route.connections, duration: seconds, timeout: 10,
    requests: route.paths.map((path) => ({ method: 'GET' as const, path })),
  });
  return {
    name: route.name, connections: route.connections, requests: r.requests.total, errors: r.non2xx + r.errors + r.timeouts,
    p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, rps: r.requests.average,
  };
}

/** Runs every route's readers at once for `seconds` against `base`. */
export async function runReaders(base: string, routes: RouteLoad[], seconds: number, client = loadClient()): Promise<RouteResult[]> {
  if (client === 'autocannon') return Promise.all(routes.map((r) => runAutocannon(base, r, seconds)));
  const dir = mkdtempSync(join(tmpdir(), 'lmo-wrk-'));
  try {
    return await Promise.all(routes.map((r) => runWrk(base, r, seconds, dir)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
