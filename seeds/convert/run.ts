/**
 * Write the converted seed CSVs into seeds/data (deterministic: same
 * reference files, same bytes). Run: pnpm --filter @lmo/seeds convert
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED_DIR } from '../src/index';
import { convertAll } from './build';
import { REFERENCE_DIR } from './reference';

const t = performance.now();
const { files, dropped } = convertAll(REFERENCE_DIR);
for (const f of files) {
  writeFileSync(join(SEED_DIR, f.name), f.text);
  console.log(`${f.name.padEnd(40)} ${String(f.rows).padStart(7)} rows ${(Buffer.byteLength(f.text) / 1e6).toFixed(3).padStart(7)} MB`);
}
for (const [name, cells] of Object.entries(dropped)) {
  console.log(`${name}: ${cells.length} cell(s) left to a higher-priority file, e.g. ${cells.slice(0, 3).join(', ')}`);
}
console.log(`done in ${Math.round(performance.now() - t)} ms (reference data: ${REFERENCE_DIR})`);
