/**
 * Start-up targets of issue 17, measured on a fresh clone so the working tree, its web/dist and
 * its data are never touched:
 * - the quick start's first line (`pnpm install && pnpm start`; `npm i -g pnpm` is skipped, pnpm is
 *   here) with a temporary DATA_DIR: time to the dashboard served (/ is the built app) and to its
 *   results ready (/api/health `ready: true`), target ≤ 30 s;
 * - restarts of `pnpm start` with unchanged sources on that data directory: spawn → ready, ≤ 3 s.
 * The clone gets the working tree's uncommitted changes copied over (`OVERLAY=0`: HEAD only), so
 * what is measured is what would be committed. The server's own log lines are printed with their
 * times, to show where the time goes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { freePort, REPO_DIR } from '../e2e/harness';

export interface StartRun {
  /** From spawn to `/` answering with the built app, ms (null: never within the timeout). */
  servedMs: number | null;
  /** From spawn to /api/health `ready: true`, ms. */
  readyMs: number | null;
  /** The lines `pnpm start` printed, each with its time since spawn. */
  log: string[];
}

export interface QuickStart {
  installMs: number;
  first: StartRun;
  restarts: StartRun[];
}

const git = (args: string[], cwd = REPO_DIR) => {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.split('\n').filter(Boolean);
};

/** Copies the working tree's modified and untracked files over the clone (deleted ones removed). */
function overlay(clone: string): number {
  const files = [...git(['diff', '--name-only', 'HEAD']), ...git(['ls-files', '--others', '--exclude-standard'])];
  for (const file of files) {
    const from = join(REPO_DIR, file);
    const to = join(clone, file);
    if (existsSync(from)) {
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(from, to);
    } else rmSync(to, { force: true });
  }
  return files.length;
}

/** Runs `pnpm start` in `cwd` until its results are ready, then stops it (SIGTERM to its process group). */
async function runStart(cwd: string, dataDir: string, timeoutMs = 300_000): Promise<StartRun> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const since = () => performance.now() - t0;
  const log: string[] = [];
  const child = spawn('pnpm', ['start'], {
    cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', WEB_DIST: '' },
  });
  const record = (d: Buffer) => {
    for (const line of String(d).split('\n')) if (line.trim()) log.push(`${(since() / 1000).toFixed(1).padStart(6)} s  ${line.trim()}`);
  };
  child.stdout.on('data', record);
  child.stderr.on('data', record);
  let servedMs: number | null = null;
  let readyMs: number | null = null;
  try {
    while (since() < timeoutMs && child.exitCode === null && (servedMs === null || readyMs === null)) {
      try {
        if (servedMs === null) {
          const page = await fetch(`${url}/`);
          const entry = /src="(\/assets\/[^"]+\.js)"/.exec(await page.text())?.[1];
          // Served = the built shell and its entry script answer (not the "not built yet" page).
          if (page.ok && entry && (await fetch(`${url}${entry}`).then(async (r) => (await r.arrayBuffer(), r.ok)))) servedMs = since();
        }
        if (readyMs === null && ((await (await fetch(`${url}/api/health`)).json()) as { ready?: boolean }).ready === true) readyMs = since();
      } catch {
        // not listening yet
      }
      if (servedMs === null || readyMs === null) await new Promise((ok) => setTimeout(ok, 100));
    }
  } finally {
    if (child.exitCode === null) {
      process.kill(-child.pid!, 'SIGTERM');
      await new Promise<void>((ok) => {
        const timer = setTimeout(() => {
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            // already gone
          }
          ok();
        }, 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          ok();
        });
      });
    }
  }
  return { servedMs, readyMs, log };
}

/** Clone, install, first start with a new data directory, then `restarts` restarts on it. */
export async function measureQuickStart(restarts = 3): Promise<QuickStart> {
  const root = mkdtempSync(join(tmpdir(), 'lmo-quickstart-'));
  const clone = join(root, 'repo');
  const dataDir = join(root, 'data');
  try {
    git(['clone', '-q', REPO_DIR, clone]);
    if (process.env.OVERLAY !== '0') console.log(`  (clone of HEAD + ${overlay(clone)} uncommitted files from the working tree)`);
    const t0 = performance.now();
    const install = spawnSync('pnpm', ['install'], { cwd: clone, encoding: 'utf8' });
    if (install.status !== 0) throw new Error(`pnpm install failed:\n${install.stdout}${install.stderr}`);
    const installMs = performance.now() - t0;
    const first = await runStart(clone, dataDir);
    const again: StartRun[] = [];
    for (let i = 0; i < restarts; i++) again.push(await runStart(clone, dataDir, 60_000));
    return { installMs, first, restarts: again };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
