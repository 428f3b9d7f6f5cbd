/**
 * Scratch research: per-series forecasts and rolling-origin errors of many
 * candidate variants, cached to /tmp/h1b/<dataset>.json for tune-research-combos.
 * Usage: tsx bench/tune-research.ts [dataset-substring]
 */
import { writeFileSync } from 'node:fs';
import { DATASETS, loadDataset, requireBenchmarks } from './datasets';
import { naiveScale } from '../src/forecast/accuracy';
import { adjustmentIndices } from '../src/forecast/decompose';
import * as C from '../src/forecast/auto-candidates';
import { SMOOTH_TREND_GRID, fitSmoothing } from '../src/forecast/methods/smoothing';

requireBenchmarks();
const only = process.argv[2];
const pos = (y: number[]) => y.every((v) => v > 0);
const L = (y: number[], f: (v: number[]) => C.Candidate, name: string) => (pos(y) ? C.logCandidate(y, f, name) : f(y));

/** level + k * slope with horizon damping: slope = drift slope of prefix */
function dampDrift(y: number[], phi: number, name: string): C.Candidate {
  const at = (o: number, h: number) => {
    const slope = o > 1 ? (y[o - 1] - y[0]) / (o - 1) : 0;
    const out = new Array<number>(h);
    let d = 0,
      pw = 1;
    for (let i = 0; i < h; i++) {
      pw *= phi;
      d += pw;
      out[i] = y[o - 1] + slope * d;
    }
    return out;
  };
  return { method: name, mean: (h) => at(y.length, h), fromOrigin: at };
}
function thetaK(y: number[], theta: number, name: string): C.Candidate {
  const n = y.length;
  const sy = new Float64Array(n + 1),
    sty = new Float64Array(n + 1);
  for (let t = 0; t < n; t++) {
    sy[t + 1] = sy[t] + y[t];
    sty[t + 1] = sty[t] + t * y[t];
  }
  const line = (o: number) => {
    const st = (o * (o - 1)) / 2,
      stt = ((o - 1) * o * (2 * o - 1)) / 6,
      den = o * stt - st * st;
    const slope = den > 0 ? (o * sty[o] - st * sy[o]) / den : 0;
    return { slope, intercept: (sy[o] - slope * st) / o };
  };
  const full = line(n);
  const alpha = fitSmoothing(
    y.map((v, t) => theta * v - (theta - 1) * (full.intercept + full.slope * t)),
    'none',
  ).alpha;
  const q = 1 - alpha;
  const at = (o: number, h: number) => {
    const { slope, intercept } = line(o);
    let l = 0,
      g = 1,
      sge = 0,
      sgg = 0;
    for (let t = 0; t < o; t++) {
      const x = theta * y[t] - (theta - 1) * (intercept + slope * t);
      const e = x - l;
      sge += g * e;
      sgg += g * g;
      l += alpha * e;
      g *= q;
    }
    const level = l + (sgg > 0 ? sge / sgg : 0) * g;
    const out = new Array<number>(h);
    for (let i = 0; i < h; i++) out[i] = (1 - 1 / theta) * (intercept + slope * (o + i)) + (1 / theta) * level;
    return out;
  };
  return { method: name, mean: (h) => at(n, h), fromOrigin: at };
}

