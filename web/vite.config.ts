import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzipSync, type InputType } from 'node:zlib';
import { defineConfig, runnerImport, type Plugin, type Rollup } from 'vite';
import react from '@vitejs/plugin-react';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

const brotli = promisify(brotliCompress);

/** Files above this size get a fast brotli level: only the upload page's danfojs chunk (~6 MB) is that big. */
const LARGE_ASSET_BYTES = 1 << 20;

/**
 * Brotli at the best level (11) for the app's own chunks, which every visit downloads; at level 5
 * for the danfojs chunk: level 11 takes ~14 s of the build there for 15 % fewer bytes (1.27 MB vs
 * 1.46 MB, still 15 % under its gzip), on a page that only analysts open.
 */
async function brotliBySize(input: InputType): Promise<Buffer> {
  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength;
  const quality = size > LARGE_ASSET_BYTES ? 5 : constants.BROTLI_MAX_QUALITY;
  return brotli(input, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: size } });
}

/** The page a visitor lands on without `?page=` (web/src/app.tsx): its lazy chunks are preloaded. */
const LANDING_PAGE = 'src/features/overview/overview-page.tsx';

/**
 * Adds `<link rel="modulepreload">` for the landing page's lazy chunk and every chunk it imports
 * (recharts among them), so they download beside the entry script instead of after it has run:
 * one round trip less before the first chart (at 150 ms latency, ~0.6 s). Bytes stay the same for
 * the overview; other pages share most of these chunks (every page draws charts).
 */
function preloadLandingPage(): Plugin {
  let base = '/';
  return {
    name: 'lmo-preload-landing-page',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
        const page = chunks.find((c) => c.facadeModuleId?.replaceAll('\\', '/').endsWith(LANDING_PAGE));
        if (!page) throw new Error(`preloadLandingPage: no chunk for ${LANDING_PAGE}`);
        const files = new Set<string>();
        const visit = (chunk: Rollup.OutputChunk) => {
          if (files.has(chunk.fileName)) return;
          files.add(chunk.fileName);
          for (const name of chunk.imports) {
            const dep = bundle[name];
            if (dep?.type === 'chunk') visit(dep);
          }
        };
        visit(page);
        const css = new Set([...files].flatMap((f) => [...((bundle[f] as Rollup.OutputChunk).viteMetadata?.importedCss ?? [])]));
        const tag = (attrs: Record<string, string | boolean>) => ({
          tag: 'link',
          attrs: { ...attrs, crossorigin: true, 'data-landing-page': true },
          injectTo: 'head' as const,
        });
        // Styles as `preload`, not `stylesheet`: they must not block the first paint of other pages;
        // Vite's loader then finds them in the cache when the page's chunk asks for them.
        return [
          ...[...files].filter((f) => !html.includes(f)).map((f) => tag({ rel: 'modulepreload', href: `${base}${f}` })),
          ...[...css].filter((f) => !html.includes(f)).map((f) => tag({ rel: 'preload', as: 'style', href: `${base}${f}` })),
        ];
      },
    },
  };
}

/**
 * Two chunks instead of a chunk per distinct set of importers: `index`, the entry and everything it
 * imports statically (what loads before any page, as before), and `landing-shared`, the modules
 * the landing page shares with other pages (recharts, the chart frame, adapters, hooks; ten chunks
 * before). The server speaks HTTP/1.1, where Chromium opens at most 6 connections per host: the
 * ten small preloaded chunks queued the page's data requests behind them on a first visit. Both
 * groups are needed: a group takes its modules' dependencies along, so without `index` the
 * landing group would pull React into a chunk the entry then imports.
 */
function landingSharedChunk(): { plugin: Plugin; initial: (id: string) => boolean; test: (id: string) => boolean } {
  const wanted = new Set<string>();
  const initialModules = new Set<string>();
  const plugin: Plugin = {
    name: 'lmo-landing-shared-chunk',
    apply: 'build',
    buildEnd() {
      const ids = [...this.getModuleIds()];
      const closure = (start: string[]) => {
        const seen = new Set<string>();
        const stack = [...start];
        while (stack.length) {
          const id = stack.pop()!;
          if (seen.has(id)) continue;
          seen.add(id);
          stack.push(...(this.getModuleInfo(id)?.importedIds ?? []));
        }
        return seen;
      };
      const page = ids.find((id) => id.replaceAll('\\', '/').endsWith(LANDING_PAGE));
      if (!page) return;
      const entries = ids.filter((id) => this.getModuleInfo(id)?.isEntry);
      const initial = closure(entries);
      for (const id of initial) if (!entries.includes(id)) initialModules.add(id);
      for (const id of closure([page])) if (id !== page && !initial.has(id)) wanted.add(id);
    },
  };
  return { plugin, initial: (id) => initialModules.has(id), test: (id) => wanted.has(id) };
}

