/**
 * Issue-14 seventh pass (research, tuning halves only): yearly combination
 * rules for tune-candidates.ts — `keep` by series length, inverse-error
 * weights and trimmed means, MASE-like and recency-weighted ranking errors,
 * and shrinking the combined trend by its t-statistic. Findings are in the
 * header of tune-candidates.ts.
 */
import { median } from 'simple-statistics';
import type { Candidate } from '../src/forecast/auto-candidates';

/** Rolling-origin check of `auto` (auto.ts): origins from n − maxH − 6. */
const CV_ORIGINS = 6;

/** What the yearly rules read of a tuning case. */
export interface YearlyRow {
  /** Training length. */
  n: number;
  /** Last training value. */
  last: number;
  /** Training values (yearly: no adjustment). */
  y: readonly number[];
  fc: Record<string, number[]>;
  cv: Record<string, number>;
  /** Extra ranking errors by kind (YEARLY_CVS), then by candidate. */
  cvx: Record<string, Record<string, number>>;
  /** Per-origin mean symmetric relative errors of each candidate (originLosses). */
  loss: Record<string, number[]>;
}

/** The rolling-origin check's losses origin by origin (mean sAPE over each origin's horizons), for tests of equal accuracy. */
export function originLosses(c: Candidate, y: readonly number[], maxH: number): number[] {
  const n = y.length,
    out: number[] = [];
  for (let o = Math.max(2, n - maxH - CV_ORIGINS); o < n; o++) {
    const f = c.fromOrigin(o, Math.min(maxH, n - o));
    let s = 0;
    for (let i = 0; i < f.length; i++) {
      const r = Math.abs(y[o + i]! - f[i]!) / (Math.abs(y[o + i]!) + Math.abs(f[i]!) || 1);
      s += Number.isFinite(r) ? r : 1;
    }
    out.push(s / f.length);
  }
  return out;
}

/**
 * Rolling-origin error with per-origin scale and weight.
 * kind: 's' symmetric relative error (as cvError); 'm' absolute error over
 * the in-sample naive MAE of the prefix (a MASE per origin, as the benchmark
 * scores). weight: 'flat' (as cvError) or 'lin' (origin j of J gets weight j:
 * the last origins count more, no constant).
 */
function scaledCv(c: Candidate, y: readonly number[], maxH: number, kind: 's' | 'm', weight: 'flat' | 'lin'): number {
  const n = y.length;
  const from = Math.max(2, n - maxH - CV_ORIGINS);
  let sum = 0,
    wsum = 0,
    naive = 0;
  for (let t = 1; t < from; t++) naive += Math.abs(y[t]! - y[t - 1]!);
  for (let o = from; o < n; o++) {
    if (o > from) naive += Math.abs(y[o - 1]! - y[o - 2]!);
    const scale = naive / (o - 1) || 1;
    const w = weight === 'lin' ? o - from + 1 : 1;
    const f = c.fromOrigin(o, Math.min(maxH, n - o));
    for (let i = 0; i < f.length; i++) {
      const a = y[o + i]!,
        e = Math.abs(a - f[i]!);
      const r = kind === 'm' ? e / scale : e / (Math.abs(a) + Math.abs(f[i]!) || 1);
      sum += w * (Number.isFinite(r) ? r : kind === 'm' ? 1e6 : 1);
      wsum += w;
    }
  }
  return wsum ? sum / wsum : 0;
}

/** Extra ranking errors computed for every yearly candidate (keys of YearlyRow.cvx). */
export const YEARLY_CVS: Record<string, (c: Candidate, y: readonly number[], maxH: number) => number> = {
  cvm: (c, y, h) => scaledCv(c, y, h, 'm', 'flat'),
  cvmW: (c, y, h) => scaledCv(c, y, h, 'm', 'lin'),
  cvsW: (c, y, h) => scaledCv(c, y, h, 's', 'lin'),
};

type Rule = { label: string; f: (r: YearlyRow) => number[] };
const errOf = (r: YearlyRow, kind: string) => (kind === 'cv' ? r.cv : r.cvx[kind]!);

