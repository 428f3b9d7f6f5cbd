/**
 * Chooses `auto`'s candidate pools on the TUNING halves only (issue 14; the
 * split is split.ts). For every tuning series it builds each registry
 * candidate once on the values `auto` sees (seasonally adjusted the same way)
 * and records its forecasts and rolling-origin error (auto's own cvError),
 * then scores pool configurations of the shape `auto` uses:
 *   yearly:    median of the k best (by rolling-origin error) of a pool P;
 *   quarterly: mean of two weighted medians (seasonal naive counted w times
 *              in the first), searched by single swaps from the current pools.
 * Objective per frequency: mean over the datasets of (sMAPE / sMAPE₀ +
 * MASE / MASE₀) / 2, where ₀ is the pool in force today: relative
 * improvement, each dataset counting the same.
 * Selection noise: a search over thousands of pools finds some that look
 * better by chance. So the tuning half is cut again into two folds (bit 1 of
 * the same hash); the search is run on each fold and its winner scored on the
 * other. A new pool is adopted only when both folds' winners beat the current
 * pool on the fold they were not chosen on.
 * Usage: tsx bench/tune-pools.ts [yearly|quarterly]
 */
import { naiveScale } from '../src/forecast/accuracy';
import { autoPools, autoSeasonalIndices, cvError, type Pool } from '../src/forecast/auto';
import { autoCandidateNames, autoCandidate } from '../src/forecast/registry';
import { DATASETS, loadHalf, requireBenchmarks } from './datasets';
import { seriesHash } from './split';
import { scoreCases } from './tune-score';
import { median } from 'simple-statistics';

requireBenchmarks();
const which = process.argv[2] ?? 'yearly';

interface Row {
  fold: number;
  test: number[];
  scale: number;
  fc: Record<string, number[]>;
  cv: Record<string, number>;
}

function rowsOf(name: string): Row[] {
  const info = DATASETS.find((d) => d.name === name)!;
  return loadHalf(info, 'tuning').map((s) => {
    const y = s.train.values,
      m = s.train.frequency,
      n = y.length,
      H = s.horizon;
    const idx = autoSeasonalIndices(y, m);
    const adj = idx ? y.map((v, t) => v / idx[t % m]!) : [...y];
    const season = (t: number) => (idx ? idx[t % m]! : 1);
    const maxH = m === 1 ? 6 : 2 * m;
    const fc: Record<string, number[]> = {};
    const cv: Record<string, number> = {};
    const nonNeg = y.every((v) => v >= 0);
    for (const k of autoCandidateNames()) {
      const c = autoCandidate(k, adj, m);
      if (!c) continue;
      fc[k] = c.mean(H).map((v, i) => (nonNeg ? Math.max(0, v * season(n + i)) : v * season(n + i)));
      cv[k] = cvError(c, adj, maxH);
    }
    const scale = naiveScale(info.scaleOver === 'train' ? y : [...y, ...s.test], m);
    return { fold: (seriesHash(s.id) >>> 1) & 1, test: s.test, scale, fc, cv };
  });
}

const score = scoreCases<Row>;

/** Median of the k best of `pool` by rolling-origin error (stable on ties: pool order). */
function topK(r: Row, pool: readonly string[], k: number): number[] {
  const have = pool.filter((p) => r.fc[p]);
  const kept = [...have].sort((a, b) => r.cv[a]! - r.cv[b]!).slice(0, k);
  const list = kept.length ? kept : ['naive'];
  return r.fc[list[0]!]!.map((_, i) => median(list.map((p) => r.fc[p]![i]!)));
}

function wmedianPool(r: Row, pool: readonly string[], weights: readonly number[]): number[] {
  const list: string[] = [];
  pool.forEach((p, j) => {
    if (r.fc[p]) for (let w = 0; w < (weights[j] ?? 1); w++) list.push(p);
  });
  return r.fc[list[0] ?? 'naive']!.map((_, i) => median(list.map((p) => r.fc[p]![i]!)));
}

function subsets<T>(items: readonly T[], min: number, max: number): T[][] {
  const out: T[][] = [];
  const rec = (start: number, cur: T[]) => {
    if (cur.length >= min) out.push([...cur]);
    if (cur.length === max) return;
    for (let i = start; i < items.length; i++) rec(i + 1, [...cur, items[i]!]);
  };
  rec(0, []);
  return out;
}

const fmt = (s: { smape: number; mase: number }) => `sMAPE ${s.smape.toFixed(3)} MASE ${s.mase.toFixed(3)}`;

type Sets = { n: string; rows: Row[] }[];
const onFold = (sets: Sets, f: number | null): Sets => sets.map((d) => ({ n: d.n, rows: f === null ? d.rows : d.rows.filter((r) => r.fold === f) }));

function report(label: string, search: (sets: Sets) => { label: string; key: number; eval: (s: Sets) => number }[], sets: Sets): void {
  const all = search(sets);
  console.log(`${label}: best on the whole tuning half`);
  for (const r of all.slice(0, 8)) console.log(`  ${r.key.toFixed(4)}  ${r.label}`);
  for (const f of [0, 1]) {
    const best = search(onFold(sets, f))[0]!;
    console.log(
      `  fold ${f} winner ${best.label}: ${best.key.toFixed(4)} on fold ${f}, ${best.eval(onFold(sets, 1 - f)).toFixed(4)} on fold ${1 - f} (1 = current pool)`,
    );
  }
}

