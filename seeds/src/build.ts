/**
 * Assemble the illustrative seed rows (generated where no real data exist,
 * anchored to the real seed rows) and split them into compact CSV files.
 * Pure: the anchors come in as an argument, so tests can rebuild and compare
 * with the committed files byte for byte.
 *
 * Conflict rule: no generated row may take a cell (indicator, period, region,
 * sector, qualification) that a real seed file already holds; aggregates that
 * GSO publishes are therefore left out, and a generated leaf that collides is
 * an error.
 */
import type { Observation } from '@lmo/models';
import { toLongCsv } from '@lmo/models/data';
import { PROVINCES, SECTION_CODES, SOCIO_ECONOMIC_REGIONS, QUALIFICATION_LEVELS, getSector } from '@lmo/models/codes';
import { cellKey, interpolate, type Anchors } from './anchors';
import { EMPLOYMENT_YEARS, FLOW_YEARS, SEED, illustrativeSource } from './assumptions';
import { buildEmployment, cellIndex, P, Q, S, type EmploymentBuild, type EmploymentYear } from './employment';
import { buildFlows } from './flows';
import { buildFields } from './fields';
import { employmentAnchor } from './national';
import { largestRemainder } from './rounding';
import { createRng } from './prng';

/** Largest CSV file we write (bytes); every committed file stays under 2 MB. */
const MAX_FILE_BYTES = 1_900_000;
const REGION_CODES = SOCIO_ECONOMIC_REGIONS.map((r) => r.code);
const PROVINCE_CODES = new Set(PROVINCES.map((p) => p.code));
const UNEMPLOYMENT_TILT: Record<string, number> = { NMM: 0.6, RRD: 1.0, NCCC: 1.0, CH: 0.8, SE: 1.25, MRD: 1.15 };

export interface SeedFile {
  name: string;
  text: string;
  rows: number;
}

/** One generated row. */
function g(indicator: string, year: number | string, region: string, sector: string, qualification: string, value: number, anchor: string): Observation {
  return { indicator, period: String(year), region, sector, qualification, value, unit: 'persons', source: illustrativeSource(anchor), status: 'illustrative' };
}

export interface SeedRows {
  /** Generated rows, in a fixed order, none of them in a real seed file. */
  illustrative: Observation[];
  /** Generated aggregates left out because a real seed file holds the cell. */
  skipped: Observation[];
  /** The employment cells and their anchors (for the calibration report). */
  employment: EmploymentBuild;
}

