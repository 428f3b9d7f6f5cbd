import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Observation } from '@lmo/models';
import { parseLongCsv } from '@lmo/models/data/long-format';
import { PROVINCES, SECTION_CODES, QUALIFICATION_LEVELS, SOCIO_ECONOMIC_REGIONS, sectionsOf, NEW_FIELD_CODES, getSector } from '@lmo/models/labour/codes';
import { buildSeedFiles } from './src/build';
import { readSeedObservations, SEED_FILES } from './src/index';

let rows: Observation[];
let index: Map<string, Observation>;
const key = (i: string, p: string | number, r: string, s: string, q: string) => `${i}|${p}|${r}|${s}|${q}`;
const val = (i: string, p: string | number, r: string, s: string, q: string) => index.get(key(i, p, r, s, q))?.value;

beforeAll(() => {
  rows = readSeedObservations();
  index = new Map(rows.map((o) => [key(o.indicator, o.period, o.region, o.sector, o.qualification), o]));
});

/**
 * The confirmed (C / C~-with-note) figures of VIETNAM_FACTS.md, typed in
 * again here so the test does not trust official.ts. The only keys allowed to
 * be `official`.
 */
const CONFIRMED: [string, string, string, string, number][] = [
  ['labour_force', '2010', 'VN', 'TOTAL', 50_400_000], ['labour_force', '2015', 'VN', 'TOTAL', 54_300_000],
  ['labour_force', '2019', 'VN', 'TOTAL', 55_800_000], ['labour_force', '2020', 'VN', 'TOTAL', 54_600_000],
  ['labour_force', '2021', 'VN', 'TOTAL', 50_600_000], ['labour_force', '2022', 'VN', 'TOTAL', 51_700_000],
  ['labour_force', '2023', 'VN', 'TOTAL', 52_400_000], ['labour_force', '2025', 'VN', 'TOTAL', 53_500_000],
  ['employment', '2021', 'VN', 'TOTAL', 49_100_000], ['employment', '2022', 'VN', 'TOTAL', 50_600_000],
  ['employment', '2023', 'VN', 'TOTAL', 51_300_000], ['employment', '2024', 'VN', 'TOTAL', 51_900_000],
  ['employment', '2025', 'VN', 'TOTAL', 52_400_000],
  ['employment', '2021', 'VN', 'A', 14_300_000], ['employment', '2021', 'VN', 'B-F', 16_200_000], ['employment', '2021', 'VN', 'G-U', 18_600_000],
  ['employment', '2023', 'VN', 'A', 13_800_000], ['employment', '2023', 'VN', 'B-F', 17_200_000], ['employment', '2023', 'VN', 'G-U', 20_300_000],
  ['employment', '2024', 'VN', 'A', 13_700_000],
  ['employment_share', '2010', 'VN', 'A', 48.4], ['employment_share', '2010', 'VN', 'B-F', 20.9], ['employment_share', '2010', 'VN', 'G-U', 30.7],
  ['employment_share', '2015', 'VN', 'A', 43.6], ['employment_share', '2015', 'VN', 'B-F', 23.0], ['employment_share', '2015', 'VN', 'G-U', 33.4],
  ['employment_share', '2019', 'VN', 'A', 34.7], ['employment_share', '2019', 'VN', 'B-F', 29.4], ['employment_share', '2019', 'VN', 'G-U', 35.9],
  ['employment_share', '2021', 'VN', 'A', 29.1], ['employment_share', '2021', 'VN', 'B-F', 33.1], ['employment_share', '2021', 'VN', 'G-U', 37.8],
  ['employment_share', '2023', 'VN', 'A', 26.9], ['employment_share', '2023', 'VN', 'B-F', 33.5], ['employment_share', '2023', 'VN', 'G-U', 39.6],
  ['unemployment_rate', '2011', 'VN', 'TOTAL', 2.2], ['unemployment_rate', '2012', 'VN', 'TOTAL', 1.99],
  ['unemployment_rate', '2021', 'VN', 'TOTAL', 3.22], ['unemployment_rate', '2022', 'VN', 'TOTAL', 2.32],
  ['unemployment_rate', '2024', 'VN', 'TOTAL', 2.24], ['unemployment_rate', '2025', 'VN', 'TOTAL', 2.22],
  ['trained_share_certified', '2010', 'VN', 'TOTAL', 14.6], ['trained_share_certified', '2015', 'VN', 'TOTAL', 20.4],
  ['trained_share_certified', '2019', 'VN', 'TOTAL', 22.8], ['trained_share_certified', '2020', 'VN', 'TOTAL', 24.1],
  ['trained_share_certified', '2021', 'VN', 'TOTAL', 26.1], ['trained_share_certified', '2023', 'VN', 'TOTAL', 27.0],
  ['trained_share_certified', '2024', 'VN', 'TOTAL', 28.1], ['trained_share_broad', '2024', 'VN', 'TOTAL', 68.7],
  ...([['RRD', 20.7, 28.7, 32.4], ['NMM', 13.3, 17.6, 18.2], ['NCCC', 12.7, 19.5, 21.5], ['CH', 10.4, 13.0, 14.3], ['SE', 19.5, 25.4, 28.1], ['MRD', 7.9, 11.7, 13.3]] as const)
    .flatMap(([r, a, b, c]) => [['2010', a], ['2015', b], ['2019', c]].map(([p, v]) => ['trained_share_certified', p as string, r, 'TOTAL', v as number] as [string, string, string, string, number])),
];

