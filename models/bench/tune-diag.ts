/** Scratch: compare rolling-origin (in-sample) log errors of auto with test log errors, per horizon. */
import { DATASETS, loadDataset } from './datasets';
import { fitAuto } from '../src/forecast/auto';
for (const info of DATASETS) {
  const data = loadDataset(info);
  const H = data[0].horizon;
  const cvs: number[][] = Array.from({ length: H }, () => []);
  const te: number[][] = Array.from({ length: H }, () => []);
  let gam = 0;
  for (const s of data) {
    const fit = fitAuto(s.train);
    const f = fit.forecast(H).mean;
    gam += fit.params.gamma;
    const sig = fit.params.sigma;
    for (let i = 0; i < H; i++) {
      const sdh = sig * Math.pow(i + 1, fit.params.gamma / 2);
      if (f[i] > 0 && s.test[i] > 0) te[i].push(Math.abs(Math.log(s.test[i] / f[i])) / sdh);
    }
  }
  const med = (v: number[]) => { const a = [...v].sort((x, y) => x - y); return a[Math.floor(a.length / 2)]; };
  const q = (v: number[], p: number) => { const a = [...v].sort((x, y) => x - y); return a[Math.floor(a.length * p)]; };
  console.log(info.name, 'mean gamma', (gam / data.length).toFixed(2));
  console.log('  median |e|/sd_h per h:', te.map((v) => med(v).toFixed(2)).join(' '), ' (normal: 0.67)');
  console.log('  q80:', te.map((v) => q(v, 0.8).toFixed(2)).join(' '), ' q95:', te.map((v) => q(v, 0.95).toFixed(2)).join(' '));
}
