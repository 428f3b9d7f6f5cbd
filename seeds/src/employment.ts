/**
 * Employment cells province × section × qualification × year, integers that
 * add up exactly to the national total of each year (official from 2021),
 * to the official broad-sector counts (2021, 2023, agriculture 2024) and to
 * the section totals. See seeds/README.md "Modelled employment".
 */
import { PROVINCES, SECTION_CODES, QUALIFICATION_LEVELS, sectionsOf } from '@lmo/models/labour/codes';
import {
  EMPLOYMENT_YEARS, FORMER_POPULATION, REGION_SHARE_2021, PROVINCE_DRIFT, REGION_DRIFT, SECTION_2021,
  REGION_SECTION, PROVINCE_SECTION, TRAINED_SHARE, LEVEL_SPLIT_2017, LEVEL_SPLIT_DRIFT, SECTION_LEVELS,
  REGION_TRAINED, REGION_TRAINED_TARGET, UNIVERSITY_HUBS,
} from './assumptions';
import { officialValue } from './official';
import { largestRemainder } from './rounding';
import { rake } from './ipf';
import type { Rng } from './prng';

export const P = PROVINCES.length;
export const S = SECTION_CODES.length;
export const Q = QUALIFICATION_LEVELS.length;
export const cellIndex = (p: number, s: number, q: number) => (p * S + s) * Q + q;

/**
 * GSO employment on the old LFS basis, 2015–2020, millions (U: not confirmed,
 * used only for its year-to-year shape) and the factor that moves it to the
 * 2021 basis: revised 2020 labour force ≈ 51.4 m (implied by GSO's "2021 is
 * ~0.8 m below 2020", C) over 54.6 m first published (C).
 */
const OLD_BASIS_EMPLOYMENT: Record<number, number> = { 2015: 52.8, 2016: 53.3, 2017: 53.7, 2018: 54.3, 2019: 54.7, 2020: 53.4 };
const SPLICE = 51.4 / 54.6;

export interface EmploymentYear {
  year: number;
  total: number;
  /** Integer cells, index `cellIndex(p, s, q)`. */
  cells: Int32Array;
}

/** National employment: official from 2021, spliced back-cast before (modelled). */
export function nationalEmployment(year: number): { value: number; official: boolean } {
  const off = officialValue('employment', String(year));
  if (off !== undefined) return { value: off, official: true };
  const old = OLD_BASIS_EMPLOYMENT[year];
  if (old === undefined) throw new Error(`No employment assumption for ${year}`);
  return { value: Math.round((old * SPLICE * 1e6) / 1000) * 1000, official: false };
}

/**
 * Broad-sector shares (A, B-F, G-U) in %, new basis. Official counts fix 2021
 * and 2023; before 2021 the official old-basis trend (2015 and 2019 shares, C)
 * is shifted to meet 2021; 2022 is interpolated, 2024–2025 continue the 2021–2024 trend.
 */
function broadTotals(year: number, total: number): [number, number, number] {
  const off = (y: number, s: string) => officialValue('employment', String(y), 'VN', s)!;
  const share = (y: number) => ['A', 'B-F', 'G-U'].map((s) => (100 * off(y, s)) / off(y, 'TOTAL'));
  if (year === 2021 || year === 2023) return [off(year, 'A'), off(year, 'B-F'), off(year, 'G-U')];
  const s21 = share(2021);
  const s23 = share(2023);
  if (year === 2024 || year === 2025) {
    const a24 = off(2024, 'A');
    const a = year === 2024 ? a24 : Math.round((total * ((100 * a24) / off(2024, 'TOTAL') - 0.5)) / 100);
    const bfShareOfRest = (y: number) => off(y, 'B-F') / (off(y, 'B-F') + off(y, 'G-U'));
    const slope = (bfShareOfRest(2023) - bfShareOfRest(2021)) / 2;
    const bf = bfShareOfRest(2023) + slope * (year - 2023);
    const [b, g] = largestRemainder([bf, 1 - bf], total - a);
    return [a, b, g];
  }
  let shares: number[];
  if (year === 2022) shares = s21.map((x, i) => (x + s23[i]) / 2);
  else {
    const old15 = ['A', 'B-F', 'G-U'].map((s) => officialValue('employment_share', '2015', 'VN', s)!);
    const old19 = ['A', 'B-F', 'G-U'].map((s) => officialValue('employment_share', '2019', 'VN', s)!);
    shares = old15.map((v15, i) => {
      const slope = (old19[i] - v15) / 4;
      const offset = s21[i] - (old19[i] + 2 * slope);
      return old19[i] + slope * (year - 2019) + offset;
    });
  }
  const [a, b, g] = largestRemainder(shares, total);
  return [a, b, g];
}

