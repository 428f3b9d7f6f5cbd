/**
 * `pnpm start` builds the web app only when its inputs changed since the last build: a hash of
 * the web sources, the models sources it imports, the build config and the lockfile is kept in
 * dist/.source-hash. A restart with unchanged sources skips Vite (about 5 s).
 * `pnpm start` runs it beside the server (api/start.mjs; the server serves a new build as soon as it exists).
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = fileURLToPath(new URL('.', import.meta.url));
const ROOT = join(WEB, '..');
const INPUTS = ['web/src', 'web/index.html', 'web/vite.config.ts', 'web/package.json', 'web/public', 'models/src', 'models/package.json', 'pnpm-lock.yaml'];
const STAMP = join(WEB, 'dist', '.source-hash');

/** Every file under `path` (sorted), skipping tests: they do not change the build. */
function files(path) {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return [path];
  return readdirSync(path).sort().flatMap((name) => (/\.test\.tsx?$/.test(name) ? [] : files(join(path, name))));
}

const hash = createHash('sha256');
for (const input of INPUTS) {
  for (const file of files(join(ROOT, input))) hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
}
const digest = hash.digest('hex');

if (existsSync(join(WEB, 'dist', 'index.html')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === digest) {
  console.log('web: sources unchanged since the last build, skipping vite build');
} else {
  // Vite's own bin, not `pnpm exec` (saves pnpm's start-up); warnings only, so the chunk table
  // does not bury the server's log when `pnpm start` runs both at once.
  const t0 = performance.now();
  console.log('web: building web/dist (vite)…');
  const r = spawnSync(process.execPath, [join(WEB, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: WEB, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`web: vite build failed (exit ${r.status}); the server answers / with a page linking to the API docs until a build succeeds`);
    process.exit(r.status ?? 1);
  }
  writeFileSync(STAMP, digest);
  console.log(`web: built web/dist in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
