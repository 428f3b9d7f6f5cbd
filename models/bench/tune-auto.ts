/**
 * Scratch evaluator for the engine author: accuracy, interval coverage and
 * speed of chosen methods on the four benchmark sets.
 * Usage: tsx bench/tune-auto.ts [method,method] [dataset-substring]
 */
import { DATASETS, loadDataset, requireBenchmarks } from './datasets';
import { naiveScale } from '../src/forecast/accuracy';
import { fitMethod } from '../src/forecast/method-table';
import { augursAutoEts, initAugurs } from './augurs';

import { EMPIRICAL } from '../src/forecast/empirical';
import { SMOOTHING_GRID } from '../src/forecast/methods/smoothing';
requireBenchmarks();
if (process.env.GRIDJSON) Object.assign(SMOOTHING_GRID, JSON.parse(process.env.GRIDJSON));
for (const k of Object.keys(EMPIRICAL)) if (process.env['E_' + k]) (EMPIRICAL as any)[k] = Number(process.env['E_' + k]);
const methodsArg = (process.argv[2] ?? 'auto').split(',');
const only = process.argv[3];

for (const info of DATASETS) {
  if (only && !info.name.includes(only)) continue;
  const data = loadDataset(info);
  for (const method of methodsArg) {
    let smape = 0,
      mase = 0,
      c80 = 0,
      c95 = 0,
      pts = 0,
      w95 = 0;
    const h80: number[] = [],
      h95: number[] = [],
      hn: number[] = [];
    const t0 = performance.now();
    for (const s of data) {
      const H = s.horizon;
      const m = s.train.frequency;
      const f = method === 'augurs' ? (initAugurs(), augursAutoEts(s.train.values, H, [80, 95])) : fitMethod(method, s.train).forecast(H, { levels: [80, 95] });
      const sc = naiveScale(info.scaleOver === 'train' ? s.train.values : [...s.train.values, ...s.test], m);
      let sm = 0,
        ma = 0;
      for (let i = 0; i < H; i++) {
        const a = s.test[i],
          p = f.mean[i];
        sm += (200 * Math.abs(a - p)) / (Math.abs(a) + Math.abs(p));
        ma += Math.abs(a - p) / sc;
        const in80 = a >= f.intervals[0].lower[i] && a <= f.intervals[0].upper[i];
        const in95 = a >= f.intervals[1].lower[i] && a <= f.intervals[1].upper[i];
        if (in80) c80++;
        if (in95) c95++;
        h80[i] = (h80[i] ?? 0) + (in80 ? 1 : 0);
        h95[i] = (h95[i] ?? 0) + (in95 ? 1 : 0);
        hn[i] = (hn[i] ?? 0) + 1;
        w95 += (f.intervals[1].upper[i] - f.intervals[1].lower[i]) / sc;
        pts++;
      }
      smape += sm / H;
      mase += ma / H;
    }
    const ms = performance.now() - t0;
    const n = data.length;
    console.log(
      (process.env.PERH
        ? `  per-h 80: ${h80.map((v, i) => ((100 * v) / hn[i]).toFixed(0)).join(' ')} | 95: ${h95.map((v, i) => ((100 * v) / hn[i]).toFixed(0)).join(' ')}\n`
        : '') +
        `${info.name.padEnd(18)} ${method.padEnd(8)} sMAPE ${(smape / n).toFixed(3)}  MASE ${(mase / n).toFixed(3)}  cov80 ${((100 * c80) / pts).toFixed(1)}  cov95 ${((100 * c95) / pts).toFixed(1)}  w95/scale ${(w95 / pts).toFixed(2)}  ${(ms / n).toFixed(3)} ms/series`,
    );
  }
}