/** Every generated row, in a fixed order, minus the cells the anchors hold. */
export function buildSeedRows(anchors: Anchors): SeedRows {
  const rng = createRng(SEED);
  const emp = buildEmployment(rng, anchors);
  const { years } = emp;
  const flows = buildFlows(years, FLOW_YEARS, REGION_CODES, rng);
  const fields = buildFields(years, flows);
  const out: Observation[] = [];
  const regionOfP = PROVINCES.map((p) => REGION_CODES.indexOf(p.parent!));

  for (const { year, cells } of years) {
    const n = emp.national.find((x) => x.year === year)!;
    const anchor = employmentAnchor(n, emp.provinces.lfYears.includes(year));
    const m = (region: string, sector: string, q: string, v: number) => g('employment', year, region, sector, q, v, anchor);
    out.push(m('VN', 'TOTAL', 'ALL', n.total));
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
    for (const [code, v] of Object.entries(broad)) out.push(m('VN', code, 'ALL', v));
    SECTION_CODES.forEach((code, s) => s > 0 && out.push(m('VN', code, 'ALL', sec[s])));
    QUALIFICATION_LEVELS.forEach((q, qi) => out.push(m('VN', 'TOTAL', q, natQ[qi])));
    REGION_CODES.forEach((rc, ri) => {
      out.push(m(rc, 'TOTAL', 'ALL', reg[ri].total));
      QUALIFICATION_LEVELS.forEach((q, qi) => out.push(m(rc, 'TOTAL', q, reg[ri].q[qi])));
      SECTION_CODES.forEach((code, s) => out.push(m(rc, code, 'ALL', reg[ri].s[s])));
    });
    PROVINCES.forEach((pr, p) => out.push(m(pr.code, 'TOTAL', 'ALL', prov[p])));
    PROVINCES.forEach((pr, p) =>
      SECTION_CODES.forEach((code, s) =>
        QUALIFICATION_LEVELS.forEach((q, qi) => {
          out.push(m(pr.code, code, q, cells[cellIndex(p, s, qi)]));
        }),
      ),
    );
    for (const f of fields) pushField(out, 'employment', year, f.field.code, f.hubs, f.employment.get(year)!, 0);
  }

  const FLOW_ANCHOR = {
    graduates: 'designed graduates-per-opening ratios (no GSO series by level and field)',
    exits: 'designed exit rates by level and section (no GSO series)',
  };
  for (const fy of flows) {
    for (const [indicator, data, from] of [
      ['graduates', fy.graduates, 1],
      ['exits', fy.exits, 0],
    ] as const) {
      const a = FLOW_ANCHOR[indicator];
      const natQ = new Array<number>(Q).fill(0);
      for (let i = 0; i < data.length; i++) natQ[i % Q] += data[i];
      out.push(
        g(
          indicator,
          fy.year,
          'VN',
          'TOTAL',
          'ALL',
          natQ.reduce((x, y) => x + y, 0),
          a,
        ),
      );
      for (let q = from; q < Q; q++) out.push(g(indicator, fy.year, 'VN', 'TOTAL', QUALIFICATION_LEVELS[q], natQ[q], a));
      PROVINCES.forEach((pr, p) =>
        SECTION_CODES.forEach((code, s) => {
          for (let q = from; q < Q; q++) out.push(g(indicator, fy.year, pr.code, code, QUALIFICATION_LEVELS[q], data[cellIndex(p, s, q)], a));
        }),
      );
      for (const f of fields) {
        const src = indicator === 'graduates' ? f.graduates : f.exits;
        pushField(out, indicator, fy.year, f.field.code, f.hubs, src.get(fy.year)!, from);
      }
    }
    const a = 'designed vacancy rates by section (no GSO vacancy series)';
    let vn = 0;
    REGION_CODES.forEach((rc, r) => {
      let rt = 0;
      for (let s = 0; s < S; s++) rt += fy.vacancies[r * S + s];
      vn += rt;
      out.push(g('vacancies', fy.year, rc, 'TOTAL', 'ALL', rt, a));
      SECTION_CODES.forEach((code, s) => out.push(g('vacancies', fy.year, rc, code, 'ALL', fy.vacancies[r * S + s], a)));
    });
    out.push(g('vacancies', fy.year, 'VN', 'TOTAL', 'ALL', vn, a));
  }

  out.push(...supplyRows(anchors, years));
  return { ...applyConflictRule(out, anchors), employment: emp };
}

/** Drop generated aggregates that a real seed file holds; a colliding leaf is an error. */
function applyConflictRule(rows: Observation[], anchors: Anchors): Omit<SeedRows, 'employment'> {
  const illustrative: Observation[] = [];
  const skipped: Observation[] = [];
  for (const o of rows) {
    if (!anchors.has(cellKey(o))) illustrative.push(o);
    else if (PROVINCE_CODES.has(o.region) && o.qualification !== 'ALL') throw new Error(`generated leaf ${cellKey(o)} collides with a real seed row`);
    else skipped.push(o);
  }
  return { illustrative, skipped };
}

