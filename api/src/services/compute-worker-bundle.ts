/**
 * Where the worker threads' scripts are. `build.mjs` bundles each worker into one plain-JS file
 * beside the server bundle (dist/<name>.cjs) and tells the server bundle the folder through
 * esbuild's `define` (LMO_WORKER_DIR), so a production process starts its workers with node
 * alone: no esbuild at run time, and no tsx loader thread and compiler in each worker (~40 MB).
 * Run from the sources (`pnpm dev` with tsx), the tsx bootstrap (<name>.mjs) loads the
 * TypeScript worker instead.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The worker entries: the version compute and the scenario engine. */
export type WorkerName = 'compute-worker' | 'scenario-worker';

// Replaced by build.mjs with the bundle's folder; undeclared when running from the sources.
declare const LMO_WORKER_DIR: string | undefined;

/** The folder of the built worker bundles, or undefined when running from the sources. */
export const workerDir = (): string | undefined => (typeof LMO_WORKER_DIR === 'string' ? LMO_WORKER_DIR : undefined);

/** The script a worker thread runs: the built bundle, or the tsx bootstrap beside the sources. */
export function workerUrl(name: WorkerName): URL {
  const dir = workerDir();
  return dir ? pathToFileURL(join(dir, `${name}.cjs`)) : new URL(`./${name}.mjs`, import.meta.url);
}
