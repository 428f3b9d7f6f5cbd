/**
 * The server command the benchmarks run: what `pnpm start` runs, the bundled
 * dist/server.mjs (built here once per benchmark), so the figures are the
 * production process's, not tsx's.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const API_DIR = fileURLToPath(new URL('..', import.meta.url));
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