/** Province weights: constituents' population, calibrated to the 2021 regional shares. */
function provinceBase(): number[] {
  const pop = PROVINCES.map((p) => p.formerCodes!.reduce((s, c) => s + FORMER_POPULATION[c], 0));
  const regionPop: Record<string, number> = {};
  PROVINCES.forEach((p, i) => (regionPop[p.parent!] = (regionPop[p.parent!] ?? 0) + pop[i]));
  const fixed = Object.entries(REGION_SHARE_2021).filter(([, v]) => v !== null);
  const rest = 100 - fixed.reduce((s, [, v]) => s + v!, 0);
  const restPop = Object.entries(REGION_SHARE_2021).filter(([, v]) => v === null).reduce((s, [r]) => s + regionPop[r], 0);
  return PROVINCES.map((p, i) => {
    const target = REGION_SHARE_2021[p.parent!] ?? (rest * regionPop[p.parent!]) / restPop;
    return (pop[i] / regionPop[p.parent!]) * target;
  });
}

function provinceShares(base: number[], year: number): number[] {
  const w = PROVINCES.map((p, i) => base[i] * Math.exp(((PROVINCE_DRIFT[p.code] ?? 0) + REGION_DRIFT[p.parent!]) * (year - 2021)));
  const sum = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / sum);
}

function sectionMultiplier(p: number, s: string): number {
  const prov = PROVINCES[p];
  return (REGION_SECTION[prov.parent!]?.[s] ?? 1) * (PROVINCE_SECTION[prov.code]?.[s] ?? 1);
}

/** National totals per qualification level for one year (integers summing to `total`). */
export function levelTotals(year: number, total: number): number[] {
  const t = TRAINED_SHARE[year];
  const keys = ['elementary', 'intermediate', 'college', 'university'] as const;
  const raw = keys.map((k) => LEVEL_SPLIT_2017[k] / 21.6 + LEVEL_SPLIT_DRIFT[k] * (year - 2017));
  const sum = raw.reduce((a, b) => a + b, 0);
  return largestRemainder([100 - t, ...raw.map((r) => (t * r) / sum)], total);
}

function splitQualifications(ps: Int32Array, year: number, total: number, tilt: Record<string, number>, noise: Float64Array): Float64Array {
  const prior = new Float64Array(P * S * Q);
  for (let p = 0; p < P; p++) {
    const prov = PROVINCES[p];
    const rt = tilt[prov.parent!];
    const uh = UNIVERSITY_HUBS[prov.code] ?? 1;
    for (let s = 0; s < S; s++) {
      const e = ps[p * S + s];
      const odds = SECTION_LEVELS[SECTION_CODES[s]];
      const i = cellIndex(p, s, 0);
      prior[i] = e;
      for (let q = 1; q < Q; q++) prior[i + q] = e * odds[q - 1] * rt * (q === 4 ? Math.sqrt(uh) : 1) * noise[i + q];
    }
  }
  const rowTotals = Array.from(ps, (v) => v);
  return rake(prior, P * S, Q, rowTotals, levelTotals(year, total));
}

function roundQualifications(ps: Int32Array, raked: Float64Array): Int32Array {
  const out = new Int32Array(P * S * Q);
  for (let ps0 = 0; ps0 < P * S; ps0++) {
    const w = Array.from(raked.subarray(ps0 * Q, ps0 * Q + Q));
    const r = largestRemainder(w, ps[ps0]);
    for (let q = 0; q < Q; q++) out[ps0 * Q + q] = r[q];
  }
  return out;
}