describe('seed files', () => {
  it('are reproduced byte for byte by the generator', () => {
    const built = buildSeedFiles();
    expect(SEED_FILES.map((f) => basename(f)).sort()).toEqual(built.map((f) => f.name).sort());
    for (const f of built) {
      const committed = readFileSync(SEED_FILES.find((p) => basename(p) === f.name)!, 'utf8');
      expect(committed === f.text, `${f.name} differs from the generator output; run pnpm --filter @lmo/seeds generate`).toBe(true);
    }
  }, 30_000);

  it('validate with the long-format parser: no errors, no warnings', () => {
    for (const f of SEED_FILES) {
      const r = parseLongCsv(readFileSync(f, 'utf8'), { now: new Date('2026-01-01T00:00:00Z') });
      expect(r.errors, basename(f)).toEqual([]);
      expect(r.warnings, basename(f)).toEqual([]);
    }
  });

  it('stay compact: each file < 1.5 MB, all < 8 MB, ≤ 150k rows', () => {
    const sizes = SEED_FILES.map((f) => statSync(f).size);
    sizes.forEach((s, i) => expect(s, basename(SEED_FILES[i])).toBeLessThan(1_500_000));
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(8_000_000);
    expect(rows.length).toBeLessThanOrEqual(150_000);
  });
});

describe('honesty', () => {
  it('gives every row a source and an official/modelled status', () => {
    const bad = rows.filter((o) => o.source.trim().length < 10 || !['official', 'modelled'].includes(o.status)
      || (o.status === 'modelled' && !o.source.includes('LMO seed model v1 (seeds/README.md)')));
    expect(bad).toEqual([]);
    expect(rows.filter((o) => o.status === 'modelled').length).toBeGreaterThan(70_000);
  });

  it('marks only confirmed figures official, with exactly the confirmed values', () => {
    const allowed = new Map(CONFIRMED.map(([i, p, r, s, v]) => [key(i, p, r, s, 'ALL'), v]));
    const official = rows.filter((o) => o.status === 'official');
    for (const o of official) {
      const k = key(o.indicator, o.period, o.region, o.sector, o.qualification);
      expect(allowed.has(k), `${k} is official but not confirmed`).toBe(true);
      expect(o.value).toBe(allowed.get(k));
    }
    expect(official).toHaveLength(CONFIRMED.length);
    // Unconfirmed (U) figures that must never appear as official.
    for (const k of [key('employment', 2019, 'VN', 'TOTAL', 'ALL'), key('labour_force', 2024, 'VN', 'TOTAL', 'ALL'), key('unemployment_rate', 2023, 'VN', 'TOTAL', 'ALL'), key('employment', 2022, 'VN', 'A', 'ALL')]) {
      expect(index.get(k)?.status ?? 'absent').not.toBe('official');
    }
  });
});

