/**
 * Learns INTERVAL_CALIBRATION (src/forecast/calibration.ts) on the TUNING
 * halves only (split.ts): fits `auto` on every tuning series, collects the
 * test errors e (log scale for positive series) with the series' scale
 * features, fits the scale model by least squares on log |e| per frequency
 * group, then takes split-conformal quantiles of |e|/ŝ.
 *
 * Model form, per group: the candidate forms below (and, for forms with a
 * length term, that term fixed on a grid) are each calibrated on the pooled
 * tuning points and scored by the interval score of their 80 and 95 %
 * intervals (in units of each series' volatility, mean per dataset, summed
 * over the datasets: Gneiting & Raftery 2007). The lowest score wins, subject
 * for yearly data to the simulated checks of calibration.test.ts (see
 * `simulated` and `chooseForm`): a Gaussian random walk within ±2 points of
 * nominal (the test allows ±3), and a smooth trend covered at most 3 points
 * worse than with the series' own error curve. These keep the pooled terms
 * honest: the noisy competition series alone favour a stronger length term
 * than a random walk bears, and a pooled growth of errors with h (γ·h) that
 * leaves smooth series (modelled estimates, like the labour data) far too
 * narrow.
 * Prints the constants to paste and the coverage they give per dataset and
 * horizon on the tuning halves. Usage: tsx bench/tune-intervals.ts
 * (`--check` only prints coverage with the constants in the engine).
 */
import { fitAuto } from '../src/forecast/auto';
import { nonDecreasing } from '../src/forecast/intervals';
import { INTERVAL_CALIBRATION, pooledScale, type FrequencyCalibration, type ScaleModel } from '../src/forecast/calibration';
import { EMPIRICAL } from '../src/forecast/empirical';
import { mulberry32 } from '../src/forecast/prng';
import type { Series } from '../src/forecast/types';
import { DATASETS, loadHalf, requireBenchmarks } from './datasets';

requireBenchmarks();
// Research overrides of the rolling-origin constants, e.g. E_gammaMax=3 E_gammaPriorWeight=10.
for (const k of Object.keys(EMPIRICAL) as (keyof typeof EMPIRICAL)[]) if (process.env[`E_${k}`]) EMPIRICAL[k] = Number(process.env[`E_${k}`]);
const LEVELS = [50, 60, 70, 80, 90, 95, 97.5, 99];

interface Point { set: string; id: string; h: number; n: number; e: number; lsig: number; gamma: number; ld: number; seasonal: number; frequency: number; positive: boolean; s: number; u: number }

function pointsOf(set: string, id: string, train: Series, test: number[]): Point[] {
  const fit = fitAuto(train);
  const f = fit.forecast(test.length);
  const positive = train.values.every((v) => v > 0);
  const { sigma, gamma, volatility, seasonal } = fit.params;
  const out: Point[] = [];
  test.forEach((a, i) => {
    const m = f.mean[i]!;
    const e = positive ? (m > 0 ? Math.log(a / m) : NaN) : a - m;
    if (!Number.isFinite(e) || !(volatility! > 0)) return;
    out.push({ set, id, h: i + 1, n: train.values.length, e: Math.abs(e), lsig: Math.log(Math.max(sigma!, 1e-12)), gamma: gamma!, ld: Math.log(volatility!), seasonal: seasonal!, frequency: train.frequency, positive, s: 0, u: 0 });
  });
  return out;
}

function collect(): Point[] {
  return DATASETS.flatMap((info) => loadHalf(info, 'tuning').flatMap((s) => pointsOf(info.name, s.id, s.train, s.test)));
}

/**
 * Simulated series of known noise (calibration.test.ts): Gaussian random walks
 * (noisy: own errors estimate the spread well) and smooth local linear trends
 * (a random-walk slope under little noise, like modelled or interpolated
 * statistics: errors accumulate with h, so a series' own steep error growth
 * is real there). n = 25, h = 6, 1,000 seeded replicates each.
 */
