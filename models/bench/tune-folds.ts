/**
 * Scores `auto` (constants as in the source) on the two inner folds of each
 * TUNING half (bit 1 of the split hash, as tune-pools.ts), to check that a
 * change of a constant helps on both folds before it is adopted.
 * Usage: tsx bench/tune-folds.ts m3-yearly,tourism-yearly
 */
import { fitAuto } from '../src/forecast/auto';
import { DATASETS, loadHalf, requireBenchmarks } from './datasets';
import { scoreRun } from './evaluate';
import { seriesHash } from './split';

requireBenchmarks();
const names = (process.argv[2] ?? 'm3-yearly,tourism-yearly').split(',');
const out: string[] = [];
for (const name of names) {
  const info = DATASETS.find((d) => d.name === name)!;
  const data = loadHalf(info, 'tuning');
  for (const fold of [0, 1]) {
    const part = data.filter((s) => ((seriesHash(s.id) >>> 1) & 1) === fold);
    const fc = new Map(part.map((s) => [s.id, fitAuto(s.train).forecast(s.horizon, { levels: [80, 95] })]));
    const r = scoreRun(info, part, fc);
    out.push(`${name}/f${fold} ${r.smape.toFixed(3)} ${r.mase.toFixed(4)}`);
  }
}
console.log(out.join('  '));
