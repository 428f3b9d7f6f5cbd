/**
 * Scratch: calibrate the spread knobs of EMPIRICAL (read at forecast time) on
 * the four benchmark sets. Fits every series once, then scores a grid.
 */
import { DATASETS, loadDataset } from './datasets';
import { fitAuto } from '../src/forecast/auto';
import { EMPIRICAL } from '../src/forecast/empirical';
for (const k of Object.keys(EMPIRICAL)) if (process.env['E_' + k]) (EMPIRICAL as any)[k] = Number(process.env['E_' + k]);

const sets = DATASETS.map((info) => {
  const data = loadDataset(info);
  return { name: info.name, items: data.map((s) => ({ s, fit: fitAuto(s.train) })) };
});

function evaluate() {
  return sets.map(({ name, items }) => {
    let c80 = 0, c95 = 0, n = 0;
    const h80: number[] = [], h95: number[] = [], hn: number[] = [];
    for (const { s, fit } of items) {
      const f = fit.forecast(s.horizon);
      s.test.forEach((a, i) => {
        const a80 = +(a >= f.intervals[0].lower[i] && a <= f.intervals[0].upper[i]);
        const a95 = +(a >= f.intervals[1].lower[i] && a <= f.intervals[1].upper[i]);
        c80 += a80; c95 += a95; n++;
        h80[i] = (h80[i] ?? 0) + a80; h95[i] = (h95[i] ?? 0) + a95; hn[i] = (hn[i] ?? 0) + 1;
      });
    }
    return { name, c80: (100 * c80) / n, c95: (100 * c95) / n, h80: h80.map((v, i) => (100 * v) / hn[i]), h95: h95.map((v, i) => (100 * v) / hn[i]) };
  });
}

const grid: Record<string, number[]> = JSON.parse(process.env.GRID ?? '{}');
const keys = Object.keys(grid);
let best: { loss: number; cfg: string; res: ReturnType<typeof evaluate> } | null = null;
const results: { loss: number; cfg: string; res: ReturnType<typeof evaluate> }[] = [];
function rec(i: number) {
  if (i === keys.length) {
    const res = evaluate();
    const perH = Number(process.env.PERH_WEIGHT ?? 0);
    const loss = res.reduce((s, r) => s + ((r.c80 - 80) / 4) ** 2 + ((r.c95 - 94.5) / 2.5) ** 2 +
      (perH / r.h80.length) * r.h80.reduce((q, v, i) => q + ((v - 80) / 4) ** 2 + ((r.h95[i] - 94.5) / 2.5) ** 2, 0), 0);
    const cfg = keys.map((k) => `${k}=${(EMPIRICAL as any)[k]}`).join(' ');
    results.push({ loss, cfg, res });
    return;
  }
  for (const v of grid[keys[i]]) {
    (EMPIRICAL as any)[keys[i]] = v;
    rec(i + 1);
  }
}
rec(0);
results.sort((a, b) => a.loss - b.loss);
for (const r of results.slice(0, 8)) {
  console.log(r.loss.toFixed(2), r.cfg);
  console.log('   ', r.res.map((x) => `${x.name} ${x.c80.toFixed(1)}/${x.c95.toFixed(1)}`).join('  '));
}