/** Field rows: hub × level leaves, hub totals, national by level and total. */
function pushField(out: Observation[], indicator: string, year: number, code: string, hubs: string[], cells: number[], from: number) {
  const parent = getSector(code)?.parent ?? '?';
  const a =
    indicator === 'employment'
      ? `designed size path of a new field inside section ${parent} (no GSO series)`
      : indicator === 'graduates'
        ? `designed graduate numbers of a new field in section ${parent} (no GSO series)`
        : `half the usual exit rates of a new field in section ${parent} (no GSO series)`;
  const m = (i: string, y: number, r: string, s: string, q: string, v: number) => g(i, y, r, s, q, v, a);
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
 * Labour force and unemployed (15+) by region, new basis. National labour
 * force: GSO's, interpolated where a year is missing; unemployed to split =
 * labour force − employment, so the regions add up to the national labour
 * force exactly; regional split by employment × a regional unemployment tilt (U).
 */
function supplyRows(anchors: Anchors, years: EmploymentYear[]): Observation[] {
  const out: Observation[] = [];
  const known = new Map(
    anchors
      .years('labour_force')
      .filter((y) => y >= 2021)
      .map((y) => [y, anchors.value('labour_force', y)!]),
  );
  const ks = [...known.keys()];
  const slope = ks.length > 1 ? (known.get(ks[ks.length - 1])! - known.get(ks[ks.length - 2])!) / (ks[ks.length - 1] - ks[ks.length - 2]) : 0;
  for (const year of FLOW_YEARS) {
    const ey = years.find((y) => y.year === year)!;
    let lf = known.get(year);
    let lfText = `GSO ${year} national labour force`;
    if (lf === undefined) {
      if (known.size === 0) throw new Error('anchors: no GSO national labour force from 2021');
      lf = Math.round(interpolate(known, year, slope) / 1000) * 1000;
      const lo = [...ks].reverse().find((y) => y < year);
      const hi = ks.find((y) => y > year);
      lfText = hi && lo ? `national labour force interpolated between GSO ${lo} and ${hi}` : `national labour force extrapolated from GSO ${lo ?? hi}`;
      out.push(g('labour_force', year, 'VN', 'TOTAL', 'ALL', lf, lfText));
    }
    const unemployed = lf - ey.total;
    out.push(g('unemployed', year, 'VN', 'TOTAL', 'ALL', unemployed, `${lfText} minus national employment`));
    const regEmp = REGION_CODES.map(() => 0);
    for (let p = 0; p < P; p++) {
      const r = REGION_CODES.indexOf(PROVINCES[p].parent!);
      for (let k = 0; k < S * Q; k++) regEmp[r] += ey.cells[p * S * Q + k];
    }
    const regUn = largestRemainder(
      REGION_CODES.map((rc, r) => regEmp[r] * UNEMPLOYMENT_TILT[rc]),
      unemployed,
    );
    const a = `regional split of the ${lfText}`;
    REGION_CODES.forEach((rc, r) => {
      out.push(g('labour_force', year, rc, 'TOTAL', 'ALL', regEmp[r] + regUn[r], a));
      out.push(g('unemployed', year, rc, 'TOTAL', 'ALL', regUn[r], a));
    });
  }
  return out;
}

/**
 * Split the generated rows into `illustrative-<group>[-<periods>].csv` files
 * of consecutive periods, each under MAX_FILE_BYTES.
 */
export function buildSeedFiles(anchors: Anchors, rows: SeedRows = buildSeedRows(anchors)): SeedFile[] {
  const { illustrative } = rows;
  const files: SeedFile[] = [];
  const groups: [string, (o: Observation) => boolean][] = [
    ['employment', (o) => o.indicator === 'employment'],
    ['graduates', (o) => o.indicator === 'graduates'],
    ['exits', (o) => o.indicator === 'exits'],
    ['vacancies', (o) => o.indicator === 'vacancies'],
    ['supply', (o) => o.indicator === 'labour_force' || o.indicator === 'unemployed'],
  ];
  for (const [name, pick] of groups) {
    const rows = illustrative.filter(pick);
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
      files.push({ name: `illustrative-${name}${suffix}.csv`, text: toLongCsv(part), rows: part.length });
    }
  }
  return files;
}

export { EMPLOYMENT_YEARS, FLOW_YEARS };
