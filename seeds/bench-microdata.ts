/**
 * Timing of the microdata path: papaparse streaming parse + validation +
 * weighted aggregation with standard errors (no database).
 *
 *   pnpm gen:microdata 1000000 /tmp/lfs-1m.csv
 *   pnpm --filter @lmo/seeds exec tsx bench-microdata.ts /tmp/lfs-1m.csv
 *
 * Prints rows/s, MB/s, CPU seconds and peak RSS (sampled every 50 ms).
 */
import { createReadStream, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { aggregateMicrodataCsv } from '@lmo/models';

const file = process.argv[2];
if (!file) {
  console.error('usage: tsx bench-microdata.ts <microdata.csv>');
  process.exit(2);
}
const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
const bytes = statSync(path).size;

let peakRss = process.memoryUsage().rss;
const timer = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

const t0 = performance.now();
const cpu0 = process.cpuUsage();
const result = await aggregateMicrodataCsv(createReadStream(path, { highWaterMark: 1 << 20 }), {
  period: '2025',
  source: `Synthetic LFS-like microdata (${file}), LMO microdata aggregator`,
});
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
clearInterval(timer);
peakRss = Math.max(peakRss, process.memoryUsage().rss);

const { stats } = result;
const national = (indicator: string) =>
  result.observations.find((o) => o.indicator === indicator && o.region === 'VN' && o.sector === 'TOTAL' && o.qualification === 'ALL')?.value;
const cautions = result.quality.filter((q) => q.caution).length;
console.log(`file            ${(bytes / 1e6).toFixed(1)} MB, ${stats.rows.toLocaleString('en')} rows (${(bytes / stats.rows).toFixed(0)} bytes/row)`);
console.log(
  `time            ${seconds.toFixed(2)} s  →  ${Math.round(stats.rows / seconds).toLocaleString('en')} rows/s, ${(bytes / 1e6 / seconds).toFixed(1)} MB/s`,
);
console.log(`CPU time        ${cpuSeconds.toFixed(2)} s (user+system; wall time suffers when other processes share the cores)`);
console.log(`peak RSS        ${(peakRss / 2 ** 20).toFixed(0)} MiB`);
console.log(
  `errors          ${result.errorCount}${result.errors[0] ? ` (first: line ${result.errors[0].line} ${result.errors[0].column}: ${result.errors[0].message})` : ''}`,
);
console.log(`cells           ${result.observations.length.toLocaleString('en')} observations, ${cautions.toLocaleString('en')} flagged "use with caution"`);
console.log(
  `strata / PSUs   ${stats.strata} strata, ${stats.singletonStrata} singleton; former-province rows ${stats.formerProvinceRows.toLocaleString('en')}`,
);
console.log(
  `VN totals       employment ${national('employment')?.toLocaleString('en')}, unemployed ${national('unemployed')?.toLocaleString('en')}, labour force ${national('labour_force')?.toLocaleString('en')}`,
);
