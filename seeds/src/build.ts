/**
 * Assemble the seed dataset (official + modelled rows) and split it into
 * compact CSV files. Pure: no I/O, so tests can rebuild and compare with the
 * committed files byte for byte.
 */
import type { Observation } from '@lmo/models';
import { toLongCsv } from '@lmo/models/data/long-format';
import { PROVINCES, SECTION_CODES, SOCIO_ECONOMIC_REGIONS, QUALIFICATION_LEVELS } from '@lmo/models/labour/codes';
import { EMPLOYMENT_YEARS, FLOW_YEARS, MODELLED_SOURCE, SEED } from './assumptions';
import { buildEmployment, cellIndex, nationalEmployment, P, Q, S } from './employment';
import { buildFlows } from './flows';
import { buildFields } from './fields';
import { officialRows, officialValue } from './official';
import { largestRemainder } from './rounding';
import { createRng } from './prng';

/** Largest CSV file we write (bytes); the brief's limit is 1.5 MB. */
const MAX_FILE_BYTES = 1_350_000;
const REGION_CODES = SOCIO_ECONOMIC_REGIONS.map((r) => r.code);
const UNEMPLOYMENT_TILT: Record<string, number> = { NMM: 0.6, RRD: 1.0, NCCC: 1.0, CH: 0.8, SE: 1.25, MRD: 1.15 };

export interface SeedFile {
  name: string;
  text: string;
  rows: number;
}

function m(indicator: string, year: number | string, region: string, sector: string, qualification: string, value: number, source = MODELLED_SOURCE): Observation {
  return { indicator, period: String(year), region, sector, qualification, value, unit: 'persons', source, status: 'modelled' };
}

/** Every seed row, official first, in a fixed order. */
export function buildSeedRows(): { official: Observation[]; modelled: Observation[] } {
  const rng = createRng(SEED);
  const { years } = buildEmployment(rng);
  const flows = buildFlows(years, FLOW_YEARS, REGION_CODES, rng);
  const fields = buildFields(years, flows);
  const out: Observation[] = [];
  const regionOfP = PROVINCES.map((p) => REGION_CODES.indexOf(p.parent!));

  for (const { year, cells } of years) {
    const nat = nationalEmployment(year);
    if (!nat.official) out.push(m('employment', year, 'VN', 'TOTAL', 'ALL', nat.value, `${MODELLED_SOURCE}: back-cast to the 2021 LFS basis`));
    const sec = new Array<number>(S).fill(0);
    const natQ = new Array<number>(Q).fill(0);
    const reg = REGION_CODES.map(() => ({ total: 0, q: new Array<number>(Q).fill(0), s: new Array<number>(S).fill(0) }));
    const prov = new Array<number>(P).fill(0);
    for (let p = 0; p < P; p++) {
      for (let s = 0; s < S; s++) {
        for (let q = 0; q < Q; q++) {
          const v = cells[cellIndex(p, s, q)];
          sec[s] += v;
          natQ[q] += v;
          prov[p] += v;
          const r = reg[regionOfP[p]];
          r.total += v;
          r.q[q] += v;
          r.s[s] += v;
        }
      }
    }
    const broad = { A: sec[0], 'B-F': sec.slice(1, 6).reduce((a, b) => a + b, 0), 'G-U': sec.slice(6).reduce((a, b) => a + b, 0) };
    for (const [code, v] of Object.entries(broad)) {
      if (officialValue('employment', String(year), 'VN', code) === undefined) out.push(m('employment', year, 'VN', code, 'ALL', v));
    }
    SECTION_CODES.forEach((code, s) => s > 0 && out.push(m('employment', year, 'VN', code, 'ALL', sec[s])));
    QUALIFICATION_LEVELS.forEach((q, qi) => out.push(m('employment', year, 'VN', 'TOTAL', q, natQ[qi])));
    REGION_CODES.forEach((rc, ri) => {
      out.push(m('employment', year, rc, 'TOTAL', 'ALL', reg[ri].total));
      QUALIFICATION_LEVELS.forEach((q, qi) => out.push(m('employment', year, rc, 'TOTAL', q, reg[ri].q[qi])));
      SECTION_CODES.forEach((code, s) => out.push(m('employment', year, rc, code, 'ALL', reg[ri].s[s])));
    });
    PROVINCES.forEach((pr, p) => out.push(m('employment', year, pr.code, 'TOTAL', 'ALL', prov[p])));
    PROVINCES.forEach((pr, p) => SECTION_CODES.forEach((code, s) => QUALIFICATION_LEVELS.forEach((q, qi) => {
      out.push(m('employment', year, pr.code, code, q, cells[cellIndex(p, s, qi)]));
    })));
    for (const f of fields) pushField(out, 'employment', year, f.field.code, f.hubs, f.employment.get(year)!, 0);
  }

  for (const fy of flows) {
    for (const [indicator, data, from] of [['graduates', fy.graduates, 1], ['exits', fy.exits, 0]] as const) {
      const natQ = new Array<number>(Q).fill(0);
      for (let i = 0; i < data.length; i++) natQ[i % Q] += data[i];
      out.push(m(indicator, fy.year, 'VN', 'TOTAL', 'ALL', natQ.reduce((a, b) => a + b, 0)));
      for (let q = from; q < Q; q++) out.push(m(indicator, fy.year, 'VN', 'TOTAL', QUALIFICATION_LEVELS[q], natQ[q]));
      PROVINCES.forEach((pr, p) => SECTION_CODES.forEach((code, s) => {
        for (let q = from; q < Q; q++) out.push(m(indicator, fy.year, pr.code, code, QUALIFICATION_LEVELS[q], data[cellIndex(p, s, q)]));
      }));
      for (const f of fields) {
        const src = indicator === 'graduates' ? f.graduates : f.exits;
        pushField(out, indicator, fy.year, f.field.code, f.hubs, src.get(fy.year)!, from);
      }
    }
    let vn = 0;
    REGION_CODES.forEach((rc, r) => {
      let rt = 0;
      for (let s = 0; s < S; s++) rt += fy.vacancies[r * S + s];
      vn += rt;
      out.push(m('vacancies', fy.year, rc, 'TOTAL', 'ALL', rt));
      SECTION_CODES.forEach((code, s) => out.push(m('vacancies', fy.year, rc, code, 'ALL', fy.vacancies[r * S + s])));
    });
    out.push(m('vacancies', fy.year, 'VN', 'TOTAL', 'ALL', vn));
  }

  out.push(...supplyRows(years));
  return { official: officialRows(), modelled: out };
}