/** Pool members present for this case, sorted by the ranking error `kind` (stable: pool order on ties). */
function ranked(r: YearlyRow, pool: readonly string[], kind = 'cv'): string[] {
  const e = errOf(r, kind);
  const have = pool.filter((p) => r.fc[p]);
  return have.length ? [...have].sort((a, b) => e[a]! - e[b]!) : ['naive'];
}
const byStep = (r: YearlyRow, list: readonly string[], agg: (v: number[], names: readonly string[]) => number) =>
  r.fc[list[0]!]!.map((_, i) =>
    agg(
      list.map((p) => r.fc[p]![i]!),
      list,
    ),
  );
const med = (r: YearlyRow, list: readonly string[]) => byStep(r, list, (v) => median(v));
/** Mean after dropping the lowest and highest value (plain mean below 3 values). */
const trimmed = (v: number[]) => {
  if (v.length < 3) return v.reduce((q, x) => q + x, 0) / v.length;
  const s = [...v].sort((a, b) => a - b).slice(1, -1);
  return s.reduce((q, x) => q + x, 0) / s.length;
};
/** Weighted mean with weights ∝ cv^−p (Bates & Granger 1969; Stock & Watson 2004, κ = p); equal weights when a cv is 0. */
const invWeighted = (r: YearlyRow, list: readonly string[], kind: string, p: number) => {
  const e = errOf(r, kind);
  const w = list.map((q) => e[q]!);
  const ws = w.some((x) => !(x > 0)) ? w.map(() => 1) : w.map((x) => x ** -p);
  const tot = ws.reduce((q, x) => q + x, 0);
  return byStep(r, list, (v) => v.reduce((q, x, j) => q + (x * ws[j]!) / tot, 0));
};
/**
 * t-statistic of the mean one-step change of y (the drift's slope over its
 * standard error); on log values for positive series when `log`.
 */
function driftT(y: readonly number[], log: boolean): number {
  const v = log && y.every((x) => x > 0) ? y.map(Math.log) : y;
  const d: number[] = [];
  for (let t = 1; t < v.length; t++) d.push(v[t]! - v[t - 1]!);
  if (d.length < 2) return 0;
  const mu = d.reduce((q, x) => q + x, 0) / d.length;
  const s2 = d.reduce((q, x) => q + (x - mu) ** 2, 0) / (d.length - 1);
  return s2 > 0 ? mu / Math.sqrt(s2 / d.length) : mu !== 0 ? Infinity : 0;
}
/**
 * The combined forecast's change from the last value shrunk by
 * max(0, 1 − c/t²): for two nested models (no trend / trend) this is the
 * Mallows model-averaging weight of Hansen (2007, Econometrica 75(4)), a
 * Stein-type shrinkage toward the naive forecast; c = 1 has no free constant.
 */
const shrinkTrend = (r: YearlyRow, f: number[], c: number, log: boolean) => {
  const t = driftT(r.y, log);
  const k = Number.isFinite(t) ? Math.max(0, 1 - c / (t * t)) : 1;
  return f.map((v) => r.last + k * (v - r.last));
};

