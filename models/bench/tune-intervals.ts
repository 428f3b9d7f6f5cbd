/**
 * Learns INTERVAL_CALIBRATION (src/forecast/calibration.ts) on TUNING data
 * only: the tuning halves of the competition data (split.ts) and, for yearly
 * data, the labour-like tuning set (labour-like.ts: ILO participation and
 * employment-to-population rates as logits, WDI labour-force totals; rolling
 * origins, n = 8–20, h = 1–10). The labour backtest (bench/labour.ts) is never
 * read here. It fits `auto` on every tuning case, collects the test errors e
 * (log scale for positive series) with the series' scale features, fits the
 * scale model by (weighted) least squares on log |e| per frequency group,
 * then takes split-conformal quantiles of |e|/ŝ.
 *
 * Yearly (issue 14, third pass): the three yearly tuning sets (M3 yearly,
 * tourism yearly, labour-like) count the same: each point is weighted by
 * 1 / (points of its set) in the least squares and in the conformal quantiles
 * (a weighted split-conformal quantile: Tibshirani et al. 2019, "Conformal
 * prediction under covariate shift", NeurIPS, with the (N+1)/N finite-sample
 * correction on the total count). Candidate forms (and, for forms with a
 * length term, that term fixed on a grid) are scored by the interval score of
 * their 80 and 95 % intervals (in units of each series' volatility; Gneiting
 * & Raftery 2007), each set's mean score divided by that of the constants in
 * force when the script starts, summed over the sets. The lowest loss wins
 * among forms that (a) cover every yearly tuning set within 77–83 / 93–96.5
 * (inside the issue's 76–84 / 92–97 with a margin) and (b) pass the simulated
 * checks of calibration.test.ts: a Gaussian random walk within ±2 points of
 * nominal (±3, the test's tolerance, for the additive group, whose ILO
 * logits are heavier-tailed than a Gaussian walk: no form met ±2 there), a
 * smooth trend covered no worse than 3 points below the constants in force.
 * Two yearly groups: levels (M3 and tourism yearly tuning halves, WDI labour
 * force) and additive (the ILO rate logits; log-ratios and share logits use
 * these constants), the latter also trying a floor ŝ_h ≥ floor·√h.
 * Additive group, fourth pass: Mondrian (group-conditional) quantiles by
 * curvature (`mondrian`): smooth modelled rates under-covered at 95 % with one
 * table (tuning: EPR with k < −1 76.1/92.0, LFPR 79.4/93.6), so histories
 * below a curvature threshold get their own quantiles. `--with-shares` also
 * fits on the ILO activity composition (labour-like.ts `loadActivityShares`)
 * as forecastShares bands it in the least squares and the form choice; that
 * was tried and not adopted (the chosen form changes, rates over-cover and
 * the shares gain 0.2 point only). Instead `worstSet` takes, per Mondrian
 * group and level, the largest of the sets' quantiles with the composition
 * as a set, so the shares reach nominal coverage too.
 * Sub-annual constants are only re-learned with `--subannual` (`--subannual-only`
 * skips the yearly groups). Issue 14 fifth pass re-learned them for the point
 * forecasts then shipped, with the yearly rule (every set in TARGET) and
 * Mondrian quantiles by curvature over SUBANNUAL_SMOOTH_GRID.
 * Prints the constants to paste and the coverage they give per dataset and
 * horizon on the tuning data. Usage: tsx bench/tune-intervals.ts [--subannual | --subannual-only]
 * (`--check` only prints coverage with the constants in the engine).
 */
import { fitAuto } from '../src/forecast/auto';
import { nonDecreasing } from '../src/forecast/intervals';
import { INTERVAL_CALIBRATION, pooledScale, type FrequencyCalibration, type ScaleModel } from '../src/forecast/calibration';
import { EMPIRICAL } from '../src/forecast/empirical';
import { mulberry32 } from '../src/forecast/prng';
import type { Series } from '../src/forecast/types';
import { DATASETS, loadHalf, requireBenchmarks } from './datasets';
import { loadActivityShares, loadLabourLike, scoreActivityShares, type ActivityCase } from './labour-like';
import { forecastShares, shareLogit } from '../src/labour/shares';

