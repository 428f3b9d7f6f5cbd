import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Observation } from '@lmo/models';
import { parseLongCsv } from '@lmo/models/data';
import { PROVINCES, SECTION_CODES, QUALIFICATION_LEVELS, SOCIO_ECONOMIC_REGIONS, sectionsOf, NEW_FIELD_CODES, getSector } from '@lmo/models/codes';
import { cellKey, GENERATED_FILE, readAnchorRows, anchorsFrom, type Anchors } from './src/anchors';
import { ILLUSTRATIVE_SOURCE } from './src/assumptions';
import { buildSeedFiles, buildSeedRows, type SeedRows } from './src/build';
import { readSeedObservations, SEED_DIR, SEED_FILES } from './src/index';

/**
 * The illustrative (generated) seed files: byte-for-byte reproducible from
 * the committed real seed files, honest about their status, anchored to the
 * real margins, and never writing a cell a real file holds.
 */
let rows: Observation[];
let anchorRows: Observation[];
let anchors: Anchors;
let built: SeedRows;
let index: Map<string, Observation>;
const GENERATED = SEED_FILES.filter((f) => GENERATED_FILE.test(basename(f)));
const key = (i: string, p: string | number, r: string, s: string, q: string) => `${i}|${p}|${r}|${s}|${q}`;
const val = (i: string, p: string | number, r: string, s: string, q: string) => index.get(key(i, p, r, s, q))?.value;
const sum = (xs: Observation[]) => xs.reduce((a, b) => a + b.value, 0);

beforeAll(() => {
  rows = readSeedObservations();
  anchorRows = readAnchorRows(SEED_DIR);
  anchors = anchorsFrom(anchorRows);
  built = buildSeedRows(anchors);
  index = new Map(rows.map((o) => [cellKey(o), o]));
}, 60_000);

describe('illustrative seed files', () => {
  it('are reproduced byte for byte by the generator from the committed real seed files', () => {
    const files = buildSeedFiles(anchors, built);
    expect(GENERATED.map((f) => basename(f)).sort()).toEqual(files.map((f) => f.name).sort());
    for (const f of files) {
      const committed = readFileSync(
        GENERATED.find((p) => basename(p) === f.name)!,
        'utf8',
      );
      expect(committed === f.text, `${f.name} differs from the generator output; run pnpm --filter @lmo/seeds generate`).toBe(true);
    }
  }, 60_000);

  it('validate with the long-format parser: no errors, no warnings', () => {
    for (const f of GENERATED) {
      const r = parseLongCsv(readFileSync(f, 'utf8'), { now: new Date('2026-01-01T00:00:00Z') });
      expect(r.errors, basename(f)).toEqual([]);
      expect(r.warnings, basename(f)).toEqual([]);
    }
  });

  it('stay compact: each file < 3.5 MB, ≤ 100k generated rows', () => {
    for (const f of GENERATED) expect(statSync(f).size, basename(f)).toBeLessThan(3_500_000);
    expect(built.illustrative.length).toBeLessThanOrEqual(100_000);
  });
});

describe('honesty', () => {
  it('calls every generated row illustrative, with the generator source and what it is anchored to', () => {
    const prefix = `${ILLUSTRATIVE_SOURCE} — `;
    const inFiles = rows.filter((o) => o.status === 'illustrative');
    expect(inFiles.length).toBe(built.illustrative.length);
    const bad = inFiles.filter((o) => !o.source.startsWith(prefix) || o.source.length < prefix.length + 10);
    expect(bad.slice(0, 3)).toEqual([]);
  });

  it('never calls a generated row official, international, modelled or survey', () => {
    const generatedLooking = rows.filter((o) => /LMO (illustrative generator|seed model)/.test(o.source) && o.status !== 'illustrative');
    expect(generatedLooking.slice(0, 3)).toEqual([]);
    for (const o of anchorRows) expect(o.status, cellKey(o)).not.toBe('illustrative');
  });

  it('writes no cell that a real seed file holds (conflict rule)', () => {
    const real = new Set(anchorRows.map(cellKey));
    expect(built.illustrative.filter((o) => real.has(cellKey(o))).slice(0, 3)).toEqual([]);
    // Every skipped aggregate is held by a real file; no leaf is ever skipped.
    for (const o of built.skipped) {
      expect(real.has(cellKey(o))).toBe(true);
      expect(PROVINCES.some((p) => p.code === o.region) && o.qualification !== 'ALL').toBe(false);
    }
  });
});

