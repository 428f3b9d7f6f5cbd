/**
 * Scratch: score combination rules on the cache of tune-research.ts.
 * Usage: tsx bench/tune-research-combos.ts <dataset-substring> "rule;rule"
 * rule = kind:cand,cand[:k]  kind ∈ median, mean, top (median of best k by cv), inv (1/cv weights), inv2, search (all subsets median/mean up to 5)
 */
import { readFileSync, existsSync } from 'node:fs';
const sets = ['m3-yearly', 'm3-quarterly', 'tourism-yearly', 'tourism-quarterly'].filter(
  (d) => d.includes(process.argv[2] ?? '') && existsSync(`/tmp/h1b/${d}.json`),
);
const rules = (process.argv[3] ?? '').split(';').filter(Boolean);
const med = (v: number[]) => {
  v.sort((a, b) => a - b);
  const k = v.length;
  return k % 2 ? v[(k - 1) / 2] : (v[k / 2 - 1] + v[k / 2]) / 2;
};
type Row = { test: number[]; sc: number; fc: Record<string, number[]>; cv: Record<string, number>; cv1: Record<string, number>; n: number };
function combine(r: Row, kind: string, c: string[], k: number): number[] {
  const H = r.test.length;
  const cvk = process.env.CV1 ? r.cv1 : r.cv;
  if (kind === 'median') return Array.from({ length: H }, (_, i) => med(c.map((x) => r.fc[x][i])));
  if (kind === 'tmean')
    return Array.from({ length: H }, (_, i) => {
      const v = c
        .map((x) => r.fc[x][i])
        .sort((a, b) => a - b)
        .slice(k || 1, -(k || 1));
      return v.reduce((a, b) => a + b, 0) / v.length;
    });
  if (kind === 'mean') return Array.from({ length: H }, (_, i) => c.reduce((s, x) => s + r.fc[x][i], 0) / c.length);
  if (kind === 'top') {
    const s = [...c].sort((a, b) => cvk[a] - cvk[b]).slice(0, k);
    return Array.from({ length: H }, (_, i) => med(s.map((x) => r.fc[x][i])));
  }
  if (kind === 'topmean') {
    const s = [...c].sort((a, b) => cvk[a] - cvk[b]).slice(0, k);
    return Array.from({ length: H }, (_, i) => s.reduce((q, x) => q + r.fc[x][i], 0) / s.length);
  }
  if (kind === 'inv' || kind === 'inv2') {
    const p = kind === 'inv' ? 1 : 2;
    const s = [...c].sort((a, b) => cvk[a] - cvk[b]).slice(0, k || c.length);
    const w = s.map((x) => 1 / Math.max(1e-6, cvk[x]) ** p);
    const W = w.reduce((a, b) => a + b, 0);
    return Array.from({ length: H }, (_, i) => s.reduce((q, x, j) => q + (w[j] / W) * r.fc[x][i], 0));
  }
  throw new Error(kind);
}
function score(rows: Row[], f: (r: Row) => number[]) {
  let sm = 0,
    ma = 0;
  for (const r of rows) {
    const p = f(r);
    let a = 0,
      b = 0;
    r.test.forEach((y, i) => {
      a += (200 * Math.abs(y - p[i])) / (Math.abs(y) + Math.abs(p[i]));
      b += Math.abs(y - p[i]) / r.sc;
    });
    sm += a / r.test.length;
    ma += b / r.test.length;
  }
  return { smape: sm / rows.length, mase: ma / rows.length };
}
const data = Object.fromEntries(sets.map((d) => [d, JSON.parse(readFileSync(`/tmp/h1b/${d}.json`, 'utf8')) as Row[]]));
for (const rule of rules) {
  const [kind, list, kk] = rule.split(':');
  const c = list.split(',');
  if (kind.startsWith('search')) {
    const sub = kind.slice(6) || 'median';
    const maxK = Number(kk ?? 5);
    const res: { c: string[]; tot: number; txt: string }[] = [];
    const recur = (start: number, cur: string[]) => {
      if (cur.length > 0 && (sub !== 'median' || cur.length % 2 === 1 || process.env.EVEN) && cur.length >= Number(process.env.MINK ?? 1)) {
        let tot = 0;
        const txt: string[] = [];
        for (const d of sets) {
          const s = score(data[d], (r) => combine(r, sub, cur, Math.max(1, cur.length - Number(process.env.DROP ?? 0))));
          tot += s.smape / 16 + s.mase / 2.5;
          txt.push(`${d} ${s.smape.toFixed(3)}/${s.mase.toFixed(3)}`);
        }
        res.push({ c: [...cur], tot, txt: txt.join('  ') });
      }
      if (cur.length === maxK) return;
      for (let i = start; i < c.length; i++) recur(i + 1, [...cur, c[i]]);
    };
    recur(0, []);
    res.sort((a, b) => a.tot - b.tot);
    for (const r of res.slice(0, Number(process.env.SHOWN ?? 10))) console.log(`${sub}(${r.c.join(',')})`.padEnd(60), r.txt);
    continue;
  }
  const [cs, cn] = list.split('|').map((x) => x.split(','));
  if (kind === 'avgmed' || kind === 'xavg') {
    const A = cs;
    const subsets: string[][] = [];
    if (kind === 'avgmed') subsets.push(cn);
    else {
      const rec = (st: number, cur: string[]) => {
        if (cur.length % 2 === 1) subsets.push([...cur]);
        if (cur.length === Number(kk ?? 5)) return;
        for (let i = st; i < cn.length; i++) rec(i + 1, [...cur, cn[i]]);
      };
      rec(0, []);
    }
    const res = subsets.map((B) => {
      let tot = 0;
      const txt = sets.map((d) => {
        const s = score(data[d], (r) => {
          const a = combine(r, 'median', A, 0);
          const b = combine(r, 'median', B, 0);
          return a.map((v, i) => (v + b[i]) / 2);
        });
        tot += s.smape / 16 + s.mase / 2.5;
        return `${d} ${s.smape.toFixed(3)}/${s.mase.toFixed(3)}`;
      });
      return { B, tot, txt: txt.join('  ') };
    });
    res.sort((a, b) => a.tot - b.tot);
    for (const r of res.slice(0, Number(process.env.SHOWN ?? 10))) console.log(('avg2|' + r.B.join(',')).padEnd(60), r.txt);
    continue;
  }
  if (kind === 'avgtop') {
    const txt = sets.map((d) => {
      const s = score(data[d], (r) => {
        const a = combine(r, 'top', cs, Number(kk));
        const b = combine(r, 'median', cn, 0);
        return a.map((v, i) => (v + b[i]) / 2);
      });
      return `${d} ${s.smape.toFixed(3)}/${s.mase.toFixed(3)}`;
    });
    console.log(rule.padEnd(60), txt.join('  '));
    continue;
  }
  const txt = sets.map((d) => {
    const s = score(data[d], (r) => combine(r, kind, cn && !(r as any).seasonal ? cn : cs, Number(kk ?? 0)));
    return `${d} ${s.smape.toFixed(3)}/${s.mase.toFixed(3)}`;
  });
  console.log(rule.padEnd(60), txt.join('  '));
}