describe('consistency', () => {
  const years = ['2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025'];
  const leaves = (year: string, pick: (o: Observation) => boolean) => rows.filter((o) => o.indicator === 'employment' && o.period === year
    && PROVINCES.some((p) => p.code === o.region) && SECTION_CODES.includes(o.sector) && o.qualification !== 'ALL' && pick(o));
  const sum = (xs: Observation[]) => xs.reduce((a, b) => a + b.value, 0);

  it('modelled employment cells add up to the national, broad-sector, section, regional and province totals', () => {
    const regionOf = new Map(PROVINCES.map((p) => [p.code, p.parent]));
    for (const y of years) {
      const all = leaves(y, () => true);
      expect(all).toHaveLength(PROVINCES.length * SECTION_CODES.length * QUALIFICATION_LEVELS.length);
      expect(Math.abs(sum(all) - val('employment', y, 'VN', 'TOTAL', 'ALL')!)).toBeLessThanOrEqual(0.5);
      for (const b of ['A', 'B-F', 'G-U']) {
        const secs = sectionsOf(b);
        expect(Math.abs(sum(all.filter((o) => secs.includes(o.sector))) - val('employment', y, 'VN', b, 'ALL')!)).toBeLessThanOrEqual(0.5);
      }
      for (const s of SECTION_CODES) expect(sum(all.filter((o) => o.sector === s))).toBe(val('employment', y, 'VN', s, 'ALL'));
      for (const q of QUALIFICATION_LEVELS) expect(sum(all.filter((o) => o.qualification === q))).toBe(val('employment', y, 'VN', 'TOTAL', q));
      for (const r of SOCIO_ECONOMIC_REGIONS) {
        const inR = all.filter((o) => regionOf.get(o.region) === r.code);
        expect(sum(inR)).toBe(val('employment', y, r.code, 'TOTAL', 'ALL'));
        for (const s of SECTION_CODES) expect(sum(inR.filter((o) => o.sector === s))).toBe(val('employment', y, r.code, s, 'ALL'));
      }
      for (const p of PROVINCES) expect(sum(all.filter((o) => o.region === p.code))).toBe(val('employment', y, p.code, 'TOTAL', 'ALL'));
    }
  }, 30_000);

  it('keeps new fields within their parent section and sums hubs to the national figure', () => {
    for (const f of NEW_FIELD_CODES) {
      const parent = getSector(f)!.parent!;
      for (const y of years) {
        const cells = rows.filter((o) => o.indicator === 'employment' && o.period === y && o.sector === f && o.region !== 'VN' && o.qualification !== 'ALL');
        expect(cells.length).toBeGreaterThan(0);
        expect(sum(cells)).toBe(val('employment', y, 'VN', f, 'ALL'));
        for (const c of cells) expect(c.value).toBeLessThanOrEqual(val('employment', y, c.region, parent, c.qualification)!);
      }
    }
  });

  it('sums flows, vacancies and regional supply to their national rows', () => {
    for (const y of ['2021', '2022', '2023', '2024', '2025']) {
      for (const ind of ['graduates', 'exits']) {
        const cells = rows.filter((o) => o.indicator === ind && o.period === y && PROVINCES.some((p) => p.code === o.region) && SECTION_CODES.includes(o.sector));
        expect(sum(cells)).toBe(val(ind, y, 'VN', 'TOTAL', 'ALL'));
      }
      const vac = rows.filter((o) => o.indicator === 'vacancies' && o.period === y && o.region !== 'VN' && o.sector !== 'TOTAL');
      expect(sum(vac)).toBe(val('vacancies', y, 'VN', 'TOTAL', 'ALL'));
      const lf = SOCIO_ECONOMIC_REGIONS.reduce((a, r) => a + val('labour_force', y, r.code, 'TOTAL', 'ALL')!, 0);
      expect(lf).toBe(val('labour_force', y, 'VN', 'TOTAL', 'ALL'));
    }
  });

  it('gives every province × section × level ≥ 8 years of employment plus graduates and exits', () => {
    const p = PROVINCES[7].code;
    for (const s of SECTION_CODES) {
      for (const q of QUALIFICATION_LEVELS) {
        expect(years.filter((y) => val('employment', y, p, s, q) !== undefined).length).toBeGreaterThanOrEqual(8);
        expect(val('exits', 2025, p, s, q)).toBeDefined();
        if (q !== 'none') expect(val('graduates', 2025, p, s, q)).toBeDefined();
      }
    }
  });

  it('builds in the intended shortages: college/intermediate and new fields get fewer graduates than openings', () => {
    const openings = (s: string, q: string) => Math.max(0, (val('employment', 2025, 'VN', s, q)! - val('employment', 2022, 'VN', s, q)!) / 3) + val('exits', 2025, 'VN', s, q)!;
    expect(val('graduates', 2025, 'VN', 'TOTAL', 'college')! / openings('TOTAL', 'college')).toBeLessThan(0.8);
    expect(val('graduates', 2025, 'VN', 'TOTAL', 'intermediate')! / openings('TOTAL', 'intermediate')).toBeLessThan(0.9);
    expect(val('graduates', 2025, 'VN', 'TOTAL', 'university')! / openings('TOTAL', 'university')).toBeGreaterThan(1);
    for (const f of NEW_FIELD_CODES) expect(val('graduates', 2025, 'VN', f, 'ALL')!, f).toBeLessThan(openings(f, 'ALL'));
  });
});
