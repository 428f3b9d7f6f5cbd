/**
 * GSO's province tables (PX-Web, 2010–2016) mapped onto today's geography.
 *
 * Rows of the tables are the country, the six regions (as GSO defined them
 * before July 2025) and the 63 former provinces. Counts of former provinces
 * are added into the 34 units in force since 1 July 2025 here, and the
 * source of a merged cell names every part with its published figure, so the
 * 63-province figures stay reachable from the seed row.
 */
import type { Observation } from '@lmo/models';
import { getFormerProvince, PROVINCES } from '@lmo/models/codes';
import { pxSource } from './px-series';
import { cellValue, formerCodeOf, readPxTable, regionCodeOf, yearOf, type PxTable } from './pxweb-table';
import { clean, obs, roundTo, thousandsToPersons } from './rows';

/** Years the converters take from the 2010–2016 province tables. */
export const PROVINCE_YEARS = [2010, 2011, 2012, 2013, 2014, 2015, 2016] as const;

/** Values of one province table: by year, for the country/regions and the former provinces. */
export interface ProvinceValues {
  table: PxTable;
  /** Year → preliminary flag. */
  years: Map<number, boolean>;
  /** `VN` / region code → year → value. */
  published: Map<string, Map<number, number>>;
  /** Former province code → year → value. */
  former: Map<string, Map<number, number>>;
}

/**
 * Read a province table, keeping the columns whose label passes `column`
 * (e.g. `Total …` in the population table) and the years 2010–2016.
 */
export function readProvinceTable(relPath: string, dir?: string, column: (label: string) => boolean = () => true): ProvinceValues {
  const table = readPxTable(relPath, dir);
  const cols: { i: number; year: number }[] = [];
  const years = new Map<number, boolean>();
  table.header.forEach((h, i) => {
    if (i === 0 || !column(h)) return;
    const y = yearOf(h);
    if (!y || !(PROVINCE_YEARS as readonly number[]).includes(y.year)) return;
    cols.push({ i, year: y.year });
    years.set(y.year, y.preliminary);
  });
  const published = new Map<string, Map<number, number>>();
  const former = new Map<string, Map<number, number>>();
  for (const cells of table.rows) {
    const name = cells[0] ?? '';
    const region = regionCodeOf(name);
    const code = region ? undefined : formerCodeOf(name);
    const values = new Map<number, number>();
    for (const { i, year } of cols) {
      const v = cellValue(cells[i]);
      if (v !== null) values.set(year, v);
    }
    if (region) published.set(region, values);
    else if (code) former.set(code, values);
    else if (values.size > 0) throw new Error(`${table.file}: unknown place "${name}" has values for ${[...values.keys()].join(', ')}`);
    // Ha Tay (merged into Ha Noi in 2008) has no values from 2010: nothing to add.
  }
  if (former.size !== 63) throw new Error(`${table.file}: expected 63 former provinces, found ${former.size}`);
  return { table, years, published, former };
}

/** Base source text of a province table cell. */
export function tableSource(table: string, year: number, preliminary: boolean, lfs = true): string {
  return pxSource(table, year, preliminary, lfs ? '' : '; pre-2019-Census estimates', lfs);
}

const name = (code: string) => `${getFormerProvince(code)!.vi} (${code})`;

/**
 * Counts (published in thousands) of the country, regions and the 34 units, as persons.
 * A unit made of several former provinces is their exact sum; its source names the parts.
 */
export function provinceCounts(v: ProvinceValues, indicator: string, tableName: string, lfs = true): Observation[] {
  const out: Observation[] = [];
  for (const [year, prel] of v.years) {
    const base = tableSource(tableName, year, prel, lfs);
    for (const [region, values] of v.published) {
      const x = values.get(year);
      if (x === undefined) continue;
      const note = region === 'VN' ? '' : ' (regions as GSO defined them before July 2025)';
      out.push(obs(indicator, String(year), thousandsToPersons(x), 'persons', base + note, 'official', { region }));
    }
    for (const p of PROVINCES) {
      const parts = p.formerCodes!.map((c) => ({ code: c, value: v.former.get(c)?.get(year) }));
      if (parts.some((x) => x.value === undefined)) throw new Error(`${v.table.file}: ${year} missing a former province of ${p.code}`);
      const persons = parts.reduce((s, x) => s + thousandsToPersons(x.value!), 0);
      const source = parts.length === 1 ? base : `${base}; sum of former provinces ${parts.map((x) => `${name(x.code)} ${x.value} thousand`).join(' + ')}`;
      out.push(obs(indicator, String(year), persons, 'persons', source, 'official', { region: p.code }));
    }
  }
  return out;
}

/**
 * Rates: the country and regions as published; a unit that is exactly one
 * former province as published (official); a merged unit as the mean of its
 * former provinces' rates weighted by `weights` (modelled, estimator named).
 */
export function provinceRates(
  v: ProvinceValues,
  indicator: string,
  tableName: string,
  weights: ProvinceValues,
  estimator: string,
): { official: Observation[]; modelled: Observation[] } {
  const official: Observation[] = [];
  const modelled: Observation[] = [];
  for (const [year, prel] of v.years) {
    const base = tableSource(tableName, year, prel);
    for (const [region, values] of v.published) {
      const x = values.get(year);
      if (x === undefined) continue;
      const note = region === 'VN' ? '' : ' (regions as GSO defined them before July 2025)';
      official.push(obs(indicator, String(year), clean(x), 'percent', base + note, 'official', { region }));
    }
    for (const p of PROVINCES) {
      const codes = p.formerCodes!;
      const rates = codes.map((c) => v.former.get(c)?.get(year));
      if (rates.some((x) => x === undefined)) continue;
      if (codes.length === 1) {
        official.push(obs(indicator, String(year), clean(rates[0]!), 'percent', base, 'official', { region: p.code }));
        continue;
      }
      const w = codes.map((c) => weights.former.get(c)?.get(year));
      if (w.some((x) => x === undefined)) throw new Error(`${weights.table.file}: ${year} missing a weight for ${p.code}`);
      const total = w.reduce((s, x) => s! + x!, 0)!;
      const value = roundTo(codes.reduce((s, _, i) => s + rates[i]! * w[i]!, 0) / total, 2);
      const parts = codes.map((c, i) => `${name(c)} ${rates[i]} % (weight ${w[i]} thousand)`).join(', ');
      modelled.push(
        obs(
          indicator,
          String(year),
          value,
          'percent',
          `LMO estimator "weighted mean of former provinces": ${estimator}; rates from ${base}: ${parts}`,
          'modelled',
          { region: p.code },
        ),
      );
    }
  }
  return { official, modelled };
}