function sdrift(y: number[], m: number, k: number, recent: number, name: string): C.Candidate {
  const at = (o: number, h: number) => {
    const out = new Array<number>(h);
    if (o < 2 * m) {
      for (let i = 0; i < h; i++) out[i] = o - m + (i % m) >= 0 ? y[o - m + (i % m)] : y[o - 1];
      return out;
    }
    const from = Math.max(0, o - m * recent - m);
    let a = 0,
      b = 0;
    for (let j = 0; j < m; j++) {
      a += y[o - m + j];
      b += y[from + j];
    }
    const d = (a - b) / m / (o - m - from);
    for (let i = 0; i < h; i++) out[i] = y[o - m + (i % m)] + k * d * m * (Math.floor(i / m) + 1);
    return out;
  };
  return { method: name, mean: (h) => at(y.length, h), fromOrigin: at };
}
function solve(G: number[][], r: number[]): number[] {
  const p = r.length;
  const A = G.map((row, i) => [...row, r[i]]);
  let tr = 0;
  for (let i = 0; i < p; i++) tr += A[i][i];
  for (let i = 0; i < p; i++) A[i][i] += (1e-9 * tr) / p + 1e-300;
  for (let c = 0; c < p; c++) {
    let piv = c;
    for (let i = c + 1; i < p; i++) if (Math.abs(A[i][c]) > Math.abs(A[piv][c])) piv = i;
    [A[c], A[piv]] = [A[piv], A[c]];
    for (let i = c + 1; i < p; i++) {
      const f = A[i][c] / A[c][c];
      for (let j = c; j <= p; j++) A[i][j] -= f * A[c][j];
    }
  }
  const x = new Array(p).fill(0);
  for (let i = p - 1; i >= 0; i--) {
    let v = A[i][p];
    for (let j = i + 1; j < p; j++) v -= A[i][j] * x[j];
    x[i] = v / A[i][i];
  }
  return x;
}
/** Additive Holt-Winters (error-correction form), initial states by least squares. */
function hwRaw(y: number[], m: number, phi: number, name: string): C.Candidate {
  const n = y.length,
    p = m + 2;
  const run = (a: number, b: number, g: number, init: number[] | null) => {
    // filters: 0 = data from zero, 1..p = unit responses
    const F = init ? 1 : p + 1;
    const L = new Float64Array(F),
      B = new Float64Array(F),
      S = Array.from({ length: F }, () => new Float64Array(m));
    if (init) {
      L[0] = init[0];
      B[0] = init[1];
      for (let j = 0; j < m; j++) S[0][j] = init[2 + j];
    } else {
      L[1] = 1;
      B[2] = 1;
      for (let j = 0; j < m; j++) S[3 + j][j] = 1;
    }
    const G = Array.from({ length: p }, () => new Array(p).fill(0));
    const r = new Array(p).fill(0);
    let see = 0;
    const fs = new Float64Array(F);
    const states: { l: number; b: number; s: Float64Array }[] = [];
    for (let t = 0; t < n; t++) {
      const j = t % m;
      if (init) states.push({ l: L[0], b: B[0], s: S[0].slice() });
      for (let k = 0; k < F; k++) fs[k] = L[k] + phi * B[k] + S[k][j];
      const e0 = y[t] - fs[0];
      if (!init) {
        for (let u = 0; u < p; u++) {
          r[u] += fs[u + 1] * e0;
          for (let v = 0; v < p; v++) G[u][v] += fs[u + 1] * fs[v + 1];
        }
      }
      see += e0 * e0;
      for (let k = 0; k < F; k++) {
        const e = k === 0 ? e0 : -fs[k];
        L[k] = L[k] + phi * B[k] + a * e;
        B[k] = phi * B[k] + b * e;
        S[k][j] += g * e;
      }
    }
    if (init) states.push({ l: L[0], b: B[0], s: S[0].slice() });
    return { G, r, see, states };
  };
  let best = { sse: Infinity, a: 0.3, b: 0.01, g: 0.1, init: [] as number[] };
  for (const a of [0.05, 0.2, 0.4, 0.6, 0.8, 0.95])
    for (const bs of [0.01, 0.1])
      for (const g of [0.01, 0.1, 0.3]) {
        const b = a * bs;
        if (g > 1 - a) continue;
        const { G, r, see } = run(a, b, g, null);
        const x = solve(G, r);
        let sse = see;
        for (let u = 0; u < p; u++) {
          sse -= 2 * x[u] * r[u];
          for (let v = 0; v < p; v++) sse += x[u] * x[v] * G[u][v];
        }
        if (sse < best.sse) best = { sse, a, b, g, init: x };
      }
  const { states } = run(best.a, best.b, best.g, best.init);
  const at = (o: number, h: number) => {
    const st = states[o];
    const out = new Array<number>(h);
    let d = 0,
      pw = 1;
    for (let i = 0; i < h; i++) {
      pw *= phi;
      d += pw;
      out[i] = st.l + d * st.b + st.s[(o + i) % m];
    }
    return out;
  };
  return { method: name, mean: (h) => at(n, h), fromOrigin: at };
}
const factories: Record<string, (y: number[], m: number) => C.Candidate> = {
  hw: (y, m) => hwRaw(y, m, 1, 'hw'),
  hwd: (y, m) => hwRaw(y, m, 0.9, 'hwd'),
  lhw: (y, m) => L(y, (v) => hwRaw(v, m, 1, 'x'), 'lhw'),
  lhwd: (y, m) => L(y, (v) => hwRaw(v, m, 0.9, 'x'), 'lhwd'),
  sdrift: (y, m) => sdrift(y, m, 1, 1000, 'sdrift'),
  sdrift5: (y, m) => sdrift(y, m, 0.5, 1000, 'sdrift5'),
  sdriftr: (y, m) => sdrift(y, m, 1, 3, 'sdriftr'),
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

for (const info of DATASETS) {
  if (only && !info.name.includes(only)) continue;
  const data = loadDataset(info);
  const rows = data.map((s) => {
    const y = s.train.values,
      m = s.train.frequency,
      n = y.length,
      H = s.horizon;
    const out: any = { test: s.test, sc: naiveScale(info.scaleOver === 'train' ? y : [...y, ...s.test], m), fc: {}, cv: {}, cv1: {}, n, seasonal: 0 };
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
        let e = 0,
          cnt = 0,
          e1 = 0,
          c1 = 0;
        for (let o = Math.max(2, n - maxH - 6); o < n; o++) {
          const f = c.fromOrigin(o, Math.min(maxH, n - o));
          f.forEach((v, i) => {
            const d = Math.abs(adj[o + i]) + Math.abs(v);
            let r = d > 0 ? Math.abs(adj[o + i] - v) / d : 0;
            if (!Number.isFinite(r)) r = 1;
            e += r;
            cnt++;
            if (i === 0) {
              e1 += r;
              c1++;
            }
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
