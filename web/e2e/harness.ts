/**
 * Shared by the e2e test and the bench: build the web app, start the real API server on a
 * free port with a temporary data directory, and launch Chromium through playwright-core.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';

export const WEB_DIR = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const REPO_DIR = resolve(WEB_DIR, '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The environment of the processes users run: vitest's own variables (NODE_ENV=test, VITEST, …)
 * left out, so the e2e suite tests what `pnpm start` serves (React's production build, the server
 * with its worker threads), not a development bundle that mounts every effect twice.
 */
export function productionEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', ...extra };
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key === 'TEST') delete env[key];
  return env;
}

/**
 * Builds the app with Vite into `outDir` (a private directory by default, so a concurrent
 * `vite build` of web/dist cannot swap the assets under a running test); resolves to it.
 */
export function buildWeb(outDir = mkdtempSync(join(tmpdir(), 'lmo-web-dist-'))): Promise<string> {
  const vite = join(WEB_DIR, 'node_modules', 'vite', 'bin', 'vite.js');
  return new Promise((ok, fail) => {
    let output = '';
    const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], {
      cwd: WEB_DIR,
      env: productionEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? ok(outDir) : fail(new Error(`vite build failed (exit ${code}):\n${output}`))));
  });
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
  log(): string;
}

/**
 * Starts the API as `pnpm start` does (the esbuild bundle of api/src/server.ts, with node) with a temporary DATA_DIR and waits until /api/health reports the current data
 * version's results ready and they are served (seeding and computing happen on this first start).
 * `LMO_E2E_URL=http://127.0.0.1:8787` reuses a running server instead.
 */
export async function startServer({ timeoutMs = 180_000, webDist = join(WEB_DIR, 'dist') } = {}): Promise<RunningServer> {
  // For quick local iterations: reuse a server that is already running (it must serve web/dist).
  const reuse = process.env.LMO_E2E_URL?.replace(/\/$/, '');
  if (reuse) return { url: reuse, stop: async () => undefined, log: () => '' };
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'lmo-web-e2e-'));
  // The bundle `pnpm start` runs, built for this run (each test file its own; it must sit inside api/).
  const apiDir = join(REPO_DIR, 'api');
  mkdirSync(join(apiDir, 'dist'), { recursive: true });
  const bundleDir = mkdtempSync(join(apiDir, 'dist', 'e2e-'));
  const built = spawnSync(process.execPath, ['build.mjs', join(bundleDir, 'server.mjs')], { cwd: apiDir, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`could not build the API bundle:\n${built.stdout}${built.stderr}`);
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--expose-gc', '--enable-source-maps', join(bundleDir, 'server.mjs')], {
    cwd: apiDir,
    env: productionEnv({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: join(dataDir, 'data'), WEB_DIST: webDist, DATABASE_URL: '' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise<void>((ok) => {
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          ok();
        }, 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          ok();
        });
      });
    }
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(bundleDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      // Ready as a load balancer sees it: /api/health says the results are computed (and gaps answer).
      const health = await fetch(`${url}/api/health`);
      if (health.ok && (await health.json()).ready === true && (await fetch(`${url}/api/gaps?region=VN&horizon=1`)).ok) {
        return { url, stop, log: () => output };
      }
    } catch {
      // not listening yet
    }
    await new Promise((ok) => setTimeout(ok, 500));
  }
  await stop();
  throw new Error(`API server did not become ready at ${url} within ${timeoutMs} ms. Output:\n${output}`);
}

/** True when Chromium is installed; under CI its absence is an error, not a skip. */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true')
    throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install chromium, or run .ci/services.sh) — the browser tests must run under CI.`);
  return false;
}

/** A fresh persistent Chromium profile in a temporary directory. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'lmo-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