requireBenchmarks();
// Research overrides of the rolling-origin constants, e.g. E_gammaMax=3 E_gammaPriorWeight=10.
for (const k of Object.keys(EMPIRICAL) as (keyof typeof EMPIRICAL)[]) if (process.env[`E_${k}`]) EMPIRICAL[k] = Number(process.env[`E_${k}`]);
const LEVELS = [50, 60, 70, 80, 90, 95, 97.5, 99];
/** Tuning coverage every yearly set must reach at 80 / 95 (the issue's 76–84 / 92–97 with a margin). */
const TARGET = { 80: [77, 83], 95: [93, 96.5] } as const;

interface Point {
  set: string;
  sub: string;
  id: string;
  h: number;
  n: number;
  e: number;
  lsig: number;
  gamma: number;
  ld: number;
  seasonal: number;
  frequency: number;
  positive: boolean;
  k: number;
  w: number;
  s: number;
  u: number;
}

function pointsOf(set: string, id: string, train: Series, test: number[], scale?: 'additive', sub = set): Point[] {
  const fit = fitAuto(train, scale ? { scale } : {});
  const f = fit.forecast(test.length);
  const positive = !scale && train.values.every((v) => v > 0);
  const { sigma, gamma, volatility, seasonal } = fit.params;
  const out: Point[] = [];
  const k = fit.params.curvature!;
  test.forEach((a, i) => {
    const m = f.mean[i]!;
    const e = positive ? (m > 0 ? Math.log(a / m) : NaN) : a - m;
    if (!Number.isFinite(e) || !(volatility! > 0)) return;
    out.push({
      set,
      sub,
      id,
      h: i + 1,
      n: train.values.length,
      e: Math.abs(e),
      lsig: Math.log(Math.max(sigma!, 1e-12)),
      gamma: gamma!,
      ld: Math.log(volatility!),
      seasonal: seasonal!,
      frequency: train.frequency,
      positive,
      k,
      w: 1,
      s: 0,
      u: 0,
    });
  });
  return out;
}

/**
 * Points of one compositional case scored as labour/shares.ts ships its
 * bands: the error is that of the share's logit around the logit of the
 * coherent mean; the scale features are those of `auto` on the share's own
 * logit history (the fit whose band is applied there).
 */
function pointsOfShares(c: ActivityCase): Point[] {
  const h = c.test.employed.length;
  const fc = forecastShares({ start: c.start, frequency: 1, components: c.train }, h);
  return (Object.keys(c.train) as (keyof ActivityCase['train'])[]).flatMap((name) => {
    const fit = fitAuto({ values: c.train[name].map((x) => shareLogit(x)), start: c.start, frequency: 1 }, { scale: 'additive' });
    const { sigma, gamma, volatility, seasonal, curvature } = fit.params;
    const out: Point[] = [];
    c.test[name].forEach((a, i) => {
      const e = shareLogit(a) - shareLogit(fc.components[name]!.mean[i]!);
      if (!Number.isFinite(e) || !(volatility! > 0)) return;
      out.push({
        set: 'ilo-activity',
        sub: `ilo-activity ${name}`,
        id: `${c.id}/${name}`,
        h: i + 1,
        n: c.train[name].length,
        e: Math.abs(e),
        lsig: Math.log(Math.max(sigma!, 1e-12)),
        gamma: gamma!,
        ld: Math.log(volatility!),
        seasonal: seasonal!,
        frequency: 1,
        positive: false,
        k: curvature!,
        w: 1,
        s: 0,
        u: 0,
      });
    });
    return out;
  });
}

