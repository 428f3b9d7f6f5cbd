/**
 * `pnpm start` (root): `node --expose-gc --enable-source-maps api/start.mjs`.
 * 1. bundles the server when its sources changed (build.mjs; skipped on a plain restart);
 * 2. builds the web app when its sources changed (web/build-if-changed.mjs) in a child process
 *    at low CPU priority, BESIDE the server rather than before it: on a first start the server is
 *    busy creating the database, seeding and computing for ~25 s anyway, and serves the new
 *    web/dist as soon as it exists (until then / links to the API docs);
 * 3. runs the server in this process (no second Node process for the life of the server).
 * Node only, no shell syntax, so it runs the same on Linux, macOS and Windows.
 */
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildServer } from './build.mjs';

const server = await buildServer({ ifChanged: true });

const web = spawn(process.execPath, [fileURLToPath(new URL('../web/build-if-changed.mjs', import.meta.url))], { stdio: 'inherit' });
try {
  // The server's seeding and computing come first on a busy machine; Vite and brotli use what is left.
  setPriority(web.pid, 10);
} catch {
  // Not permitted here: build at normal priority.
}
web.on('exit', (code) => {
  if (code) console.error(`web: the build failed (exit ${code}); the API runs, / shows a page linking to /api/docs`);
});
// The server exits on SIGINT/SIGTERM (src/server.ts): a build still running goes with it.
process.on('exit', () => {
  if (web.exitCode === null) web.kill();
});

await import(pathToFileURL(server).href);
