/**
 * Regenerate the committed seed CSVs in seeds/data (deterministic: same code,
 * same bytes). Run: pnpm --filter @lmo/seeds generate
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSeedFiles } from './src/build';
import { SEED_DIR } from './src/index';

const t = performance.now();
const files = buildSeedFiles();
mkdirSync(SEED_DIR, { recursive: true });
for (const f of readdirSync(SEED_DIR)) if (f.endsWith('.csv')) rmSync(join(SEED_DIR, f));
let bytes = 0;
let rows = 0;
for (const f of files) {
  writeFileSync(join(SEED_DIR, f.name), f.text);
  const b = Buffer.byteLength(f.text);
  bytes += b;
  rows += f.rows;
  console.log(`${f.name.padEnd(36)} ${String(f.rows).padStart(7)} rows ${(b / 1e6).toFixed(2).padStart(6)} MB`);
}
console.log(`${'total'.padEnd(36)} ${String(rows).padStart(7)} rows ${(bytes / 1e6).toFixed(2).padStart(6)} MB  (${Math.round(performance.now() - t)} ms)`);
