/**
 * Regenerate the illustrative seed CSVs (seeds/data/illustrative-*.csv) from
 * the committed real seed files (official-*, international-*, modelled-*),
 * deterministically: same code and same anchors, same bytes.
 * Run: pnpm --filter @lmo/seeds generate [-- --anchors=DIR --out=DIR]
 * Only generated files are removed and rewritten; the real seed files are
 * written by the converters in seeds/convert and never touched here.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { anchorFileNames, GENERATED_FILE, LEGACY_GENERATED_FILE, readAnchors } from './src/anchors';
import { buildSeedFiles, buildSeedRows } from './src/build';
import { SEED_DIR } from './src/index';
import { calibrationReport } from './src/report';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const anchorDir = arg('anchors') ?? SEED_DIR;
const outDir = arg('out') ?? SEED_DIR;

const t = performance.now();
const anchors = readAnchors(anchorDir);
console.log(`anchors: ${anchors.size} cells from ${anchorFileNames(anchorDir).join(', ') || '(none)'}`);
const built = buildSeedRows(anchors);
const files = buildSeedFiles(anchors, built);
const { skipped } = built;
mkdirSync(outDir, { recursive: true });
for (const f of readdirSync(outDir)) if (GENERATED_FILE.test(f) || LEGACY_GENERATED_FILE.test(f)) rmSync(join(outDir, f));
let bytes = 0;
let rows = 0;
for (const f of files) {
  writeFileSync(join(outDir, f.name), f.text);
  const b = Buffer.byteLength(f.text);
  bytes += b;
  rows += f.rows;
  console.log(`${f.name.padEnd(40)} ${String(f.rows).padStart(7)} rows ${(b / 1e6).toFixed(2).padStart(6)} MB`);
}
console.log(`${'total'.padEnd(40)} ${String(rows).padStart(7)} rows ${(bytes / 1e6).toFixed(2).padStart(6)} MB  (${Math.round(performance.now() - t)} ms)`);
const byIndicator = new Map<string, number>();
for (const o of skipped) byIndicator.set(`${o.indicator} ${o.region}`, (byIndicator.get(`${o.indicator} ${o.region}`) ?? 0) + 1);
console.log(
  `left out (a real seed file holds the cell): ${skipped.length}${skipped.length ? ` — ${[...byIndicator].map(([k, v]) => `${k} ×${v}`).join(', ')}` : ''}`,
);
for (const line of calibrationReport(built.employment)) console.log(line);