const landingShared = landingSharedChunk();

/**
 * Writes `landing-requests.json` into the build: the first chart's API requests on the landing
 * view, recorded from the app's own queries (src/landing-preload.ts). The server sends them as a
 * `Link: rel=preload` header with the landing view's HTML, so the data loads beside the scripts.
 */
function landingRequests(): Plugin {
  return {
    name: 'lmo-landing-requests',
    apply: 'build',
    async generateBundle() {
      // Through Vite's module runner (TypeScript, the app's imports), not bundled into this config.
      const entry = fileURLToPath(new URL('./src/landing-preload.ts', import.meta.url));
      const { module } = await runnerImport<typeof import('./src/landing-preload')>(entry, { configFile: false, logLevel: 'warn' });
      this.emitFile({ type: 'asset', fileName: 'landing-requests.json', source: `${JSON.stringify(await module.landingPreload(), null, 1)}\n` });
    },
  };
}

/** Where a name exported by an `@lmo/models/<part>` entry is defined: the file and its name there. */
type ExportSite = { file: string; name: string };

/** Every name a models source file exports, with where it is defined (`export *` and `export … from` followed). */
function modelsExports(file: string, seen = new Set<string>()): Map<string, ExportSite> {
  const out = new Map<string, ExportSite>();
  if (seen.has(file)) return out;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  const fileOf = (spec: string) => {
    const p = resolve(dirname(file), spec);
    return existsSync(`${p}.ts`) ? `${p}.ts` : join(p, 'index.ts');
  };
  const own = /^export (?:declare )?(?:async )?(?:function\*?|const|let|var|class|abstract class|enum|interface|type) +([A-Za-z_$][\w$]*)/gm;
  for (const [, name] of code.matchAll(own)) out.set(name, { file, name });
  for (const [, list, spec] of code.matchAll(/^export (?:type )?\{([^}]*)\}(?: from '([^']+)')?;/gm)) {
    for (const item of list
      .split(',')
      .map((x) => x.trim().replace(/^type\s+/, ''))
      .filter(Boolean)) {
      const [name, as = name] = item.split(/\s+as\s+/);
      out.set(as, spec ? (modelsExports(fileOf(spec), seen).get(name) ?? { file: fileOf(spec), name }) : { file, name: as });
    }
  }
  // Explicit exports win over star re-exports, as in ES modules.
  for (const [, spec] of code.matchAll(/^export \* from '([^']+)';/gm)) {
    for (const [name, site] of modelsExports(fileOf(spec), new Set(seen))) if (!out.has(name)) out.set(name, site);
  }
  return out;
}

/**
 * Build only: `import { a, b } from '@lmo/models/<part>'` in web sources becomes imports of the files
 * that define a and b. Why: the entries are `export *` files, and chunking follows import edges
 * before tree-shaking drops unused code, so one function imported through an entry by the landing
 * page pulled every models module any page uses (scenario specs, code lists, target decisions:
 * +17 kB) into the preloaded landing chunk, and the upload page's wide-file reader out of its lazy
 * chunk. A name the scan does not find keeps the entry import (correct, only less split).
 */
function modelsDirectImports(): Plugin {
  const src = fileURLToPath(new URL('../models/src/', import.meta.url));
  const tables = new Map<string, Map<string, ExportSite>>();
  const table = (part: string) => {
    if (!tables.has(part)) tables.set(part, modelsExports(join(src, part, 'index.ts')));
    return tables.get(part)!;
  };
  return {
    name: 'lmo-models-direct-imports',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]web[\\/]src[\\/].*\.tsx?$/.test(id) || !code.includes('@lmo/models/')) return null;
      const re = /import\s*\{([^}]*)\}\s*from\s*'@lmo\/models\/(forecast|labour|data|codes)';/g;
      return code.replace(re, (all, list: string, part: string) => {
        const sites = table(part);
        const byFile = new Map<string, string[]>();
        const rest: string[] = [];
        for (const item of list
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean)) {
          if (item.startsWith('type ')) continue;
          const [name, local = name] = item.split(/\s+as\s+/);
          const site = sites.get(name);
          if (!site) rest.push(item);
          else byFile.set(site.file, [...(byFile.get(site.file) ?? []), site.name === local ? local : `${site.name} as ${local}`]);
        }
        const imports = [...byFile].map(([file, names]) => `import { ${names.join(', ')} } from ${JSON.stringify(file.replaceAll('\\', '/'))};`);
        if (rest.length) imports.push(`import { ${rest.join(', ')} } from '@lmo/models/${part}';`);
        // Same number of lines, so positions after the import stay where they were.
        return imports.join(' ') + '\n'.repeat(all.split('\n').length - 1);
      });
    },
  };
}