export function simulated(kind: 'random walk' | 'smooth trend'): Point[] {
  const rnd = mulberry32(kind === 'random walk' ? 42 : 43);
  const gaussian = () => Math.sqrt(-2 * Math.log(rnd() || 1e-12)) * Math.cos(2 * Math.PI * rnd());
  const out: Point[] = [];
  for (let r = 0; r < 1000; r++) {
    const y = [1000];
    let slope = 0;
    for (let t = 1; t < 31; t++) {
      if (kind === 'random walk') y.push(y[t - 1]! + 10 * gaussian());
      else {
        slope += 2 * gaussian();
        y.push(y[t - 1]! + slope + gaussian());
      }
    }
    out.push(...pointsOf(kind, String(r), { values: y.slice(0, 25), start: '2000', frequency: 1 }, y.slice(25)));
  }
  return out;
}

type Term = 'b' | 'bH' | 'bN' | 'bS' | 'bG' | 'bNH';
/** Free terms of the scale model (b absent: b = 1, the series' own scale) and terms held fixed. */
export interface Form { name: string; terms: Term[]; fixed?: Partial<Record<Term, number>> }
const BASE_FORMS: Form[] = [
  { name: 'own scale', terms: ['bH'] },
  { name: 'own scale + length', terms: ['bH', 'bN'] },
  { name: 'own scale + length + γ·h', terms: ['bH', 'bN', 'bG'] },
  { name: 'own scale + length + n·h', terms: ['bH', 'bN', 'bNH'] },
  { name: 'own scale + length + n·h + seasonal', terms: ['bH', 'bN', 'bNH', 'bS'] },
  { name: 'own scale + length + γ·h + seasonal', terms: ['bH', 'bN', 'bG', 'bS'] },
  { name: 'pooled + length', terms: ['b', 'bH', 'bN'] },
  { name: 'pooled + length + γ·h', terms: ['b', 'bH', 'bN', 'bG'] },
];
const LENGTH_GRID = [-0.05, -0.1, -0.15, -0.2, -0.25, -0.3, -0.35, -0.4, -0.5];

/** Every base form, plus each form with a length term with that term fixed on the grid. */
export const FORMS: Form[] = BASE_FORMS.flatMap((f) =>
  f.terms.includes('bN')
    ? [f, ...LENGTH_GRID.map((v) => ({ name: `${f.name} (bN ${v})`, terms: f.terms.filter((t) => t !== 'bN'), fixed: { bN: v } }))]
    : [f],
);

const lsd = (p: Point) => p.lsig + (p.gamma / 2) * Math.log(p.h);
const column = (p: Point, t: Term): number => {
  const lh = Math.log(p.h);
  return { b: lsd(p) - p.ld, bH: lh, bN: Math.log(p.n), bS: p.seasonal, bG: p.gamma * lh, bNH: Math.log(p.n) * lh }[t];
};

