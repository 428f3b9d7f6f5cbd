/**
 * Scratch research for `auto`: forecasts of every candidate on every series,
 * then single methods, fixed combinations and CV-selected combinations.
 * Usage: tsx bench/tune-combos.ts [dataset-substring]
 */
import { DATASETS, loadDataset, requireBenchmarks } from './datasets';
import { naiveScale } from '../src/forecast/accuracy';
import { adjustmentIndices, SEASONALITY_TEST } from '../src/forecast/decompose';
if (process.env.SEASZ) SEASONALITY_TEST.z = Number(process.env.SEASZ);
import * as C from '../src/forecast/auto-candidates';
import { SMOOTH_TREND_GRID } from '../src/forecast/methods/smoothing';

requireBenchmarks();
const only = process.argv[2];
let M = 1;
const factories: Record<string, (y: number[]) => C.Candidate> = {
  snaive: (y) => C.snaiveCandidate(y, M),
  naive: (y) => C.naiveCandidate(y),
  ses: (y) => C.smoothingCandidate(y, 'none', 'ses'),
  holt: (y) => C.smoothingCandidate(y, 'linear', 'holt'),
  sholt: (y) => C.smoothingCandidate(y, 'linear', 'sholt', SMOOTH_TREND_GRID),
  sdamped: (y) => C.smoothingCandidate(y, 'damped', 'sdamped', SMOOTH_TREND_GRID),
  lsholt: (y) =>
    y.every((v) => v > 0)
      ? C.logCandidate(y, (v) => C.smoothingCandidate(v, 'linear', 'x', SMOOTH_TREND_GRID), 'lsholt')
      : C.smoothingCandidate(y, 'linear', 'x', SMOOTH_TREND_GRID),
  damped: (y) => C.smoothingCandidate(y, 'damped', 'damped'),
  theta: (y) => C.thetaCandidate(y),
  drift: (y) => C.driftCandidate(y),
  rtrend: (y) => C.robustTrendCandidate(y),
  lrtrend: (y) => (y.every((v) => v > 0) ? C.logCandidate(y, C.robustTrendCandidate, 'lrtrend') : C.robustTrendCandidate(y)),
  ldrift: (y) => (y.every((v) => v > 0) ? C.logCandidate(y, C.driftCandidate, 'ldrift') : C.driftCandidate(y)),
  ltheta: (y) => (y.every((v) => v > 0) ? C.logCandidate(y, C.thetaCandidate, 'ltheta') : C.thetaCandidate(y)),
  ldamped: (y) =>
    y.every((v) => v > 0) ? C.logCandidate(y, (v) => C.smoothingCandidate(v, 'damped', 'd'), 'ldamped') : C.smoothingCandidate(y, 'damped', 'd'),
  lholt: (y) => (y.every((v) => v > 0) ? C.logCandidate(y, (v) => C.smoothingCandidate(v, 'linear', 'd'), 'lholt') : C.smoothingCandidate(y, 'linear', 'd')),
};
const names = Object.keys(factories);