if (which === 'yearly') {
  const sets = ['m3-yearly', 'tourism-yearly'].map((n) => ({ n, rows: rowsOf(n) }));
  const current = autoPools(1)[0]!;
  const baseOf = (ss: Sets) => ss.map((d) => score(d.rows, (r) => topK(r, current.methods, current.keep)));
  const keyOf = (ss: Sets, pool: string[], k: number, base = baseOf(ss)) =>
    ss.map((d) => score(d.rows, (r) => topK(r, pool, k))).reduce((q, s, i) => q + (s.smape / base[i]!.smape + s.mase / base[i]!.mase) / 2, 0) / ss.length;
  const base = baseOf(sets);
  console.log(`current ${current.methods.join(',')} keep ${current.keep}: ${sets.map((d, i) => `${d.n} ${fmt(base[i]!)}`).join('  ')}`);
  const names = autoCandidateNames().filter((k) => k !== 'snaive');
  const configs: { pool: string[]; k: number }[] = [];
  for (const pool of subsets(names, 3, 6)) {
    for (let k = 1; k <= pool.length; k++) if (!(k > 1 && k === pool.length && pool.length % 2 === 0)) configs.push({ pool, k });
  }
  const search = (ss: Sets) => {
    const b = baseOf(ss);
    return configs
      .map((c) => ({ label: `${c.pool.join(',')} keep ${c.k}`, key: keyOf(ss, c.pool, c.k, b), eval: (o: Sets) => keyOf(o, c.pool, c.k) }))
      .sort((a, b2) => a.key - b2.key);
  };
  report('yearly', search, sets);
} else {
  const sets = ['m3-quarterly', 'tourism-quarterly'].map((n) => ({ n, rows: rowsOf(n) }));
  const [p1, p2] = autoPools(4) as unknown as [Pool, Pool];
  type Cfg = { a: string[]; wa: number[]; b: string[] };
  const run = (ss: Sets, c: Cfg) =>
    ss.map((d) =>
      score(d.rows, (r) => {
        const x = wmedianPool(r, c.a, c.wa),
          y = wmedianPool(
            r,
            c.b,
            c.b.map(() => 1),
          );
        return x.map((v, i) => 0.5 * (v + y[i]!));
      }),
    );
  const start: Cfg = { a: [...p1.methods], wa: p1.methods.map((_, j) => p1.weights?.[j] ?? 1), b: [...p2.methods] };
  const keyOf = (ss: Sets, c: Cfg, base = run(ss, start)) =>
    run(ss, c).reduce((q, s, i) => q + (s.smape / base[i]!.smape + s.mase / base[i]!.mase) / 2, 0) / ss.length;
  const label = (c: Cfg) => `A ${c.a.join(',')} (w ${c.wa.join(',')}) B ${c.b.join(',')}`;
  const base = run(sets, start);
  console.log(`current ${label(start)}: ${sets.map((d, i) => `${d.n} ${fmt(base[i]!)}`).join('  ')}`);
  const names = autoCandidateNames();
  // Greedy single swaps / additions / removals / weight changes from the current pools until no move helps.
  const search = (ss: Sets) => {
    const b0 = run(ss, start);
    let best = { cfg: start, key: 1 };
    for (let round = 0; round < 4; round++) {
      const moves: Cfg[] = [];
      const { a, wa, b } = best.cfg;
      for (let i = 0; i < a.length; i++) {
        for (const nm of names) if (!a.includes(nm)) moves.push({ a: a.map((x, j) => (j === i ? nm : x)), wa, b });
        if (a.length > 2) moves.push({ a: a.filter((_, j) => j !== i), wa: wa.filter((_, j) => j !== i), b });
        for (const w of [1, 2, 3]) if (w !== wa[i]) moves.push({ a, wa: wa.map((x, j) => (j === i ? w : x)), b });
      }
      for (const nm of names) if (!a.includes(nm)) moves.push({ a: [...a, nm], wa: [...wa, 1], b });
      for (let i = 0; i < b.length; i++) {
        for (const nm of names) if (!b.includes(nm)) moves.push({ a, wa, b: b.map((x, j) => (j === i ? nm : x)) });
        if (b.length > 2) moves.push({ a, wa, b: b.filter((_, j) => j !== i) });
      }
      for (const nm of names) if (!b.includes(nm)) moves.push({ a, wa, b: [...b, nm] });
      let improved = false;
      for (const cfg of moves) {
        const k = keyOf(ss, cfg, b0);
        if (k < best.key - 1e-4) {
          best = { cfg, key: k };
          improved = true;
        }
      }
      if (!improved) break;
    }
    return [{ label: label(best.cfg), key: best.key, eval: (o: Sets) => keyOf(o, best.cfg) }];
  };
  report('quarterly', search, sets);
}