/** The gzip copies' settings: the build's and the re-made copies of hinted entries must match. */
const GZIP = { level: 9 };

/**
 * V8's explicit compile hint (`//# allFunctionsCalledOnLoad`, Chrome 136+) on the chunks the landing
 * page runs at once (the entry, the landing page's chunks): their functions are compiled while the
 * file streams in, on a background thread, instead of lazily on the main thread the first time each
 * runs (~45 ms of the first chart's render on a first visit). Browsers without it ignore a comment.
 */
function compileHints(): Plugin {
  const HINT = '//# allFunctionsCalledOnLoad\n';
  return {
    name: 'lmo-compile-hints',
    apply: 'build',
    // The landing page's chunks: after minification (which drops comments), before the compressed copies are made.
    generateBundle: {
      order: 'pre',
      handler(_, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || chunk.isEntry || chunk.name === 'index') continue;
          const landing = chunk.facadeModuleId?.replaceAll('\\', '/').endsWith(LANDING_PAGE);
          if (landing || chunk.name === 'landing-shared') chunk.code = `${HINT}${chunk.code}`;
        }
      },
    },
    // The entry: Vite puts its preload map in front of the code after the hooks above, and the hint
    // must be the file's first line; so it is added to the written file, and its copies made again.
    async writeBundle(options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !(chunk.isEntry || chunk.name === 'index') || !options.dir) continue;
        const file = join(options.dir, chunk.fileName);
        const code = readFileSync(file, 'utf8');
        if (code.startsWith(HINT)) continue;
        const hinted = `${HINT}${code}`;
        writeFileSync(file, hinted);
        if (existsSync(`${file}.br`)) writeFileSync(`${file}.br`, await brotliBySize(hinted));
        if (existsSync(`${file}.gz`)) writeFileSync(`${file}.gz`, gzipSync(hinted, GZIP));
      }
    },
  };
}

/** Vite config: the dev server proxies /api to the local API so the app always talks to one origin. */
export default defineConfig({
  plugins: [
    modelsDirectImports(),
    react(),
    preloadLandingPage(),
    landingShared.plugin,
    landingRequests(),
    compileHints(),
    // Brotli and gzip copies made at build time: the server sends them by content negotiation
    // (api/src/http/static-web.ts), so no request pays for compression.
    compression({
      algorithms: [defineAlgorithm(brotliBySize, {}), defineAlgorithm('gzip', GZIP)],
      filename: (id, { algorithm }) => `${id}.${algorithm === brotliBySize ? 'br' : 'gz'}`,
      threshold: 1024,
    }),
  ],
  server: {
    // LMO_API_URL points the proxy at another API (default: the one `pnpm start` runs).
    proxy: { '/api': { target: process.env.LMO_API_URL ?? 'http://127.0.0.1:8787', changeOrigin: true } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // danfojs (~6 MB) sits alone in the upload chunk on purpose; the initial-bundle budget is
    // checked by `pnpm bench:web` on gzip sizes, not by this raw-size warning.
    chunkSizeWarningLimit: 6500,
    // The brotli pass (~2 s, timed under Vite's import-analysis hook that the compression plugin
    // wraps) would otherwise print a "slow plugin" report on every build.
    rolldownOptions: {
      checks: { bundlerTimings: false },
      // The entry's static imports stay together (what loads before any page), the landing page's shared modules apart.
      output: {
        codeSplitting: {
          groups: [
            { name: 'index', test: landingShared.initial, priority: 2 },
            { name: 'landing-shared', test: landingShared.test, priority: 1 },
          ],
        },
      },
    },
  },
});
