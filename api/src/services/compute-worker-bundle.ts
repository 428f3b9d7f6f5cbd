/**
 * The compute worker as one plain-JS bundle, built with esbuild once per process
 * (about 0.1 s). A worker started through tsx would carry its own loader thread
 * and TypeScript compiler (~40 MB more per model run); a bundle carries neither.
 * If bundling fails, the tsx bootstrap (compute-worker.mjs) is used instead.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

/** The worker entries: the version compute and the scenario engine. */
export type WorkerName = 'compute-worker' | 'scenario-worker';

/** How to start the worker: the bundle's source (eval) or the fallback script. */
export type WorkerScript = { code: string } | { url: URL };

const pending = new Map<WorkerName, Promise<WorkerScript>>();

/** A worker's script, bundled on first use and shared afterwards. */
export function workerScript(name: WorkerName): Promise<WorkerScript> {
  let p = pending.get(name);
  if (!p) {
    const entry = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
    p = build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false, logLevel: 'silent' })
      .then((r): WorkerScript => ({ code: r.outputFiles[0].text }))
      .catch((): WorkerScript => ({ url: new URL(`./${name}.mjs`, import.meta.url) }));
    pending.set(name, p);
  }
  return p;
}

/** The compute worker's script. */
export const computeWorkerScript = () => workerScript('compute-worker');