describe('consistency', () => {
  const years = ['2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025'];
  const leaves = (year: string, pick: (o: Observation) => boolean = () => true) =>
    built.illustrative.filter(
      (o) =>
        o.indicator === 'employment' &&
        o.period === year &&
        PROVINCES.some((p) => p.code === o.region) &&
        SECTION_CODES.includes(o.sector) &&
        o.qualification !== 'ALL' &&
        pick(o),
    );
  /** Every illustrative aggregate must equal the sum of its leaves. */
  const checkIllustrative = (k: string, got: number) => {
    const o = index.get(k);
    if (o?.status === 'illustrative') expect(got, k).toBe(o.value);
  };

  it('adds employment cells up exactly to every illustrative aggregate', () => {
    const regionOf = new Map(PROVINCES.map((p) => [p.code, p.parent]));
    for (const y of years) {
      const all = leaves(y);
      expect(all).toHaveLength(PROVINCES.length * SECTION_CODES.length * QUALIFICATION_LEVELS.length);
      checkIllustrative(key('employment', y, 'VN', 'TOTAL', 'ALL'), sum(all));
      for (const b of ['A', 'B-F', 'G-U']) checkIllustrative(key('employment', y, 'VN', b, 'ALL'), sum(all.filter((o) => sectionsOf(b).includes(o.sector))));
      for (const s of SECTION_CODES) checkIllustrative(key('employment', y, 'VN', s, 'ALL'), sum(all.filter((o) => o.sector === s)));
      for (const q of QUALIFICATION_LEVELS) expect(sum(all.filter((o) => o.qualification === q))).toBe(val('employment', y, 'VN', 'TOTAL', q));
      for (const r of SOCIO_ECONOMIC_REGIONS) {
        const inR = all.filter((o) => regionOf.get(o.region) === r.code);
        expect(sum(inR)).toBe(val('employment', y, r.code, 'TOTAL', 'ALL'));
        for (const s of SECTION_CODES) expect(sum(inR.filter((o) => o.sector === s))).toBe(val('employment', y, r.code, s, 'ALL'));
      }
      for (const p of PROVINCES) checkIllustrative(key('employment', y, p.code, 'TOTAL', 'ALL'), sum(all.filter((o) => o.region === p.code)));
    }
  }, 60_000);

  it('meets GSO national employment exactly from 2021, and the broad sectors within their published rounding', () => {
    for (const y of years.filter((x) => x >= '2021')) {
      const official = anchors.value('employment', y);
      if (official === undefined) continue;
      expect(sum(leaves(y))).toBe(Math.round(official));
      for (const b of ['A', 'B-F', 'G-U']) {
        const ob = anchors.value('employment', y, 'VN', b);
        // Published in millions to one decimal; the three are rescaled to the national total.
        if (ob !== undefined) expect(Math.abs(sum(leaves(y, (o) => sectionsOf(b).includes(o.sector))) - ob)).toBeLessThanOrEqual(100_000);
      }
    }
  }, 30_000);

  it('follows GSO section, level and province shares in the years GSO published them (old basis, so shares not levels)', () => {
    for (const y of years.filter((x) => x <= '2016')) {
      const all = leaves(y);
      const total = sum(all);
      const secReal = SECTION_CODES.map((s) => anchors.value('employment', y, 'VN', s));
      if (secReal.every((v) => v !== undefined)) {
        const t = secReal.reduce((a, b) => a! + b!, 0)!;
        SECTION_CODES.forEach((s, i) => expect(Math.abs(sum(all.filter((o) => o.sector === s)) / total - secReal[i]! / t), `${y} ${s}`).toBeLessThan(1e-4));
      }
      const lf = PROVINCES.map((p) => anchors.value('labour_force', y, p.code));
      if (lf.every((v) => v !== undefined)) {
        const t = lf.reduce((a, b) => a! + b!, 0)!;
        PROVINCES.forEach((p, i) => expect(Math.abs(sum(all.filter((o) => o.region === p.code)) / total - lf[i]! / t), `${y} ${p.code}`).toBeLessThan(1e-4));
      }
      const trained = PROVINCES.map((p) => anchors.value('trained_share_certified', y, p.code));
      if (trained.every((v) => v !== undefined)) {
        PROVINCES.forEach((p, i) => {
          const inP = all.filter((o) => o.region === p.code);
          const share = (100 * sum(inP.filter((o) => o.qualification !== 'none'))) / sum(inP);
          expect(Math.abs(share - trained[i]!), `${y} ${p.code} trained share`).toBeLessThan(0.5);
        });
      }
      const natTrained = anchors.value('trained_share_certified', y, 'VN', 'TOTAL', 'ALL');
      if (natTrained !== undefined) expect(Math.abs((100 * sum(all.filter((o) => o.qualification !== 'none'))) / total - natTrained)).toBeLessThan(0.01);
    }
  }, 60_000);

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
        const cells = rows.filter(
          (o) => o.indicator === ind && o.period === y && PROVINCES.some((p) => p.code === o.region) && SECTION_CODES.includes(o.sector),
        );
        checkIllustrative(key(ind, y, 'VN', 'TOTAL', 'ALL'), sum(cells));
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
    const openings = (s: string, q: string) =>
      Math.max(0, (val('employment', 2025, 'VN', s, q)! - val('employment', 2022, 'VN', s, q)!) / 3) + val('exits', 2025, 'VN', s, q)!;
    expect(val('graduates', 2025, 'VN', 'TOTAL', 'college')! / openings('TOTAL', 'college')).toBeLessThan(0.8);
    expect(val('graduates', 2025, 'VN', 'TOTAL', 'intermediate')! / openings('TOTAL', 'intermediate')).toBeLessThan(0.9);
    expect(val('graduates', 2025, 'VN', 'TOTAL', 'university')! / openings('TOTAL', 'university')).toBeGreaterThan(1);
    for (const f of NEW_FIELD_CODES) expect(val('graduates', 2025, 'VN', f, 'ALL')!, f).toBeLessThan(openings(f, 'ALL'));
  });
});
