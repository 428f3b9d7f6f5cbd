/* Dev check (not a test): node --import tsx bench/system-check.ts (from models/) [dir…] — prints the system on seed files. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { parseLongCsv } from '../src/data/long-format';
import type { Observation } from '../src/data/observation';
import { computeOutlook } from '../src/labour/outlook';
import { computeBase } from '../src/labour/base';

const dirs = process.argv.slice(2);
const files = (dirs.length ? dirs : ['../seeds/data']).flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith('.csv'))
    .sort((a, b) => Number(b.startsWith('official')) - Number(a.startsWith('official')) || a.localeCompare(b))
    .map((f) => join(d, f)),
);
// Seeds are being rewritten: on a duplicate cell the official file wins (files are read official first).
const seen = new Set<string>();
const obs: Observation[] = [];
for (const file of files) {
  const r = parseLongCsv(readFileSync(file, 'utf8'));
  if (!r.ok) {
    console.log(`skipped ${file}: ${r.errors[0].message.slice(0, 80)}`);
    continue;
  }
  for (const o of r.rows) {
    const k = `${o.indicator}|${o.period}|${o.region}|${o.sector}|${o.qualification}`;
    if (seen.has(k)) continue;
    seen.add(k);
    obs.push(o);
  }
}
const t0 = performance.now();
const set = computeOutlook(obs, { gapHorizons: [1, 5, 10], scenarioForecasts: 'baseline' });
const ms = performance.now() - t0;
const o = set.outlooks.baseline;
const f = (ind: string, sec = 'TOTAL') => o.forecasts.find((x) => x.indicator === ind && x.region === 'VN' && x.sector === sec && x.qualification === 'ALL');
const m = (x: number) => (x / 1e6).toFixed(2);
const e = f('employment');
const lf = f('labour_force');
const ur = f('unemployment_rate');
console.log('base year', set.baseYear, 'rows', obs.length, 'computeOutlook ms', Math.round(ms), JSON.stringify(set.timingMs));
const sys0 = computeBase(obs, {}).system; // refit once more for the system diagnostics (not timed)
const [A, BF, GU] = ['A', 'B-F', 'G-U'].map((sec) => f('employment', sec));
const at = (c: typeof e, p: string) => {
  const i = c?.forecast.periods.indexOf(p) ?? -1;
  return i >= 0 ? m(c!.forecast.mean[i]) : c && c.history.at(-1)?.period === p ? m(c.history.at(-1)!.value) : '-';
};
console.log('u_min', sys0 ? (100 * sys0.minUnemploymentRate).toFixed(2) + ' %' : '-', 'capped years', sys0?.cappedYears.join(',') || 'none');
console.log('year  employment  LF  u%(system)  demand-before-cap  A  B-F  G-U');
console.log(
  String(set.baseYear),
  at(e, String(set.baseYear)),
  at(lf, String(set.baseYear)),
  ur?.history.at(-1)?.period === String(set.baseYear) ? `${ur.history.at(-1)!.value} (official)` : '-',
  '-',
  at(A, String(set.baseYear)),
  at(BF, String(set.baseYear)),
  at(GU, String(set.baseYear)),
);
e?.forecast.periods.forEach((p, i) => {
  const k = ur?.forecast.periods.indexOf(p) ?? -1;
  const d = sys0?.demandBeforeCap?.[Number(p) - set.baseYear - 1];
  console.log(p, m(e.forecast.mean[i]), at(lf, p), k >= 0 ? ur!.forecast.mean[k].toFixed(2) : '-', d ? m(d) : '-', at(A, p), at(BF, p), at(GU, p));
});
const a = A;
const aEnd = a?.forecast.mean.at(-1);
console.log(
  'agriculture base',
  a ? m(a.history.at(-1)!.value) : '-',
  '→ end',
  aEnd !== undefined ? m(aEnd) : '-',
  a && aEnd !== undefined ? `(${((aEnd - a.history.at(-1)!.value) / 1e6 / a.forecast.mean.length).toFixed(3)} m/yr)` : '',
);
console.log(
  'unemployment rate history tail',
  ur?.history
    .slice(-5)
    .map((p) => `${p.period}:${p.value}`)
    .join(' '),
);

if (process.env.DEBUG) {
  const b = computeBase(obs, {});
  const sys = b.system!;
  console.log('system years', sys.years[0], '…', sys.years.at(-1), 'capped', sys.cappedYears.join(','), 'u_min', sys.minUnemploymentRate);
  console.log('LF', sys.labourForce.mean.map((v) => m(v)).join(' '));
  console.log('E ', sys.employment.mean.map((v) => m(v)).join(' '));
  console.log('ret', sys.retirementRate.map((v) => v.toFixed(4)).join(' '), 'death', sys.deathRate.map((v) => v.toFixed(4)).join(' '));
  console.log('entrants', sys.lfEntrants.map(m).join(' '), 'exits', sys.lfExits.map(m).join(' '));
  console.log('entryMix', JSON.stringify(sys.entryMix), 'replByLevel', JSON.stringify(sys.replacementByLevel), 'splice', JSON.stringify(sys.splice));
  for (const me of sys.methods) console.log('-', me.id, me.en);
  const g = b.main!.grid;
  for (const n of g.nodes)
    if (n.region === 'VN' && n.qualification === 'ALL' && g.reconciler.dims[1].bottom.includes(n.sector))
      console.log(n.sector, m(n.base), '→', m(n.mean.at(-1)!), n.history.map((p) => m(p.value)).join(' '));
}