/** Each set's points weighted 1 / (its count), so every set counts the same. */
function weightBySet(pts: Point[]): Point[] {
  const count = new Map<string, number>();
  for (const p of pts) count.set(p.set, (count.get(p.set) ?? 0) + 1);
  for (const p of pts) p.w = 1 / count.get(p.set)!;
  return pts;
}

/**
 * Tuning points of a calibration group: yearly levels (M3 and tourism yearly
 * tuning halves, WDI labour-force totals), yearly additive (the logits of the
 * ILO rates), sub-annual (M3 and tourism quarterly tuning halves).
 */
function collect(group: 'yearly' | 'yearlyAdditive' | 'quarterly'): Point[] {
  const competition =
    group === 'yearlyAdditive'
      ? []
      : DATASETS.filter((d) => d.name.endsWith(group)).flatMap((info) => loadHalf(info, 'tuning').flatMap((s) => pointsOf(info.name, s.id, s.train, s.test)));
  const labour =
    group === 'quarterly'
      ? []
      : loadLabourLike()
          .filter((c) => (c.scale === 'additive') === (group === 'yearlyAdditive'))
          .flatMap((c) => pointsOf(c.set, c.id, c.train, c.test, c.scale));
  // `--with-shares`: also fit on the ILO activity composition as forecastShares bands it (tried in issue 14's
  // fourth pass: one pooled table then over-covers the rates; the composition is kept as a check, printed below).
  const shares = group === 'yearlyAdditive' && process.argv.includes('--with-shares') ? loadActivityShares().flatMap(pointsOfShares) : [];
  return weightBySet([...competition, ...labour, ...shares]);
}

/**
 * Simulated series of known noise (calibration.test.ts): Gaussian random walks
 * (noisy: own errors estimate the spread well) and smooth local linear trends
 * (a random-walk slope under little noise, like modelled or interpolated
 * statistics: errors accumulate with h, so a series' own steep error growth
 * is real there). n = 25, h = 6, 1,000 seeded replicates each.
 */
export function simulated(kind: 'random walk' | 'smooth trend', scale?: 'additive'): Point[] {
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
    out.push(...pointsOf(kind, String(r), { values: y.slice(0, 25), start: '2000', frequency: 1 }, y.slice(25), scale));
  }
  return out;
}

type Term = 'b' | 'bH' | 'bN' | 'bS' | 'bG' | 'bNH' | 'bK' | 'bKH';
/** Free terms of the scale model (b absent: b = 1, the series' own scale) and terms held fixed. */
export interface Form {
  name: string;
  terms: Term[];
  fixed?: Partial<Record<Term, number>>;
  floor?: number;
}
const YEARLY_FORMS: Form[] = [
  { name: 'own scale', terms: ['bH'] },
  { name: 'own scale + length', terms: ['bH', 'bN'] },
  { name: 'own scale + length + curvature', terms: ['bH', 'bN', 'bK'] },
  { name: 'own scale + length + curvature·h', terms: ['bH', 'bN', 'bKH'] },
  { name: 'own scale + length + curvature + curvature·h', terms: ['bH', 'bN', 'bK', 'bKH'] },
  { name: 'own scale + length + curvature + curvature·h + n·h', terms: ['bH', 'bN', 'bK', 'bKH', 'bNH'] },
  { name: 'own scale + length + γ·h', terms: ['bH', 'bN', 'bG'] },
  { name: 'pooled + length', terms: ['b', 'bH', 'bN'] },
  { name: 'pooled + length + curvature', terms: ['b', 'bH', 'bN', 'bK'] },
  { name: 'pooled + length + curvature + curvature·h', terms: ['b', 'bH', 'bN', 'bK', 'bKH'] },
];
const SUBANNUAL_FORMS: Form[] = [
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

/** Floors of ŝ (logit / log-ratio units at one step) tried for the additive group. */
const FLOOR_GRID = [0.005, 0.01, 0.02, 0.03, 0.05, 0.08];
const withFloors = (forms: Form[]): Form[] => forms.flatMap((f) => [f, ...FLOOR_GRID.map((v) => ({ ...f, name: `${f.name} [floor ${v}]`, floor: v }))]);

/** Every base form, plus each form with a length term with that term fixed on the grid. */
const withGrid = (forms: Form[]): Form[] =>
  forms.flatMap((f) =>
    f.terms.includes('bN')
      ? [f, ...LENGTH_GRID.map((v) => ({ name: `${f.name} (bN ${v})`, terms: f.terms.filter((t) => t !== 'bN'), fixed: { bN: v } }))]
      : [f],
  );

const lsd = (p: Point) => p.lsig + (p.gamma / 2) * Math.log(p.h);
const column = (p: Point, t: Term): number => {
  const lh = Math.log(p.h);
  return { b: lsd(p) - p.ld, bH: lh, bN: Math.log(p.n), bS: p.seasonal, bG: p.gamma * lh, bNH: Math.log(p.n) * lh, bK: p.k, bKH: p.k * lh }[t];
};

/** Weighted least squares of log|e| − log ŝ(fixed part) on [1, free terms]. */
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
    const w = pts[r]!.w;
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) A[i]![j]! += w * x[i]! * x[j]!;
      A[i]![k]! += w * x[i]! * y[r]!;
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
  for (const t of ['bS', 'bG', 'bNH', 'bK', 'bKH'] as const) if (form.terms.includes(t) || form.fixed?.[t] !== undefined) model[t] = coef(t, 0);
  return model;
}