/** Field rows: hub × level leaves, hub totals, national by level and total. */
function pushField(out: Observation[], indicator: string, year: number, code: string, hubs: string[], cells: number[], from: number) {
  const natQ = new Array<number>(Q).fill(0);
  let nat = 0;
  hubs.forEach((h, hi) => {
    let ht = 0;
    for (let q = from; q < Q; q++) {
      const v = cells[hi * Q + q];
      ht += v;
      natQ[q] += v;
    }
    nat += ht;
    out.push(m(indicator, year, h, code, 'ALL', ht));
    for (let q = from; q < Q; q++) out.push(m(indicator, year, h, code, QUALIFICATION_LEVELS[q], cells[hi * Q + q]));
  });
  out.push(m(indicator, year, 'VN', code, 'ALL', nat));
  for (let q = from; q < Q; q++) out.push(m(indicator, year, 'VN', code, QUALIFICATION_LEVELS[q], natQ[q]));
}

/**
 * Labour force and unemployed (15+) by region, new basis: national labour
 * force official except 2024 (interpolated); unemployed = labour force −
 * employment; regional split by employment × a regional unemployment tilt (U).
 */
function supplyRows(years: { year: number; cells: Int32Array }[]): Observation[] {
  const out: Observation[] = [];
  for (const year of [2021, 2022, 2023, 2024, 2025]) {
    let lf = officialValue('labour_force', String(year));
    if (lf === undefined) {
      lf = (officialValue('labour_force', String(year - 1))! + officialValue('labour_force', String(year + 1))!) / 2;
      out.push(m('labour_force', year, 'VN', 'TOTAL', 'ALL', lf, `${MODELLED_SOURCE}: interpolated between GSO ${year - 1} and ${year + 1}`));
    }
    const emp = nationalEmployment(year).value;
    const unemployed = lf - emp;
    out.push(m('unemployed', year, 'VN', 'TOTAL', 'ALL', unemployed, `${MODELLED_SOURCE}: GSO labour force minus GSO employment`));
    const cells = years.find((y) => y.year === year)!.cells;
    const regEmp = REGION_CODES.map(() => 0);
    for (let p = 0; p < P; p++) {
      const r = REGION_CODES.indexOf(PROVINCES[p].parent!);
      for (let k = 0; k < S * Q; k++) regEmp[r] += cells[p * S * Q + k];
    }
    const regUn = largestRemainder(REGION_CODES.map((rc, r) => regEmp[r] * UNEMPLOYMENT_TILT[rc]), unemployed);
    REGION_CODES.forEach((rc, r) => {
      out.push(m('labour_force', year, rc, 'TOTAL', 'ALL', regEmp[r] + regUn[r]));
      out.push(m('unemployed', year, rc, 'TOTAL', 'ALL', regUn[r]));
    });
  }
  return out;
}

/**
 * Split rows into files: `official.csv`, then per indicator group files of
 * consecutive periods, each under MAX_FILE_BYTES.
 */
export function buildSeedFiles(): SeedFile[] {
  const { official, modelled } = buildSeedRows();
  const files: SeedFile[] = [{ name: 'official.csv', text: toLongCsv(official), rows: official.length }];
  const groups: [string, (o: Observation) => boolean][] = [
    ['employment', (o) => o.indicator === 'employment'],
    ['graduates', (o) => o.indicator === 'graduates'],
    ['exits', (o) => o.indicator === 'exits'],
    ['vacancies', (o) => o.indicator === 'vacancies'],
    ['supply', (o) => o.indicator === 'labour_force' || o.indicator === 'unemployed'],
  ];
  for (const [name, pick] of groups) {
    const rows = modelled.filter(pick);
    const periods = [...new Set(rows.map((r) => r.period))];
    const byPeriod = new Map(periods.map((p) => [p, rows.filter((r) => r.period === p)]));
    const chunks: string[][] = [];
    let cur: string[] = [];
    let size = 0;
    for (const p of periods) {
      const bytes = Buffer.byteLength(toLongCsv(byPeriod.get(p)!));
      if (cur.length && size + bytes > MAX_FILE_BYTES) {
        chunks.push(cur);
        cur = [];
        size = 0;
      }
      cur.push(p);
      size += bytes;
    }
    if (cur.length) chunks.push(cur);
    for (const ch of chunks) {
      const part = ch.flatMap((p) => byPeriod.get(p)!);
      const suffix = chunks.length === 1 ? '' : ch.length === 1 ? `-${ch[0]}` : `-${ch[0]}-${ch[ch.length - 1]}`;
      files.push({ name: `modelled-${name}${suffix}.csv`, text: toLongCsv(part), rows: part.length });
    }
  }
  return files;
}

export { EMPLOYMENT_YEARS, FLOW_YEARS };
