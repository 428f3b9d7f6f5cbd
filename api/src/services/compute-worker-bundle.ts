/**
 * The compute worker as one plain-JS bundle, built with esbuild once per process
 * (about 0.1 s). A worker started through tsx would carry its own loader thread
 * and TypeScript compiler (~40 MB more per model run); a bundle carries neither.
 * If bundling fails, the tsx bootstrap (compute-worker.mjs) is used instead.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('./compute-worker.ts', import.meta.url));
const FALLBACK = new URL('./compute-worker.mjs', import.meta.url);

/** How to start the worker: the bundle's source (eval) or the fallback script. */
export type WorkerScript = { code: string } | { url: URL };

let pending: Promise<WorkerScript> | undefined;

/** The worker script, bundled on first use and shared afterwards. */
export function computeWorkerScript(): Promise<WorkerScript> {
  pending ??= build({ entryPoints: [ENTRY], bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false, logLevel: 'silent' })
    .then((r): WorkerScript => ({ code: r.outputFiles[0].text }))
    .catch((): WorkerScript => ({ url: FALLBACK }));
  return pending;
}
