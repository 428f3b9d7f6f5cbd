/**
 * Speed and memory of the long-format validator on a synthetic 1,000,000-row
 * upload (valid rows; every cell distinct), whole-text and streamed:
 *
 *   pnpm --filter @lmo/seeds exec tsx bench-long-format.ts [rows] [text|stream]
 *
 * Prints rows/s, MB/s and the heap after validation. Run one mode per process
 * so the two do not share a heap.
 */
import { parseLongCsv, parseLongStream } from '@lmo/models/data';
import { PROVINCES, SECTION_CODES, QUALIFICATION_LEVELS } from '@lmo/models/codes';

const rows = Number(process.argv[2] ?? 1_000_000);
const mode = process.argv[3] ?? 'text';
const lines = ['indicator,period,region,sector,qualification,value,unit,source,status'];
let n = 0;
outer: for (let y = 1900; y < 2200; y++) {
  for (const ind of ['employment', 'labour_force'])
    for (const p of PROVINCES)
      for (const s of SECTION_CODES)
        for (const q of QUALIFICATION_LEVELS) {
          lines.push(`${ind},${y},${p.code},${s},${q},${(n * 7919) % 100000},persons,"Survey 2024, table ${n % 7}",survey`);
          if (++n >= rows) break outer;
        }
}
const text = `${lines.join('\n')}\n`;
lines.length = 0;
const mb = Buffer.byteLength(text) / 1e6;
const now = new Date('2300-01-01');
const t = performance.now();
let result;
if (mode === 'stream') {
  const bytes = new TextEncoder().encode(text);
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += 1 << 16) yield bytes.subarray(i, i + (1 << 16));
  }
  result = await parseLongStream(chunks(), { now });
} else {
  result = parseLongCsv(text, { now });
}
const s = (performance.now() - t) / 1000;
console.log(
  `${mode}: ${result.rows.length.toLocaleString('en')} rows, ${result.stats.errorCount} errors, ${mb.toFixed(1)} MB in ${s.toFixed(2)} s` +
    ` → ${Math.round(result.rows.length / s).toLocaleString('en')} rows/s, ${(mb / s).toFixed(1)} MB/s; heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB`,
);