/** The yearly rules of the seventh pass; `pool` and `keep` are the pool in force. */
export function yearlyRules(pool: readonly string[], keep: number, prefix = '7 '): Rule[] {
  const rules: Rule[] = [];
  const top = (r: YearlyRow, k: number, kind = 'cv') => ranked(r, pool, kind).slice(0, k);
  // 1. keep by length: short histories rank noisily, so keep more. 12 = maxH + CV_ORIGINS:
  // below it the check has fewer than its usual origins (no free constant).
  for (const [thr, kShort, kLong] of [
    [10, 5, 3],
    [11, 5, 3],
    [12, 5, 3],
    [12, 4, 3],
    [13, 5, 3],
    [14, 5, 3],
    [14, 4, 3],
    [15, 5, 3],
    [15, 4, 3],
    [20, 5, 3],
    [20, 4, 3],
    [25, 4, 3],
    [20, 3, 2],
    [30, 3, 2],
  ] as const) {
    rules.push({ label: `${prefix}keepN n<${thr}?${kShort}:${kLong}`, f: (r) => med(r, top(r, r.n < thr ? kShort : kLong)) });
  }
  // Two steps: one more member below 20 points, another below 12.
  rules.push({ label: '7 keepN 3+[n<20]+[n<12]', f: (r) => med(r, top(r, 3 + Number(r.n < 20) + Number(r.n < 12))) });
  // 2. trimmed means and inverse-error weights.
  rules.push({ label: '7 trim all', f: (r) => byStep(r, top(r, 5), trimmed) });
  rules.push({ label: '7 trim top4', f: (r) => byStep(r, top(r, 4), trimmed) });
  for (const kind of ['cv', 'cvm'])
    for (const p of [1, 2])
      for (const k of [2, 3, 4, 5]) {
        rules.push({ label: `${prefix}inv${kind}^${p} mean top${k}`, f: (r) => invWeighted(r, top(r, k, kind), kind, p) });
      }
  // Weighted median with weights ∝ 1/cv (robust to one exploding member, unlike the means).
  for (const kind of ['cv', 'cvm'])
    for (const k of [3, 5])
      rules.push({
        label: `${prefix}inv${kind} wmedian top${k}`,
        f: (r) => {
          const l = top(r, k, kind),
            e = errOf(r, kind);
          const w = l.map((q) => (e[q]! > 0 ? 1 / e[q]! : 1e12));
          return byStep(r, l, (v) => {
            const o = v.map((_, j) => j).sort((a, b) => v[a]! - v[b]! || a - b);
            const half = w.reduce((q, x) => q + x, 0) / 2;
            let acc = 0;
            for (const j of o) if ((acc += w[j]!) >= half) return v[j]!;
            return v[o[o.length - 1]!]!;
          });
        },
      });
  // 3. ranking errors closer to MASE, and recency-weighted.
  for (const kind of ['cvm', 'cvmW', 'cvsW'])
    for (const k of [3, 4]) rules.push({ label: `${prefix}rank ${kind} median top${k}`, f: (r) => med(r, top(r, k, kind)) });
  // 4. pooling by error gaps (after Kourentzes, Barrow & Petropoulos 2019, IJPE 209: keep the
  // leaders up to the largest jump in sorted cv; at least 2 kept so it stays a combination),
  // and keep the better-than-average members. No free constants.
  for (const kind of ['cv', 'cvm']) {
    rules.push({
      label: `${prefix}pool gap ${kind}`,
      f: (r) => {
        const l = ranked(r, pool, kind),
          e = errOf(r, kind);
        let cut = l.length,
          best = -1;
        for (let j = 2; j < l.length; j++) {
          const g = e[l[j]!]! - e[l[j - 1]!]!;
          if (g > best) {
            best = g;
            cut = j;
          }
        }
        return med(r, l.slice(0, cut));
      },
    });
    rules.push({
      label: `${prefix}pool <=mean ${kind}`,
      f: (r) => {
        const l = ranked(r, pool, kind),
          e = errOf(r, kind);
        const avg = l.reduce((q, p) => q + e[p]!, 0) / l.length;
        const kept = l.filter((p) => e[p]! <= avg);
        return med(r, kept.length >= 2 ? kept : l.slice(0, 2));
      },
    });
  }
  // Model-confidence-set style (Hansen, Lunde & Nason 2011, Econometrica 79(2)): besides the
  // top `keep`, keep every member whose per-origin loss is not significantly worse than the
  // best's (t of the mean loss difference < z; overlapping horizons make t approximate).
  for (const z of [1, 1.645])
    for (const k0 of [1, keep])
      rules.push({
        label: `${prefix}mcs z${z} min${k0}`,
        f: (r) => {
          const l = ranked(r, pool),
            b = r.loss[l[0]!];
          const kept = l.filter((p, j) => {
            if (j < k0 || !b) return j < k0;
            const d = r.loss[p]!.map((x, i) => x - b[i]!);
            const mu = d.reduce((q, x) => q + x, 0) / d.length;
            const s2 = d.length > 1 ? d.reduce((q, x) => q + (x - mu) ** 2, 0) / (d.length - 1) : 0;
            return s2 > 0 ? mu / Math.sqrt(s2 / d.length) < z : mu <= 0;
          });
          return med(r, kept);
        },
      });
  // Trend shrinkage of the current combination by the drift's t-statistic.
  for (const c of [1, 2])
    for (const log of [false, true])
      rules.push({ label: `${prefix}tshrink c${c}${log ? ' log' : ''}`, f: (r) => shrinkTrend(r, med(r, top(r, keep)), c, log) });
  return rules.map((x) => ({ ...x, label: x.label.replace(/^7 /, prefix) }));
}