/** OLS of log|e| − log ŝ(fixed part) on [1, free terms]. */
function fitModel(pts: Point[], form: Form): ScaleModel {
  const own = !form.terms.includes('b');
  const X = pts.map((p) => [1, ...form.terms.map((t) => column(p, t))]);
  const y = pts.map((p) => {
    let v = Math.log(Math.max(p.e, 1e-6 * Math.exp(p.ld))) - p.ld - (own ? lsd(p) - p.ld : 0);
    for (const [t, c] of Object.entries(form.fixed ?? {})) v -= c * column(p, t as Term);
    return v;
  });
  const k = X[0]!.length;
  const A = Array.from({ length: k }, () => new Array<number>(k + 1).fill(0));
  X.forEach((x, r) => {
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) A[i]![j]! += x[i]! * x[j]!;
      A[i]![k]! += x[i]! * y[r]!;
    }
  });
  for (let i = 0; i < k; i++) {
    let piv = i;
    for (let r = i + 1; r < k; r++) if (Math.abs(A[r]![i]!) > Math.abs(A[piv]![i]!)) piv = r;
    [A[i], A[piv]] = [A[piv]!, A[i]!];
    for (let r = 0; r < k; r++) {
      if (r === i) continue;
      const f = A[r]![i]! / A[i]![i]!;
      for (let j = i; j <= k; j++) A[r]![j]! -= f * A[i]![j]!;
    }
  }
  const beta = A.map((row, i) => row[k]! / row[i]!);
  const r4 = (x: number) => Number(x.toFixed(4));
  const coef = (t: Term, dflt: number) => {
    const j = form.terms.indexOf(t);
    return j >= 0 ? r4(beta[j + 1]!) : (form.fixed?.[t] ?? dflt);
  };
  const model: ScaleModel = { c: r4(beta[0]!), b: coef('b', 1), bH: coef('bH', 0), bN: coef('bN', 0) };
  for (const t of ['bS', 'bG', 'bNH'] as const) if (form.terms.includes(t) || form.fixed?.[t] !== undefined) model[t] = coef(t, 0);
  return model;
}

/** Split-conformal quantile with the finite-sample correction: the ⌈(N+1)L⌉-th smallest score. */
function conformal(scores: number[], level: number): number {
  const sorted = [...scores].sort((a, b) => a - b);
  const k = Math.min(sorted.length, Math.ceil(((sorted.length + 1) * level) / 100));
  return Number(sorted[k - 1]!.toFixed(4));
}

/**
 * ŝ of every point as the engine uses it (sets p.s): capped at maxLogScale on
 * the log scale and made non-decreasing over each series' horizons. The
 * conformal scores are taken on these, so the quantiles calibrate the
 * intervals actually shipped (the running maximum widens some steps).
 */
function engineScales(pts: Point[], cal: FrequencyCalibration): void {
  const bySeries = new Map<string, Point[]>();
  for (const p of pts) {
    const key = `${p.set}\u0000${p.id}`;
    bySeries.set(key, [...(bySeries.get(key) ?? []), p]);
  }
  for (const list of bySeries.values()) {
    const p0 = list[0]!;
    const H = Math.max(...list.map((p) => p.h));
    const raw = pooledScale({ sigma: Math.exp(p0.lsig), gamma: p0.gamma, volatility: Math.exp(p0.ld), n: p0.n, frequency: p0.frequency, seasonal: p0.seasonal }, H, cal);
    const shaped = nonDecreasing(raw.map((v) => (p0.positive ? Math.min(v, INTERVAL_CALIBRATION.maxLogScale) : v)));
    for (const p of list) p.s = shaped[p.h - 1]!;
  }
}

function calibrate(pts: Point[], form: Form): FrequencyCalibration {
  const cal: FrequencyCalibration = { model: fitModel(pts, form), levels: LEVELS, quantiles: [], points: pts.length };
  engineScales(pts, cal);
  for (const p of pts) p.u = p.e / p.s;
  cal.quantiles = LEVELS.map((l) => conformal(pts.map((p) => p.u), l));
  return cal;
}

/** Coverage (%) at 80 / 95 and the mean interval score of both levels in volatility units. */
function judge(pts: Point[], cal: FrequencyCalibration) {
  let c80 = 0, c95 = 0, score = 0;
  engineScales(pts, cal);
  for (const p of pts) {
    const s = p.s / Math.exp(p.ld);
    const e = p.e / Math.exp(p.ld);
    for (const l of [80, 95]) {
      const w = cal.quantiles[LEVELS.indexOf(l)]! * s;
      if (e <= w) l === 80 ? c80++ : c95++;
      score += 2 * w + (e > w ? (2 / (1 - l / 100)) * (e - w) : 0);
    }
  }
  return { c80: (100 * c80) / pts.length, c95: (100 * c95) / pts.length, score: score / pts.length };
}