/**
 * Weighted split-conformal quantile: the smallest score whose cumulative
 * weight reaches L·(N+1)/N of the total (N points; with equal weights, the
 * ⌈(N+1)L⌉-th smallest score).
 */
function conformal(scores: { u: number; w: number }[], level: number): number {
  const sorted = [...scores].sort((a, b) => a.u - b.u);
  const total = sorted.reduce((q, p) => q + p.w, 0);
  const target = Math.min(1, ((level / 100) * (sorted.length + 1)) / sorted.length) * total;
  let acc = 0;
  for (const p of sorted) {
    acc += p.w;
    if (acc >= target * (1 - 1e-12)) return Number(p.u.toFixed(4));
  }
  return Number(sorted.at(-1)!.u.toFixed(4));
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
    let list = bySeries.get(key);
    if (!list) bySeries.set(key, (list = []));
    list.push(p);
  }
  for (const list of bySeries.values()) {
    const p0 = list[0]!;
    const H = Math.max(...list.map((p) => p.h));
    const raw = pooledScale(
      { sigma: Math.exp(p0.lsig), gamma: p0.gamma, volatility: Math.exp(p0.ld), n: p0.n, frequency: p0.frequency, seasonal: p0.seasonal, curvature: p0.k },
      H,
      cal,
    );
    const shaped = nonDecreasing(raw.map((v) => (p0.positive ? Math.min(v, INTERVAL_CALIBRATION.maxLogScale) : v)));
    for (const p of list) p.s = shaped[p.h - 1]!;
  }
}

function calibrate(pts: Point[], form: Form): FrequencyCalibration {
  const cal: FrequencyCalibration = { model: fitModel(pts, form), levels: LEVELS, quantiles: [], points: pts.length };
  if (form.floor) cal.floor = form.floor;
  engineScales(pts, cal);
  for (const p of pts) p.u = p.e / p.s;
  cal.quantiles = LEVELS.map((l) => conformal(pts, l));
  return cal;
}

/** The quantile table a point of curvature k uses (Mondrian: smooth histories have their own). */
const quantilesOf = (cal: FrequencyCalibration, k: number) => (cal.smooth && k < cal.smooth.below ? cal.smooth.quantiles : cal.quantiles);

