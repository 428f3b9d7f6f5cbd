/**
 * What the benchmarks share: the server command (what `pnpm start` runs, the
 * bundled dist/server.mjs, built here once per benchmark, so the figures are the
 * production process's, not tsx's), the 1,000,000-row microdata file, an
 * analyst token, and waiting for a URL to answer 200.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tokenCli } from '../src/cli/token';

const API_DIR = fileURLToPath(new URL('..', import.meta.url));
const REPO = fileURLToPath(new URL('../..', import.meta.url));
let built = false;

/** Node arguments that start the bundled server from api/ (builds it first). */
export function serverArgs(): string[] {
  if (!built) {
    const r = spawnSync(process.execPath, ['build.mjs'], { cwd: API_DIR, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('could not build api/dist/server.mjs');
    built = true;
  }
  return ['--expose-gc', '--enable-source-maps', 'dist/server.mjs'];
}

/** Generates the 1,000,000-respondent microdata file at `file` unless it exists (`pnpm gen:microdata`). */
export function ensureMicrodata(file: string): void {
  if (existsSync(file)) return;
  console.log(`${file} missing: generating it (pnpm gen:microdata 1000000 ${file}) …`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'seeds/gen-microdata.ts', '1000000', file], { cwd: REPO, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('could not generate the microdata file');
}

/** A new analyst token through the token CLI (before the server opens an embedded database). */
export async function analystToken(name: string, env: NodeJS.ProcessEnv): Promise<string> {
  let token = '';
  const code = await tokenCli(
    ['create', '--role', 'analyst', '--name', name],
    (s) => {
      token = /lmo_\S+/.exec(s)?.[0] ?? token;
    },
    console.error,
    env,
  );
  if (code !== 0 || !token) throw new Error('could not create a token');
  return token;
}

/**
 * Waits until `url` answers 200 (a fresh connection each try); throws after
 * `timeoutMs`, or as soon as `failed()` says the server is gone.
 */
export async function waitOk(url: string, timeoutMs: number, intervalMs = 300, failed: () => boolean = () => false): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    if (failed()) throw new Error(`the server exited before ${url} answered`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}
