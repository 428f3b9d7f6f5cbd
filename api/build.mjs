/**
 * `pnpm --filter @lmo/api build`: bundles the server (with the models and seeds
 * workspaces) into one plain-JS file, dist/server.mjs, that `pnpm start` runs
 * with node alone, and each worker thread's entry into dist/<worker>.cjs beside it
 * (the server finds them through LMO_WORKER_DIR, see src/services/compute-worker-bundle.ts).
 * Running through tsx keeps a TypeScript loader thread and its caches in the process
 * for its whole life (~70 MB of RSS); the bundles do not, and nothing is bundled at run time.
 * npm dependencies of the api stay external and load from node_modules, so the
 * output must stay inside api/: `node build.mjs [outfile]` (default dist/server.mjs).
 *
 * `node build.mjs --if-changed` (and `pnpm start`, through start.mjs) skips esbuild when the last build's
 * inputs are unchanged: esbuild's metafile lists every source file the bundle was made from;
 * their sha256 (plus this script, package.json and the lockfile) is kept beside the bundle.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fileSha, fingerprintFiles } from './src/services/files-fingerprint.mjs';

const API = dirname(fileURLToPath(import.meta.url));

/** Files that shape the bundle without being in it (externals, esbuild's version, this script). */
const CONFIG_FILES = [fileURLToPath(import.meta.url), join(API, 'package.json'), join(API, '..', 'pnpm-lock.yaml')];

const digests = (files) => Object.fromEntries(files.map((f) => [relative(API, f), fileSha(f)]));

/** The worker threads, bundled beside the server (self-contained: they load nothing from node_modules). */
const WORKERS = ['compute-worker', 'scenario-worker'];
const workerFile = (outfile, name) => join(dirname(outfile), `${name}.cjs`);

/**
 * The model fingerprint (src/services/model-fingerprint.ts): one sha256 over the compute worker's
 * inputs (paths relative to api/, so equal on every clone, and the sha256 of each), written beside
 * the bundle. Stored results computed under another fingerprint are recomputed.
 */
export const fingerprintFile = (outfile) => join(dirname(outfile), 'compute-worker.fingerprint');

function writeFingerprint(outfile, metafile) {
  const inputs = Object.keys(metafile.inputs)
    .filter((p) => !p.includes(':'))
    .sort();
  writeFileSync(fingerprintFile(outfile), `${fingerprintFiles(inputs.map((p) => [p, resolve(API, p)]))}\n`);
}

/** True when the bundles exist and none of the files recorded at their build changed. */
function upToDate(outfile, stampFile) {
  if (![outfile, stampFile, fingerprintFile(outfile), ...WORKERS.map((w) => workerFile(outfile, w))].every((f) => existsSync(f))) return false;
  try {
    const recorded = JSON.parse(readFileSync(stampFile, 'utf8'));
    const files = Object.keys(recorded);
    return files.length > 0 && files.every((f) => fileSha(resolve(API, f)) === recorded[f]);
  } catch {
    return false;
  }
}

/**
 * Each source file keeps its own import.meta.url, so paths built from it (the
 * migrations folder, the seed CSVs, the web build, the compute worker) resolve
 * exactly as when the sources run directly.
 */
const keepImportMetaUrl = {
  name: 'keep-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

/**
 * Bundles src/server.ts into `outfile` (default dist/server.mjs); with `ifChanged`, only when an
 * input of the last build changed. Resolves to the bundle's path.
 */
export async function buildServer({ outfile = join(API, 'dist', 'server.mjs'), ifChanged = false } = {}) {
  const stampFile = `${outfile}.inputs.json`;
  const shown = relative(API, outfile);
  if (ifChanged && upToDate(outfile, stampFile)) {
    console.log(`api: sources unchanged since the last build, skipping esbuild (${shown})`);
    return outfile;
  }
  const t0 = performance.now();
  // Imported only when needed: a restart that skips the build does not load esbuild at all.
  const { build } = await import('esbuild');
  const pkg = JSON.parse(await readFile(join(API, 'package.json'), 'utf8'));
  const external = Object.keys(pkg.dependencies)
    .filter((d) => !d.startsWith('@lmo/'))
    .flatMap((d) => [d, `${d}/*`]);
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    plugins: [keepImportMetaUrl],
    logLevel: 'warning',
    metafile: true,
    absWorkingDir: API,
  };
  const results = await Promise.all([
    build({
      ...common,
      entryPoints: [join(API, 'src', 'server.ts')],
      outfile,
      format: 'esm',
      external,
      define: { LMO_WORKER_DIR: JSON.stringify(dirname(outfile)) },
    }),
    ...WORKERS.map((name) =>
      build({ ...common, entryPoints: [join(API, 'src', 'services', `${name}.ts`)], outfile: workerFile(outfile, name), format: 'cjs' }),
    ),
  ]);
  writeFingerprint(outfile, results[1 + WORKERS.indexOf('compute-worker')].metafile);
  // Metafile input paths are relative to absWorkingDir.
  const inputs = [...new Set(results.flatMap((r) => Object.keys(r.metafile.inputs)))].filter((p) => !p.includes(':')).map((p) => resolve(API, p));
  writeFileSync(stampFile, JSON.stringify(digests([...inputs, ...CONFIG_FILES]), null, 1));
  console.log(`api: ${shown} built in ${Math.round(performance.now() - t0)} ms`);
  return outfile;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const outArg = args.find((a) => !a.startsWith('--'));
  await buildServer({ outfile: outArg ? resolve(outArg) : undefined, ifChanged: args.includes('--if-changed') });
}