/** Curvature thresholds tried for the smooth histories' own quantiles (additive group). */
const SMOOTH_GRID = [-1.5, -1.25, -1, -0.75, -0.5];
/** Fewest tuning points a Mondrian group may have. */
const MIN_GROUP = 500;
/** Curvature thresholds tried for the sub-annual group (quarterly histories are rougher: k ≈ −0.3…0.6). */
const SUBANNUAL_SMOOTH_GRID = [0, 0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5];

/**
 * Mondrian (group-conditional) split-conformal quantiles (Vovk et al. 2005,
 * ch. 4; Barber et al. 2021, "The limits of distribution-free conditional
 * predictive inference", §4 on group-conditional coverage): the scale model
 * stays as fitted on all points; histories smoother than a curvature
 * threshold get their own quantiles, the others theirs. Tried for each
 * threshold of SMOOTH_GRID with at least MIN_GROUP points per group; kept
 * when every set AND every set's smooth and rough parts are covered within
 * TARGET, with the lowest relative interval score (as `chooseForm`); no split
 * when the single table already meets that or no threshold does.
 */
function mondrian(pts: Point[], cal: FrequencyCalibration, grid: readonly number[] = SMOOTH_GRID): FrequencyCalibration {
  const sets = [...new Set(pts.map((p) => p.set))];
  const report = (c: FrequencyCalibration, below: number) => {
    const parts = sets.flatMap((s) => {
      const all = pts.filter((p) => p.set === s);
      const smooth = all.filter((p) => p.k < below),
        rough = all.filter((p) => p.k >= below);
      return [
        { s, ...judge(all, c) },
        ...(smooth.length >= 100 ? [{ s: `${s} smooth`, ...judge(smooth, c) }] : []),
        ...(rough.length >= 100 ? [{ s: `${s} rough`, ...judge(rough, c) }] : []),
      ];
    });
    return { parts, ok: parts.every(inTarget) };
  };
  const ref = Object.fromEntries(
    sets.map((s) => [
      s,
      judge(
        pts.filter((p) => p.set === s),
        cal,
      ).score,
    ]),
  );
  const lossOf = (c: FrequencyCalibration) =>
    sets.reduce(
      (q, s) =>
        q +
        judge(
          pts.filter((p) => p.set === s),
          c,
        ).score /
          ref[s]!,
      0,
    );
  let best: { cal: FrequencyCalibration; loss: number; ok: boolean } | undefined;
  for (const below of grid) {
    const smooth = pts.filter((p) => p.k < below),
      rough = pts.filter((p) => p.k >= below);
    if (smooth.length < MIN_GROUP || rough.length < MIN_GROUP) continue;
    const c: FrequencyCalibration = {
      ...cal,
      quantiles: LEVELS.map((l) => conformal(rough, l)),
      smooth: { below, quantiles: LEVELS.map((l) => conformal(smooth, l)), points: smooth.length },
    };
    const { parts, ok } = report(c, below);
    const loss = lossOf(c);
    console.log(
      `mondrian k < ${below}: loss ${loss.toFixed(3)} ${ok ? '' : '(off target) '}${parts.map((r) => `${r.s} ${r.c80.toFixed(1)}/${r.c95.toFixed(1)}`).join('  ')}`,
    );
    if (ok && (!best || loss < best.loss)) best = { cal: c, loss, ok };
  }
  const single = report(cal, -1);
  console.log(
    `single table: ${single.ok ? '' : '(off target on smooth/rough parts at k < -1) '}${single.parts.map((r) => `${r.s} ${r.c80.toFixed(1)}/${r.c95.toFixed(1)}`).join('  ')}`,
  );
  if (!best) return cal;
  console.log(`chosen: smooth histories below k = ${best.cal.smooth!.below}`);
  return best.cal;
}