const joint: Record<string, Map<string, number>> = {};
const per: string[] = [];
const SHOW = (process.env.SHOW ?? '').split(';');
for (const info of DATASETS) {
  if (only && !info.name.includes(only)) continue;
  const data = loadDataset(info);
  // per series: forecasts per candidate (original scale), CV abs scaled errors per candidate
  const rows = data.map((s) => {
    const y = s.train.values,
      m = s.train.frequency,
      n = y.length,
      H = s.horizon;
    M = m;
    const idx = adjustmentIndices(y, m, Number(process.env.WINDOW ?? Infinity));
    const adj = idx ? y.map((v, t) => v / idx[t % m]) : y;
    const season = (t: number) => (idx ? idx[t % m] : 1);
    const sc = naiveScale(info.scaleOver === 'train' ? y : [...y, ...s.test], m);
    const fc: Record<string, number[]> = {};
    const cv: Record<string, number> = {};
    for (const k of names) {
      const c = factories[k](adj);
      fc[k] = c.mean(H).map((v, i) => Math.max(0, v * season(n + i)));
      let e = 0,
        cnt = 0;
      const CVH = Number(process.env.CVH ?? H);
      const first = Math.max(Number(process.env.CVMIN ?? 2), n - CVH - Number(process.env.CVK ?? 6));
      for (let o = first; o < n; o++) {
        const f = c.fromOrigin(o, Math.min(CVH, n - o));
        f.forEach((v, i) => {
          e += process.env.CVABS ? Math.abs(adj[o + i] - v) : Math.abs(adj[o + i] - v) / Math.abs(adj[o + i] + v);
          cnt++;
        });
      }
      cv[k] = e / cnt;
    }
    return { s, sc, fc, cv };
  });
  const score = (pick: (r: (typeof rows)[0]) => number[]) => {
    let sm = 0,
      ma = 0;
    for (const r of rows) {
      const f = pick(r);
      let a = 0,
        b = 0;
      r.s.test.forEach((y, i) => {
        a += (200 * Math.abs(y - f[i])) / (Math.abs(y) + Math.abs(f[i]));
        b += Math.abs(y - f[i]) / r.sc;
      });
      sm += a / r.s.horizon;
      ma += b / r.s.horizon;
    }
    return `sMAPE ${(sm / rows.length).toFixed(3).padStart(7)} MASE ${(ma / rows.length).toFixed(3)}`;
  };
  const mean = (fs: number[][]) => fs[0].map((_, i) => fs.reduce((s, f) => s + f[i], 0) / fs.length);
  const median = (fs: number[][]) =>
    fs[0].map((_, i) => {
      const v = fs.map((f) => f[i]).sort((a, b) => a - b);
      const k = v.length;
      return k % 2 ? v[(k - 1) / 2] : (v[k / 2 - 1] + v[k / 2]) / 2;
    });
  const key = (t: string) => Number(/MASE ([\d.]+)/.exec(t)![1]) / 2.5 + Number(/sMAPE +([\d.]+)/.exec(t)![1]) / 16;
  console.log(`== ${info.name}`);
  if (process.env.ONLY_Q && data[0].train.frequency === 1) continue;
  for (const k of names) console.log(`  ${k.padEnd(24)} ${score((r) => r.fc[k])}`);
  const combos: string[][] = [];
  for (let i = 0; i < names.length; i++)
    for (let j = i + 1; j < names.length; j++) {
      combos.push([names[i], names[j]]);
      for (let k = j + 1; k < names.length; k++) {
        combos.push([names[i], names[j], names[k]]);
        for (let l = k + 1; l < names.length; l++) {
          combos.push([names[i], names[j], names[k], names[l]]);
          for (let q = l + 1; q < names.length; q++) combos.push([names[i], names[j], names[k], names[l], names[q]]);
        }
      }
    }
  const fq = String(data[0].train.frequency);
  const J = (joint[fq] ??= new Map());
  const res = combos.map((c) => ({ c, s: score((r) => mean(c.map((k) => r.fc[k]))) }));
  for (const r of res) if (SHOW.includes('mean(' + r.c.join(',') + ')')) per.push(`${info.name} mean(${r.c.join(',')}) ${r.s}`);
  for (const r of res) J.set('mean(' + r.c.join(',') + ')', (J.get('mean(' + r.c.join(',') + ')') ?? 0) + key(r.s));
  res.sort((a, b) => key(a.s) - key(b.s));
  for (const r of res.slice(0, 8)) console.log(`  mean(${r.c.join(',')})`.padEnd(40) + r.s);
  const resm = combos.filter((c) => c.length % 2 === 1).map((c) => ({ c, s: score((r) => median(c.map((k) => r.fc[k]))) }));
  for (const r of resm) if (SHOW.includes('median(' + r.c.join(',') + ')')) per.push(`${info.name} median(${r.c.join(',')}) ${r.s}`);
  for (const r of resm) J.set('median(' + r.c.join(',') + ')', (J.get('median(' + r.c.join(',') + ')') ?? 0) + key(r.s));
  resm.sort((a, b) => key(a.s) - key(b.s));
  for (const r of resm.slice(0, 4)) console.log(`  median(${r.c.join(',')})`.padEnd(40) + r.s);
  const pools = (process.env.POOLS ?? '')
    .split(';')
    .filter(Boolean)
    .map((p) => p.split(','));
  for (const pool of pools)
    for (const trim of (process.env.TRIMS ?? '0,1,2').split(',').map(Number)) {
      if (pool.length - trim < 1) continue;
      console.log(
        `  trim${trim}-median(${pool.join(',')})`.padEnd(44) +
          score((r) =>
            median(
              [...pool]
                .sort((a, b) => r.cv[a] - r.cv[b])
                .slice(0, pool.length - trim)
                .map((k) => r.fc[k]),
            ),
          ),
      );
    }
  const tmean = (fs: number[][]) =>
    fs[0].map((_, i) => {
      const v = fs
        .map((f) => f[i])
        .sort((a, b) => a - b)
        .slice(1, -1);
      return v.reduce((a, b) => a + b, 0) / v.length;
    });
  for (const pool of pools) console.log(`  tmean(${pool.join(',')})`.padEnd(44) + score((r) => tmean(pool.map((k) => r.fc[k]))));
  for (const pool of pools)
    for (const w of (process.env.BLEND ?? '').split(',').filter(Boolean).map(Number)) {
      console.log(
        `  blend${w}-trim2-median(${pool.join(',')})`.padEnd(44) +
          score((r) => {
            const med = median(
              [...pool]
                .sort((a, b) => r.cv[a] - r.cv[b])
                .slice(0, Math.max(1, pool.length - 2))
                .map((k) => r.fc[k]),
            );
            return med.map((v, i) => w * v + (1 - w) * r.fc.naive[i]);
          }),
      );
    }
  for (const top of [1, 2, 3]) {
    console.log(
      `  cv-top${top}`.padEnd(40) +
        score((r) =>
          mean(
            [...names]
              .sort((a, b) => r.cv[a] - r.cv[b])
              .slice(0, top)
              .map((k) => r.fc[k]),
          ),
        ),
    );
  }
}

for (const [fq, J] of Object.entries(joint)) {
  console.log(`== joint frequency ${fq}`);
  for (const [k, v] of [...J.entries()].sort((a, b) => a[1] - b[1]).slice(0, 12)) console.log(`  ${k.padEnd(44)} ${v.toFixed(4)}`);
}

for (const p of per) console.log(p);
