/**
 * Runs the real server (`tsx src/server.ts`) as a child process on a free port,
 * capturing everything it prints, so tests can kill -9 it, restart it and read its logs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const API_DIR = fileURLToPath(new URL('../../../', import.meta.url));

/** A port nobody is listening on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface ChildRun {
  child: ChildProcess;
  /** Everything printed on stdout and stderr so far. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves when the output contains `text` (rejects on exit or timeout). */
  waitForOutput(text: string | RegExp, timeoutMs?: number): Promise<void>;
  kill9(): Promise<void>;
}

/** Spawns `node --import tsx <script> …args` in api/ with `env` added to the environment. */
export function runTs(script: string, args: string[], env: Record<string, string>): ChildRun {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: API_DIR,
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const listeners = new Set<() => void>();
  const onData = (d: Buffer) => {
    out += d.toString();
    for (const l of listeners) l();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      for (const l of listeners) l();
      resolve({ code, signal });
    });
  });
  return {
    child,
    output: () => out,
    exited,
    waitForOutput(text, timeoutMs = 60_000) {
      const found = () => (typeof text === 'string' ? out.includes(text) : text.test(out));
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (found()) done(resolve);
          else if (child.exitCode !== null || child.signalCode !== null) done(() => reject(new Error(`process exited before printing ${text}:\n${out}`)));
        };
        const timer = setTimeout(() => done(() => reject(new Error(`no ${text} within ${timeoutMs} ms:\n${out}`))), timeoutMs);
        const done = (fn: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          fn();
        };
        listeners.add(check);
        check();
      });
    },
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** The database helper child (see db-child.ts), relative to api/ as runTs expects. */
export const DB_CHILD = 'test/reliability/support/db-child.ts';

/** Seeds the database in `env` (DATA_DIR or DATABASE_URL) with the test fixture and its computed results. */
export async function seedDatabase(env: Record<string, string>): Promise<void> {
  const seed = runTs(DB_CHILD, ['seed'], env);
  await seed.waitForOutput(/SEEDED \d+/, 90_000);
  await seed.exited;
}

/** Creates an analyst, a viewer and an admin token in the database in `env`. */
export async function makeTokens(env: Record<string, string>): Promise<{ analyst: string; viewer: string; admin: string }> {
  const made = runTs(DB_CHILD, ['tokens'], env);
  await made.waitForOutput(/TOKENS \{.*\}/);
  const tokens = JSON.parse(/TOKENS (\{.*\})/.exec(made.output())![1]);
  await made.exited;
  return tokens;
}

export interface ServerRun extends ChildRun {
  base: string;
  port: number;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

/**
 * Starts the API with `env` (DATA_DIR or DATABASE_URL, …) and waits until it
 * listens. SEED=0 unless given: tests load their own data.
 */
export async function startServer(env: Record<string, string>, timeoutMs = 60_000): Promise<ServerRun> {
  const port = await freePort();
  const run = runTs('src/server.ts', [], { SEED: '0', HOST: '127.0.0.1', WEB_DIST: '/nonexistent-web-dist', DATABASE_URL: '', ...env, PORT: String(port) });
  await run.waitForOutput('[lmo] listening on', timeoutMs);
  return {
    ...run,
    base: `http://127.0.0.1:${port}`,
    port,
    async stop() {
      if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGTERM');
      await run.exited;
    },
  };
}

/** GET JSON (or text) from a running server. */
export async function fetchJson(url: string, init?: RequestInit): Promise<{ status: number; type: string; body: any; headers: Headers }> {
  const res = await fetch(url, { ...init, signal: init?.signal ?? AbortSignal.timeout(20_000) });
  const type = res.headers.get('content-type') ?? '';
  const text = await res.text();
  let body: any = text;
  if (type.includes('json')) body = JSON.parse(text);
  return { status: res.status, type, body, headers: res.headers };
}