/**
 * Lowest tuning interval score, among forms that pass the simulated checks:
 * the random walk within ±2 points of nominal, and the smooth trend losing at
 * most 3 points of coverage against the plain "own scale" form (pooled terms
 * learned on the noisy competition series must not strip smooth series of
 * the error growth their own history shows).
 */
function chooseForm(group: Point[], check?: Point[][]): Form {
  const sets = [...new Set(group.map((p) => p.set))];
  let best: { form: Form; loss: number } | undefined;
  let reference: { c80: number; c95: number }[] | undefined;
  for (const form of FORMS) {
    if (form.terms.includes('bS') && group.every((p) => p.seasonal === group[0]!.seasonal)) continue;
    const cal = calibrate(group.map((p) => ({ ...p })), form);
    const parts = sets.map((s) => ({ s, ...judge(group.filter((p) => p.set === s), cal) }));
    const loss = parts.reduce((q, r) => q + r.score, 0);
    const sims = (check ?? []).map((pts) => ({ name: pts[0]!.set, ...judge(pts, cal) }));
    reference ??= sims;
    const ok = sims.every((sim, i) =>
      sim.name === 'random walk'
        ? Math.abs(sim.c80 - 80) <= 2 && Math.abs(sim.c95 - 95) <= 2
        : sim.c80 >= reference![i]!.c80 - 3 && sim.c95 >= reference![i]!.c95 - 3,
    );
    const text = parts.map((r) => `${r.s} ${r.c80.toFixed(1)}/${r.c95.toFixed(1)} IS ${r.score.toFixed(2)}`).join('  ');
    console.log(`${form.name.padEnd(46)} loss ${loss.toFixed(3)}  ${text}${sims.map((sim) => `  ${sim.name} ${sim.c80.toFixed(1)}/${sim.c95.toFixed(1)}`).join('')}${ok ? '' : ' (fails)'}`);
    if (ok && (!best || loss < best.loss)) best = { form, loss };
  }
  console.log(`chosen form: ${best!.form.name}`);
  return best!.form;
}

const pts = collect();
const yearly = pts.filter((p) => p.set.endsWith('yearly'));
const sub = pts.filter((p) => p.set.endsWith('quarterly'));
if (!process.argv.includes('--check')) {
  const out = { yearly: calibrate(yearly, chooseForm(yearly, [simulated('random walk'), simulated('smooth trend')])), subannual: calibrate(sub, chooseForm(sub)) };
  console.log(JSON.stringify(out, null, 2));
  Object.assign(INTERVAL_CALIBRATION, out);
}
// Coverage on the tuning halves with the constants now in force (as the engine forecasts: capped, non-decreasing).
for (const info of DATASETS) {
  const h80: number[] = [], h95: number[] = [], hn: number[] = [];
  for (const s of loadHalf(info, 'tuning')) {
    const f = fitAuto(s.train).forecast(s.horizon);
    s.test.forEach((a, i) => {
      h80[i] = (h80[i] ?? 0) + +(a >= f.intervals[0]!.lower[i]! && a <= f.intervals[0]!.upper[i]!);
      h95[i] = (h95[i] ?? 0) + +(a >= f.intervals[1]!.lower[i]! && a <= f.intervals[1]!.upper[i]!);
      hn[i] = (hn[i] ?? 0) + 1;
    });
  }
  const tot = (v: number[]) => ((100 * v.reduce((a, b) => a + b, 0)) / hn.reduce((a, b) => a + b, 0)).toFixed(1);
  console.log(`${info.name.padEnd(18)} tuning cov80 ${tot(h80)} cov95 ${tot(h95)} | per h 80: ${h80.map((v, i) => ((100 * v) / hn[i]!).toFixed(0)).join(' ')} | 95: ${h95.map((v, i) => ((100 * v) / hn[i]!).toFixed(0)).join(' ')}`);
}
