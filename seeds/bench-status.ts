/**
 * Where the seed rows come from: rows and share by status (official,
 * international, survey, modelled, illustrative), overall and per file, and
 * the issue-11 target check "every national series and province total
 * 2010–2016 official". Run: pnpm --filter @lmo/seeds bench
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { OBSERVATION_STATUSES, type Observation } from '@lmo/models';
import { parseLongCsv } from '@lmo/models/data';
import { getSector, PROVINCES } from '@lmo/models/codes';
import { SEED_FILES } from './src/index';

const YEARS = ['2010', '2011', '2012', '2013', '2014', '2015', '2016'];
const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)} %`;

const all: Observation[] = [];
const perFile: { name: string; counts: Record<string, number>; rows: number }[] = [];
for (const f of SEED_FILES) {
  const r = parseLongCsv(readFileSync(f, 'utf8'), { now: new Date('2026-01-01T00:00:00Z') });
  if (!r.ok) throw new Error(`${basename(f)}:${r.errors[0].line}: ${r.errors[0].message}`);
  const counts: Record<string, number> = {};
  for (const o of r.rows) counts[o.status] = (counts[o.status] ?? 0) + 1;
  perFile.push({ name: basename(f), counts, rows: r.rows.length });
  all.push(...r.rows);
}

const total: Record<string, number> = {};
for (const o of all) total[o.status] = (total[o.status] ?? 0) + 1;
console.log(`Seed rows: ${all.length} in ${SEED_FILES.length} files`);
for (const s of OBSERVATION_STATUSES) console.log(`  ${s.padEnd(14)} ${String(total[s] ?? 0).padStart(8)}  ${pct(total[s] ?? 0, all.length).padStart(7)}`);
console.log('\nPer file:');
for (const f of perFile) {
  const parts = OBSERVATION_STATUSES.filter((s) => f.counts[s]).map((s) => `${s} ${f.counts[s]} (${pct(f.counts[s], f.rows)})`);
  console.log(`  ${f.name.padEnd(40)} ${String(f.rows).padStart(7)}  ${parts.join(', ')}`);
}

// National series: every VN cell of 2010–2016 at qualification ALL (totals, sections, groups, occupations, rates),
// except the ministry's new fields (semiconductors, …): GSO publishes no series for them, so they are illustrative by design.
const isNewField = (s: string) => getSector(s)?.level === 'field';
const national = all.filter((o) => o.region === 'VN' && YEARS.includes(o.period) && o.qualification === 'ALL' && !isNewField(o.sector));
const newFields = all.filter((o) => o.region === 'VN' && YEARS.includes(o.period) && o.qualification === 'ALL' && isNewField(o.sector));
const nationalBad = national.filter((o) => o.status !== 'official' && o.status !== 'international');
// Province totals: labour force and population of each of the 34 units, each year.
const index = new Map(all.map((o) => [`${o.indicator}|${o.period}|${o.region}|${o.sector}|${o.qualification}`, o]));
const provinceBad: string[] = [];
for (const ind of ['labour_force', 'population']) {
  for (const p of PROVINCES) {
    for (const y of YEARS) {
      const o = index.get(`${ind}|${y}|${p.code}|TOTAL|ALL`);
      if (!o || o.status !== 'official') provinceBad.push(`${ind} ${p.code} ${y}: ${o ? o.status : 'missing'}`);
    }
  }
}
console.log(
  `\nNational cells 2010–2016 (VN, qualification ALL): ${national.length}, not official/international: ${nationalBad.length}` +
    (nationalBad.length
      ? ` (e.g. ${nationalBad
          .slice(0, 3)
          .map((o) => `${o.indicator} ${o.sector} ${o.period} ${o.status}`)
          .join('; ')})`
      : ''),
);
console.log(
  `  (new fields left out of the check: ${newFields.length} VN cells, ${[...new Set(newFields.map((o) => o.status))].join('/') || 'none'}; no GSO series exists)`,
);
console.log(
  `Province totals 2010–2016 (labour force, population × 34 units × 7 years): ${2 * PROVINCES.length * YEARS.length - provinceBad.length} official` +
    (provinceBad.length ? `, not: ${provinceBad.slice(0, 3).join('; ')}` : ''),
);
console.log(`every national series and province total 2010–2016 official: ${nationalBad.length === 0 && provinceBad.length === 0 ? 'yes' : 'no'}`);