function trainedShareByRegion(cells: Float64Array | Int32Array): Record<string, number> {
  const tot: Record<string, number> = {};
  const none: Record<string, number> = {};
  for (let p = 0; p < P; p++) {
    const r = PROVINCES[p].parent!;
    for (let s = 0; s < S; s++) {
      for (let q = 0; q < Q; q++) {
        const v = cells[cellIndex(p, s, q)];
        tot[r] = (tot[r] ?? 0) + v;
        if (q === 0) none[r] = (none[r] ?? 0) + v;
      }
    }
  }
  return Object.fromEntries(Object.keys(tot).map((r) => [r, (100 * (tot[r] - none[r])) / tot[r]]));
}

/** Build every employment year. Consumes `rng` in a fixed order. */
export function buildEmployment(rng: Rng): { years: EmploymentYear[]; regionTilt: Record<string, number> } {
  const base = provinceBase();
  // Fixed province×section and cell noise (smooth over time), then a small yearly wobble.
  const psNoise = Float64Array.from({ length: P * S }, () => Math.exp(0.1 * rng.normal()));
  const qNoise = Float64Array.from({ length: P * S * Q }, () => Math.exp(0.08 * rng.normal()));
  const section2021 = SECTION_CODES.map((s) => SECTION_2021[s]);

  const sectionYear = (year: number) => {
    const total = nationalEmployment(year).value;
    const broad = broadTotals(year, total);
    const secTotals = new Array<number>(S).fill(0);
    (['A', 'B-F', 'G-U'] as const).forEach((b, bi) => {
      const secs = sectionsOf(b);
      const idx = secs.map((c) => SECTION_CODES.indexOf(c));
      const w = idx.map((i) => section2021[i][0] * (1 + section2021[i][1]) ** (year - 2021));
      largestRemainder(w, broad[bi]).forEach((v, k) => (secTotals[idx[k]] = v));
    });
    return { total, secTotals };
  };

  const psYear = (year: number, total: number, secTotals: number[]) => {
    const shares = provinceShares(base, year);
    const prior = new Float64Array(P * S);
    for (let p = 0; p < P; p++) {
      for (let s = 0; s < S; s++) {
        prior[p * S + s] = shares[p] * secTotals[s] * sectionMultiplier(p, SECTION_CODES[s]) * psNoise[p * S + s] * Math.exp(0.02 * rng.normal());
      }
    }
    const raked = rake(prior, P, S, shares.map((x) => x * total), secTotals);
    const ps = new Int32Array(P * S);
    for (let s = 0; s < S; s++) {
      const col = Array.from({ length: P }, (_, p) => raked[p * S + s]);
      largestRemainder(col, secTotals[s]).forEach((v, p) => (ps[p * S + s] = v));
    }
    return ps;
  };

  const prepared = EMPLOYMENT_YEARS.map((year) => {
    const { total, secTotals } = sectionYear(year);
    return { year, total, ps: psYear(year, total, secTotals) };
  });

  // Calibrate the regional tilt of trained levels to GSO's 2015 and 2019 regional shares (C).
  const tilt = { ...REGION_TRAINED };
  const cal = prepared.filter((y) => y.year === 2015 || y.year === 2019);
  for (let it = 0; it < 8; it++) {
    const got = cal.map((y) => trainedShareByRegion(splitQualifications(y.ps, y.year, y.total, tilt, qNoise)));
    for (const r of Object.keys(tilt)) {
      const ratio = (REGION_TRAINED_TARGET[r][0] / got[0][r] + REGION_TRAINED_TARGET[r][1] / got[1][r]) / 2;
      tilt[r] *= ratio ** 1.2;
    }
  }

  const years = prepared.map(({ year, total, ps }) => ({
    year, total, cells: roundQualifications(ps, splitQualifications(ps, year, total, tilt, qNoise)),
  }));
  return { years, regionTilt: tilt };
}

/** Regional trained shares of a year's cells (for the README and tests). */
export { trainedShareByRegion };
