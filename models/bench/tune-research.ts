/**
 * Scratch research: per-series forecasts and rolling-origin errors of many
 * candidate variants, cached to /tmp/h1b/<dataset>.json for tune-research-combos.
 * Usage: tsx bench/tune-research.ts [dataset-substring]
 */
import { writeFileSync } from 'node:fs';
import { DATASETS, loadDataset, requireBenchmarks } from './datasets';
import { adjustmentIndices } from '../src/forecast/decompose';
import * as C from '../src/forecast/auto-candidates';
import { SMOOTH_TREND_GRID, fitSmoothing } from '../src/forecast/methods/smoothing';

requireBenchmarks();
const only = process.argv[2];
const pos = (y: number[]) => y.every((v) => v > 0);
const L = (y: number[], f: (v: number[]) => C.Candidate, name: string) => (pos(y) ? C.logCandidate(y, f, name) : f(y));

/** Damped trend with fixed phi on the wide grid */
function fixedPhi(y: number[], phi: number, name: string): C.Candidate {
  return C.smoothingCandidate(y, 'damped', name, { ...SMOOTH_TREND_GRID, phis: [phi], maxShare: 0.05 } as any);
}
/** level + k * slope with horizon damping: slope = drift slope of prefix */
function dampDrift(y: number[], phi: number, name: string): C.Candidate {
  const at = (o: number, h: number) => {
    const slope = o > 1 ? (y[o - 1] - y[0]) / (o - 1) : 0;
    const out = new Array<number>(h);
    let d = 0, pw = 1;
    for (let i = 0; i < h; i++) { pw *= phi; d += pw; out[i] = y[o - 1] + slope * d; }
    return out;
  };
  return { method: name, mean: (h) => at(y.length, h), fromOrigin: at };
}
function thetaK(y: number[], theta: number, name: string): C.Candidate {
  const n = y.length;
  const sy = new Float64Array(n + 1), sty = new Float64Array(n + 1);
  for (let t = 0; t < n; t++) { sy[t + 1] = sy[t] + y[t]; sty[t + 1] = sty[t] + t * y[t]; }
  const line = (o: number) => {
    const st = (o * (o - 1)) / 2, stt = ((o - 1) * o * (2 * o - 1)) / 6, den = o * stt - st * st;
    const slope = den > 0 ? (o * sty[o] - st * sy[o]) / den : 0;
    return { slope, intercept: (sy[o] - slope * st) / o };
  };
  const full = line(n);
  const alpha = fitSmoothing(y.map((v, t) => theta * v - (theta - 1) * (full.intercept + full.slope * t)), 'none').alpha;
  const q = 1 - alpha;
  const at = (o: number, h: number) => {
    const { slope, intercept } = line(o);
    let l = 0, g = 1, sge = 0, sgg = 0;
    for (let t = 0; t < o; t++) {
      const x = theta * y[t] - (theta - 1) * (intercept + slope * t);
      const e = x - l; sge += g * e; sgg += g * g; l += alpha * e; g *= q;
    }
    const level = l + (sgg > 0 ? sge / sgg : 0) * g;
    const out = new Array<number>(h);
    for (let i = 0; i < h; i++) out[i] = (1 - 1 / theta) * (intercept + slope * (o + i)) + (1 / theta) * level;
    return out;
  };
  return { method: name, mean: (h) => at(n, h), fromOrigin: at };
}

const factories: Record<string, (y: number[], m: number) => C.Candidate> = {
  snaive: (y, m) => C.snaiveCandidate(y, m),
  naive: (y) => C.naiveCandidate(y),
  ses: (y) => C.smoothingCandidate(y, 'none', 'ses'),
  holt: (y) => C.smoothingCandidate(y, 'linear', 'holt'),
  sholt: (y) => C.smoothingCandidate(y, 'linear', 'sholt', SMOOTH_TREND_GRID),
  sdamped: (y) => C.smoothingCandidate(y, 'damped', 'sdamped', SMOOTH_TREND_GRID),
  damped: (y) => C.smoothingCandidate(y, 'damped', 'damped'),
  theta: (y) => C.thetaCandidate(y),
  drift: (y) => C.driftCandidate(y),
  rtrend: (y) => C.robustTrendCandidate(y),
  lholt: (y) => L(y, (v) => C.smoothingCandidate(v, 'linear', 'x'), 'lholt'),
  lsholt: (y) => L(y, (v) => C.smoothingCandidate(v, 'linear', 'x', SMOOTH_TREND_GRID), 'lsholt'),
  ldrift: (y) => L(y, C.driftCandidate, 'ldrift'),
  ltheta: (y) => L(y, C.thetaCandidate, 'ltheta'),
  lsdamped: (y) => L(y, (v) => C.smoothingCandidate(v, 'damped', 'x', SMOOTH_TREND_GRID), 'lsdamped'),
  lrtrend: (y) => L(y, C.robustTrendCandidate, 'lrtrend'),
  ddrift9: (y) => dampDrift(y, 0.9, 'ddrift9'),
  ddrift8: (y) => dampDrift(y, 0.8, 'ddrift8'),
  ddrift7: (y) => dampDrift(y, 0.7, 'ddrift7'),
  theta3: (y) => thetaK(y, 3, 'theta3'),
  theta15: (y) => thetaK(y, 1.5, 'theta15'),
};
const names = Object.keys(factories);

function scale(values: number[], m: number) {
  let s = 0, c = 0;
  for (let t = m; t < values.length; t++) { s += Math.abs(values[t] - values[t - m]); c++; }
  return s / c;
}

for (const info of DATASETS) {
  if (only && !info.name.includes(only)) continue;
  const data = loadDataset(info);
  const rows = data.map((s) => {
    const y = s.train.values, m = s.train.frequency, n = y.length, H = s.horizon;
    const out: any = { test: s.test, sc: scale(info.scaleOver === 'train' ? y : [...y, ...s.test], m), fc: {}, cv: {}, cv1: {}, n, seasonal: 0 };
    for (const win of m > 1 ? ['w', 'f', '3'] : ['w']) {
      const idx = adjustmentIndices(y, m, win === 'w' ? Number(process.env.WIN ?? 6) * m : win === '3' ? 3 * m : Infinity, Number(process.env.Z ?? 1.28));
      if (win === 'w') out.seasonal = idx ? 1 : 0;
      const adj = idx ? y.map((v, t) => v / idx[t % m]) : y;
      const season = (t: number) => (idx ? idx[t % m] : 1);
      const maxH = m === 1 ? 6 : 2 * m;
      for (const k of names) {
        const key = win === 'w' ? k : k + '_' + win;
        const c = factories[k](adj, m);
        out.fc[key] = c.mean(H).map((v, i) => Math.max(0, v * season(n + i)));
        let e = 0, cnt = 0, e1 = 0, c1 = 0;
        for (let o = Math.max(2, n - maxH - 6); o < n; o++) {
          const f = c.fromOrigin(o, Math.min(maxH, n - o));
          f.forEach((v, i) => {
            const d = Math.abs(adj[o + i]) + Math.abs(v);
            let r = d > 0 ? Math.abs(adj[o + i] - v) / d : 0;
            if (!Number.isFinite(r)) r = 1;
            e += r; cnt++;
            if (i === 0) { e1 += r; c1++; }
          });
        }
        out.cv[key] = cnt ? e / cnt : 0;
        out.cv1[key] = c1 ? e1 / c1 : 0;
      }
    }
    return out;
  });
  writeFileSync(`/tmp/h1b/${info.name}.json`, JSON.stringify(rows));
  console.log(info.name, rows.length);
}
