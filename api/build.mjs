/**
 * `pnpm --filter @lmo/api build`: bundles the server (with the models and seeds
 * workspaces) into one plain-JS file, dist/server.mjs, that `pnpm start` runs
 * with node alone. Running through tsx keeps a TypeScript loader thread and its
 * caches in the process for its whole life (~70 MB of RSS); the bundle does not.
 * npm dependencies of the api stay external and load from node_modules, so the
 * output must stay inside api/: `node build.mjs [outfile]` (default dist/server.mjs).
 */
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

const pkg = JSON.parse(await readFile(new URL('./package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies).filter((d) => !d.startsWith('@lmo/')).flatMap((d) => [d, `${d}/*`]);

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

const t0 = performance.now();
await build({
  entryPoints: [new URL('./src/server.ts', import.meta.url).pathname],
  outfile: process.argv[2] ?? new URL('./dist/server.mjs', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external,
  plugins: [keepImportMetaUrl],
  logLevel: 'warning',
});
console.log(`api: ${process.argv[2] ?? 'dist/server.mjs'} built in ${Math.round(performance.now() - t0)} ms`);