/**
 * Worst-set quantiles (additive group): the scale model and the Mondrian
 * groups stay as chosen on the rate logits; then, per group and level, the
 * quantile is the LARGEST of the sets' own conformal quantiles (ILO LFPR, EPR
 * and the activity composition scored as forecastShares bands it), so every
 * tuning set, shares included, is covered at the nominal level within each
 * group: the group-conditional guarantee with the set as a further group
 * that the engine cannot see at run time (a logit of a share and of a rate
 * look the same to it), hence the maximum. Rates then over-cover a little.
 */
function worstSet(pts: Point[], cal: FrequencyCalibration): FrequencyCalibration {
  engineScales(pts, cal);
  for (const p of pts) p.u = p.e / p.s;
  const sets = [...new Set(pts.map((p) => p.set))];
  const below = cal.smooth?.below ?? -Infinity;
  const table = (group: Point[]) =>
    LEVELS.map((l) =>
      Math.max(
        ...sets
          .map((s) => group.filter((p) => p.set === s))
          .filter((g) => g.length > 0)
          .map((g) => conformal(g, l)),
      ),
    );
  const out: FrequencyCalibration = { ...cal, quantiles: table(pts.filter((p) => p.k >= below)) };
  if (cal.smooth) out.smooth = { ...cal.smooth, quantiles: table(pts.filter((p) => p.k < below)) };
  for (const s of sets) {
    const all = pts.filter((p) => p.set === s);
    const parts = [
      ['', all],
      [' smooth', all.filter((p) => p.k < below)],
      [' rough', all.filter((p) => p.k >= below)],
    ] as const;
    console.log(
      `worst-set ${parts
        .filter(([, g]) => g.length >= 100)
        .map(([name, g]) => {
          const r = judge(g, out);
          const r0 = judge(g, cal);
          return `${s}${name} ${r.c80.toFixed(1)}/${r.c95.toFixed(1)} (was ${r0.c80.toFixed(1)}/${r0.c95.toFixed(1)}, IS ×${(r.score / r0.score).toFixed(3)})`;
        })
        .join('  ')}`,
    );
  }
  return out;
}

/** Coverage (%) at 80 / 95 and the mean interval score of both levels in volatility units. */
function judge(pts: Point[], cal: FrequencyCalibration) {
  let c80 = 0,
    c95 = 0,
    score = 0;
  engineScales(pts, cal);
  for (const p of pts) {
    const s = p.s / Math.exp(p.ld);
    const e = p.e / Math.exp(p.ld);
    const q = quantilesOf(cal, p.k);
    for (const l of [80, 95]) {
      const w = q[LEVELS.indexOf(l)]! * s;
      if (e <= w) {
        if (l === 80) c80++;
        else c95++;
      }
      score += 2 * w + (e > w ? (2 / (1 - l / 100)) * (e - w) : 0);
    }
  }
  return { c80: (100 * c80) / pts.length, c95: (100 * c95) / pts.length, score: score / pts.length };
}

const inTarget = (r: { c80: number; c95: number }) => r.c80 >= TARGET[80][0] && r.c80 <= TARGET[80][1] && r.c95 >= TARGET[95][0] && r.c95 <= TARGET[95][1];

/**
 * Lowest relative loss (each set's interval score ÷ that of the constants in
 * force, summed) among forms that cover every tuning set within TARGET and
 * pass the simulated checks (random walk within ±2 points of nominal; smooth
 * trend no more than 3 points below the constants in force). With no form in
 * target (sub-annual: not required), the lowest loss among those passing the
 * simulated checks.
 */
