/**
 * Illustrative employment cells province × section × qualification × year:
 * integers that add up exactly to the national margins of national.ts (the
 * total, GSO's from 2021; section and level totals) and, before rounding, to
 * the province shares of provinces.ts (GSO's labour force by province to
 * 2016). The split inside those margins is designed (multipliers, noise) and
 * raked (IPF). See seeds/README.md "Illustrative rows".
 */
import { PROVINCES, SECTION_CODES, QUALIFICATION_LEVELS } from '@lmo/models/codes';
import type { Anchors } from './anchors';
import { EMPLOYMENT_YEARS, REGION_SECTION, PROVINCE_SECTION, SECTION_LEVELS, REGION_TRAINED, UNIVERSITY_HUBS } from './assumptions';
import { nationalYears, type NationalYear } from './national';
import { provinceAnchors, type ProvinceAnchors } from './provinces';
import { largestRemainder } from './rounding';
import { rake } from './ipf';
import type { Rng } from './prng';

export const P = PROVINCES.length;
export const S = SECTION_CODES.length;
export const Q = QUALIFICATION_LEVELS.length;
export const cellIndex = (p: number, s: number, q: number) => (p * S + s) * Q + q;

export interface EmploymentYear {
  year: number;
  total: number;
  /** Integer cells, index `cellIndex(p, s, q)`. */
  cells: Int32Array;
}

function sectionMultiplier(p: number, s: string): number {
  const prov = PROVINCES[p];
  return (REGION_SECTION[prov.parent!]?.[s] ?? 1) * (PROVINCE_SECTION[prov.code]?.[s] ?? 1);
}

function splitQualifications(ps: Int32Array, levels: number[], tilt: number[], noise: Float64Array): Float64Array {
  const prior = new Float64Array(P * S * Q);
  for (let p = 0; p < P; p++) {
    const uh = UNIVERSITY_HUBS[PROVINCES[p].code] ?? 1;
    for (let s = 0; s < S; s++) {
      const e = ps[p * S + s];
      const odds = SECTION_LEVELS[SECTION_CODES[s]];
      const i = cellIndex(p, s, 0);
      prior[i] = e;
      for (let q = 1; q < Q; q++) prior[i + q] = e * odds[q - 1] * tilt[p] * (q === 4 ? Math.sqrt(uh) : 1) * noise[i + q];
    }
  }
  return rake(
    prior,
    P * S,
    Q,
    Array.from(ps, (v) => v),
    levels,
  );
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

/** Trained share (%) of each province in a year's cells. */
export function trainedShareByProvince(cells: Float64Array | Int32Array): number[] {
  return PROVINCES.map((_, p) => {
    let tot = 0;
    let none = 0;
    for (let s = 0; s < S; s++) {
      for (let q = 0; q < Q; q++) {
        const v = cells[cellIndex(p, s, q)];
        tot += v;
        if (q === 0) none += v;
      }
    }
    return (100 * (tot - none)) / tot;
  });
}

export interface EmploymentBuild {
  years: EmploymentYear[];
  national: NationalYear[];
  provinces: ProvinceAnchors;
  /** Province tilt of the trained levels, by calibrated year. */
  tilts: Map<number, number[]>;
}

/** Build every employment year from the anchors. Consumes `rng` in a fixed order. */
export function buildEmployment(rng: Rng, anchors: Anchors): EmploymentBuild {
  const national = nationalYears(anchors, EMPLOYMENT_YEARS);
  const provinces = provinceAnchors(anchors);
  // Fixed province×section and cell noise (smooth over time), then a small yearly wobble.
  const psNoise = Float64Array.from({ length: P * S }, () => Math.exp(0.1 * rng.normal()));
  const qNoise = Float64Array.from({ length: P * S * Q }, () => Math.exp(0.08 * rng.normal()));

  const psYear = (year: number, total: number, secTotals: number[]) => {
    const shares = provinces.shares(year);
    const prior = new Float64Array(P * S);
    for (let p = 0; p < P; p++) {
      for (let s = 0; s < S; s++) {
        prior[p * S + s] = shares[p] * secTotals[s] * sectionMultiplier(p, SECTION_CODES[s]) * psNoise[p * S + s] * Math.exp(0.02 * rng.normal());
      }
    }
    const raked = rake(
      prior,
      P,
      S,
      shares.map((x) => x * total),
      secTotals,
    );
    const ps = new Int32Array(P * S);
    for (let s = 0; s < S; s++) {
      const col = Array.from({ length: P }, (_, p) => raked[p * S + s]);
      largestRemainder(col, secTotals[s]).forEach((v, p) => (ps[p * S + s] = v));
    }
    return ps;
  };

  const prepared = national.map((n) => ({ n, ps: psYear(n.year, n.total, n.secTotals) }));

  // Calibrate one tilt per province to GSO's province trained shares, in each year that has them.
  const start = PROVINCES.map((p) => REGION_TRAINED[p.parent!]);
  const tilts = new Map<number, number[]>();
  for (const { n, ps } of prepared) {
    const target = provinces.trainedTarget(n.year);
    if (!target) continue;
    const tilt = [...(tilts.size ? [...tilts.values()].pop()! : start)];
    for (let it = 0; it < 10; it++) {
      const got = trainedShareByProvince(splitQualifications(ps, n.levels, tilt, qNoise));
      tilt.forEach((t, p) => {
        const odds = (x: number) => x / (100 - x);
        tilt[p] = t * (odds(target[p]) / odds(got[p])) ** 1.1;
      });
    }
    tilts.set(n.year, tilt);
  }
  const tiltFor = (year: number) => {
    const ys = [...tilts.keys()];
    const y = [...ys].reverse().find((k) => k <= year) ?? ys[0];
    return y === undefined ? start : tilts.get(y)!;
  };

  const years = prepared.map(({ n, ps }) => ({
    year: n.year,
    total: n.total,
    cells: roundQualifications(ps, splitQualifications(ps, n.levels, tiltFor(n.year), qNoise)),
  }));
  return { years, national, provinces, tilts };
}
