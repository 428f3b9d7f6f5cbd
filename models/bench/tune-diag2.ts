/** Scratch: 80/95 coverage of auto by training length bucket. */
import { DATASETS, loadDataset } from './datasets';
import { fitAuto } from '../src/forecast/auto';
import { EMPIRICAL } from '../src/forecast/empirical';
for (const k of Object.keys(EMPIRICAL)) if (process.env['E_' + k]) (EMPIRICAL as any)[k] = Number(process.env['E_' + k]);
for (const info of DATASETS) {
  const data = loadDataset(info);
  const b = new Map<string, number[]>();
  for (const s of data) {
    const n = s.train.values.length;
    const fit0 = fitAuto(s.train); const key = (process.env.BY === 'seasonal' ? 'S' + fit0.params.seasonal : '') + (n < 20 ? '<20' : n < 30 ? '20-29' : n < 45 ? '30-44' : n < 80 ? '45-79' : '80+');
    const f = fitAuto(s.train).forecast(s.horizon);
    const acc = b.get(key) ?? [0, 0, 0];
    s.test.forEach((a, i) => {
      acc[0] += +(a >= f.intervals[0].lower[i] && a <= f.intervals[0].upper[i]);
      acc[1] += +(a >= f.intervals[1].lower[i] && a <= f.intervals[1].upper[i]);
      acc[2] += 1;
    });
    b.set(key, acc);
  }
  console.log(info.name, [...b.entries()].sort().map(([k, [a, c, n]]) => `${k}: ${((100 * a) / n).toFixed(0)}/${((100 * c) / n).toFixed(0)} (${n})`).join('  '));
}