function chooseForm(group: Point[], forms: Form[], current: FrequencyCalibration, check: Point[][] = [], requireTarget = true, rwTolerance = 2): Form {
  const sets = [...new Set(group.map((p) => p.set))];
  const subs = [...new Set(group.filter((p) => p.sub !== p.set).map((p) => p.sub))];
  const ref = Object.fromEntries(
    sets.map((s) => [
      s,
      judge(
        group.filter((p) => p.set === s),
        current,
      ).score,
    ]),
  );
  const refSims = check.map((pts) => judge(pts, current));
  console.log(`constants in force: ${refSims.map((r, i) => `${check[i]![0]!.set} ${r.c80.toFixed(1)}/${r.c95.toFixed(1)}`).join('  ')}`);
  let best: { form: Form; loss: number; rank: number } | undefined;
  for (const form of forms) {
    if (form.terms.includes('bS') && group.every((p) => p.seasonal === group[0]!.seasonal)) continue;
    const cal = calibrate(
      group.map((p) => ({ ...p })),
      form,
    );
    const parts = sets.map((s) => ({
      s,
      ...judge(
        group.filter((p) => p.set === s),
        cal,
      ),
    }));
    const subParts = subs.map((s) => ({
      s,
      ...judge(
        group.filter((p) => p.sub === s),
        cal,
      ),
    }));
    const loss = parts.reduce((q, r) => q + r.score / ref[r.s]!, 0);
    const sims = check.map((pts) => ({ name: pts[0]!.set, ...judge(pts, cal) }));
    const simOk = sims.every((sim, i) =>
      sim.name === 'random walk'
        ? Math.abs(sim.c80 - 80) <= rwTolerance && Math.abs(sim.c95 - 95) <= rwTolerance
        : sim.c80 >= refSims[i]!.c80 - 3 && sim.c95 >= refSims[i]!.c95 - 3,
    );
    const target = parts.every(inTarget);
    const text = [...parts, ...subParts].map((r) => `${r.s} ${r.c80.toFixed(1)}/${r.c95.toFixed(1)}${r.score ? ` IS ${r.score.toFixed(2)}` : ''}`).join('  ');
    console.log(
      `${form.name.padEnd(58)} loss ${loss.toFixed(3)}  ${text}${sims.map((sim) => `  ${sim.name} ${sim.c80.toFixed(1)}/${sim.c95.toFixed(1)}`).join('')}${simOk ? '' : ' (fails sim)'}${target ? '' : ' (off target)'}`,
    );
    const rank = (simOk ? 0 : 2) + (requireTarget && !target ? 1 : 0);
    if (!best || rank < best.rank || (rank === best.rank && loss < best.loss)) best = { form, loss, rank };
  }
  const why = ['', ' (no form reached the coverage target on every set)', ' (NO form passed the simulated checks)', ' (NO form passed the simulated checks)'][
    best!.rank
  ];
  console.log(`chosen form: ${best!.form.name}${why}`);
  return best!.form;
}

if (process.env.DIAG) {
  for (const group of ['yearly', 'yearlyAdditive'] as const) {
    const scale = group === 'yearlyAdditive' ? 'additive' : undefined;
    const pts = [...collect(group), ...weightBySet([...simulated('random walk', scale), ...simulated('smooth trend', scale)])];
    const cal = calibrate(
      pts.filter((p) => !p.set.startsWith('random') && !p.set.startsWith('smooth')),
      withFloors(withGrid(YEARLY_FORMS)).find((f) => f.name === process.env.DIAG)!,
    );
    engineScales(pts, cal);
    for (const p of pts) p.u = p.e / p.s;
    const bins = [-Infinity, -1, -0.5, 0, 0.25, Infinity];
    for (const set of [...new Set(pts.map((p) => p.set))]) {
      const line = bins.slice(1).map((hi, i) => {
        const sel = pts.filter((p) => p.set === set && p.k >= bins[i]! && p.k < hi).map((p) => ({ u: p.u, w: 1 }));
        return sel.length < 30 ? `      -       ` : `${conformal(sel, 80).toFixed(2)}/${conformal(sel, 95).toFixed(2)} (${sel.length})`;
      });
      console.log(`${group} ${set.padEnd(18)} ${line.join('  ')}`);
    }
  }
  process.exit(0);
}

