// TEMPORARY (GEN helper): mock anchor file until SEEDS writes the real ones. Deleted before the report.
import { readFileSync, writeFileSync } from 'node:fs';
import { FORMER_PROVINCES, PROVINCES, SECTION_CODES } from '@lmo/models/labour/codes';
import { foldKey } from '@lmo/models/labour/codes-normalize';
const D = '/work/shared/reference/data/gso_pxweb/Population_and_Employment/';
const read = (f: string) => readFileSync(D + f, 'utf8').replace(/^\uFEFF/, '').split('\n').slice(3).filter(Boolean).map((l) => l.split(';').map((c) => c.replace(/"/g, '').trim()));
const byName = new Map(FORMER_PROVINCES.map((f) => [foldKey(f.en), f]));
const out: string[] = ['indicator,period,region,sector,qualification,value,unit,source,status'];
const years = [2010, 2011, 2012, 2013, 2014, 2015, 2016];
const lf = read('Labour force at 15 years of age and above by province.csv');
const ts = read('Percentage of trained employed workers at 15 years of age and above by province.csv');
const lfP = new Map<string, Map<number, number>>();
const tsP = new Map<string, Map<number, number>>();
for (const r of lf) { const f = byName.get(foldKey(r[0])); if (!f) continue; years.forEach((y, i) => { const v = Number(r[5 + i]); if (!isNaN(v)) { const m = lfP.get(f.current) ?? new Map(); m.set(y, (m.get(y) ?? 0) + v); lfP.set(f.current, m); } }); }
const lfF = new Map<string, number[]>();
for (const r of lf) { const f = byName.get(foldKey(r[0])); if (f) lfF.set(f.code, years.map((_, i) => Number(r[5 + i]))); }
for (const r of ts) { const f = byName.get(foldKey(r[0])); if (!f) continue; years.forEach((y, i) => { const v = Number(r[3 + i]); const w = lfF.get(f.code)![i]; const m = tsP.get(f.current) ?? new Map(); m.set(y, (m.get(y) ?? 0) + v * w); tsP.set(f.current, m); }); }
const missing = [...FORMER_PROVINCES].filter((f) => !lfF.has(f.code)).map((f) => f.en); if (missing.length) console.error('unmatched', missing);
for (const p of PROVINCES) for (const y of years) {
  out.push(`labour_force,${y},${p.code},TOTAL,ALL,${Math.round(lfP.get(p.code)!.get(y)! * 1000)},persons,MOCK GSO PX-Web,official`);
  out.push(`trained_share_certified,${y},${p.code},TOTAL,ALL,${(tsP.get(p.code)!.get(y)! / lfP.get(p.code)!.get(y)!).toFixed(2)},percent,MOCK GSO PX-Web,modelled`);
}
const sec = read('Annual employed population and annual employed population at 15 years of age and above by kinds of economic activity.csv');
sec.forEach((r, i) => years.forEach((y, k) => out.push(`employment,${y},VN,${i === 0 ? 'TOTAL' : SECTION_CODES[i - 1]},ALL,${Math.round(Number(r[5 + k]) * 1000)},persons,MOCK GSO PX-Web,official`)));
const q = read('Percentage of trained employed workers at 15 years of age and above by qualification.csv');
const qc = ['ALL', 'none', 'elementary', 'intermediate', 'college', 'university'];
q.forEach((r, i) => years.forEach((y, k) => { const v = Number(r[2 + k]); if (!isNaN(v)) out.push(`trained_share_certified,${y},VN,TOTAL,${qc[i]},${v},percent,MOCK GSO PX-Web,official`); }));
writeFileSync('/tmp/genmock/official-mock.csv', out.join('\n') + '\n');
console.log(out.length);