const current = { yearly: INTERVAL_CALIBRATION.yearly, yearlyAdditive: INTERVAL_CALIBRATION.yearlyAdditive, subannual: INTERVAL_CALIBRATION.subannual };
if (!process.argv.includes('--check')) {
  const out: Partial<typeof current> = {};
  for (const group of process.argv.includes('--subannual-only') ? [] : (['yearly', 'yearlyAdditive'] as const)) {
    const scale = group === 'yearlyAdditive' ? 'additive' : undefined;
    console.log(`\n== ${group} ==`);
    const pts = collect(group);
    const forms = group === 'yearlyAdditive' ? withFloors(withGrid(YEARLY_FORMS)) : withGrid(YEARLY_FORMS);
    // Additive group: the random walk within ±3 (the tolerance of calibration.test.ts), see the module comment.
    const chosen = calibrate(
      pts,
      chooseForm(pts, forms, current[group], [simulated('random walk', scale), simulated('smooth trend', scale)], true, scale ? 3 : 2),
    );
    // Additive group only: smooth modelled rates (and shares) under-cover at 95 % with one table.
    out[group] = scale ? worstSet([...pts, ...weightBySet(loadActivityShares().flatMap(pointsOfShares))], mondrian(pts, chosen)) : chosen;
  }
  if (process.argv.some((a) => a.startsWith('--subannual'))) {
    const sub = collect('quarterly');
    out.subannual = mondrian(sub, calibrate(sub, chooseForm(sub, withGrid(SUBANNUAL_FORMS), current.subannual, [], true)), SUBANNUAL_SMOOTH_GRID);
  }
  console.log(JSON.stringify(out, null, 2));
  Object.assign(INTERVAL_CALIBRATION, out);
}
// Coverage on the tuning data with the constants now in force (as the engine forecasts: capped, non-decreasing).
const cases = [
  ...DATASETS.flatMap((info) =>
    loadHalf(info, 'tuning').map((s) => ({ set: info.name, train: s.train, test: s.test, scale: undefined as 'additive' | undefined })),
  ),
  ...loadLabourLike().map((c) => ({ set: `labour-like ${c.set}`, train: c.train, test: c.test, scale: c.scale })),
];
{
  const a = scoreActivityShares(loadActivityShares());
  console.log(
    `labour-like ilo-activity shares tuning cov80 ${(100 * a.coverage80).toFixed(1)} cov95 ${(100 * a.coverage95).toFixed(1)} | per h 80: ${a.byH.map((x) => (100 * x.c80).toFixed(0)).join(' ')} | 95: ${a.byH.map((x) => (100 * x.c95).toFixed(0)).join(' ')}`,
  );
}
for (const set of [...new Set(cases.map((c) => c.set))]) {
  const h80: number[] = [],
    h95: number[] = [],
    hn: number[] = [];
  for (const s of cases.filter((c) => c.set === set)) {
    const f = fitAuto(s.train, s.scale ? { scale: s.scale } : {}).forecast(s.test.length);
    s.test.forEach((a, i) => {
      h80[i] = (h80[i] ?? 0) + +(a >= f.intervals[0]!.lower[i]! && a <= f.intervals[0]!.upper[i]!);
      h95[i] = (h95[i] ?? 0) + +(a >= f.intervals[1]!.lower[i]! && a <= f.intervals[1]!.upper[i]!);
      hn[i] = (hn[i] ?? 0) + 1;
    });
  }
  const tot = (v: number[]) => ((100 * v.reduce((a, b) => a + b, 0)) / hn.reduce((a, b) => a + b, 0)).toFixed(1);
  console.log(
    `${set.padEnd(30)} tuning cov80 ${tot(h80)} cov95 ${tot(h95)} | per h 80: ${h80.map((v, i) => ((100 * v) / hn[i]!).toFixed(0)).join(' ')} | 95: ${h95.map((v, i) => ((100 * v) / hn[i]!).toFixed(0)).join(' ')}`,
  );
}
