import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Observation } from '@lmo/models';
import { OBSERVATION_STATUSES } from '@lmo/models';
import { parseLongCsv } from '@lmo/models/data';
import { SEED_DIR, SEED_FILES } from '../src/index';
import { hasReference, readReference } from './reference';

const CONVERTED = [
  'official-lfs.csv',
  'official-national-accounts.csv',
  'official-population.csv',
  'official-provinces.csv',
  'official-employment-structure.csv',
  'official-graduates.csv',
  'international-wpp.csv',
  'modelled-province-rates.csv',
  'official.csv',
];

const NOW = { now: new Date('2026-01-01T00:00:00Z') };
const cells = new Map<string, Observation>();
const get = (i: string, p: string, r = 'VN', s = 'TOTAL', q = 'ALL') => cells.get(`${i}|${p}|${r}|${s}|${q}`);

beforeAll(() => {
  for (const name of CONVERTED) {
    const r = parseLongCsv(readFileSync(join(SEED_DIR, name), 'utf8'), NOW);
    expect(r.errors, name).toEqual([]);
    for (const o of r.rows) cells.set(`${o.indicator}|${o.period}|${o.region}|${o.sector}|${o.qualification}`, o);
  }
});

describe('converted seeds reproduce published figures', () => {
  it('employed 2023 = mean of the four NSDP quarters = 51.29 m', () => {
    const o = get('employment', '2023')!;
    // LE_PE_NUM 2023-Q1..Q4 (thousands): 51148.9, 51232.16120986031, 51319.5920210505, 51450.028366735234.
    expect(o.value).toBe(51_287_670);
    expect(Math.round(o.value / 1e4) / 100).toBe(51.29);
    expect(o.status).toBe('official');
    expect(o.source).toContain('LE_PE_NUM (annual mean of the four quarters)');
    expect(get('employment', '2023-Q1')!.value).toBe(51_148_900);
  });

  it('manufacturing value added 2023 at constant 2010 prices = the NSDP figure', () => {
    const o = get('value_added_real', '2023', 'VN', 'C')!;
    expect(o.value).toBe(1339350.1298915586);
    expect(o.unit).toBe('billion_vnd');
    expect(get('value_added_real', '2009', 'VN', 'C')).toBeUndefined(); // 1994 base before 2010
  });

  it("Bắc Ninh's 2016 labour force = former Bắc Ninh + Bắc Giang", () => {
    const o = get('labour_force', '2016', '24')!;
    expect(o.value).toBe(666_900 + 1_034_500);
    expect(o.status).toBe('official');
    expect(o.source).toMatch(/sum of former provinces Bắc Giang \(24\) 1034\.5 thousand \+ Bắc Ninh \(27\) 666\.9 thousand/);
    expect(o.source).toContain('2016 preliminary');
  });

  it('university and college graduates 2015 = 353.6 thousand', () => {
    const o = get('graduates_higher_education', '2015')!;
    expect(o.value).toBe(353_600);
    expect(o.status).toBe('official');
  });

  it('rates of merged units are modelled, with the estimator named; single units stay official', () => {
    expect(get('employment_rate', '2015', '24')!.status).toBe('modelled');
    expect(get('employment_rate', '2015', '24')!.source).toContain('weighted mean of former provinces');
    expect(get('employment_rate', '2015', '01')!.status).toBe('official');
  });

  it('WPP population is international, in persons, by sex and 5-year group', () => {
    const o = get('population_by_group', '2023', 'VN', 'T:15+')!;
    expect(o.status).toBe('international');
    expect(o.value / 1e6).toBeCloseTo(76.9, 1);
  });
});

describe('every seed row', () => {
  it('has one of the five statuses and a source', () => {
    for (const f of SEED_FILES) {
      const r = parseLongCsv(readFileSync(f, 'utf8'), NOW);
      expect(r.errors, basename(f)).toEqual([]);
      for (const o of r.rows) {
        expect(OBSERVATION_STATUSES, basename(f)).toContain(o.status);
        expect(o.source.trim().length, `${basename(f)} ${o.indicator} ${o.period}`).toBeGreaterThan(10);
      }
    }
  }, 60_000); // parses every seed file (~84,000 rows): seconds on a loaded 2-core machine
});

describe.skipIf(!hasReference())('converters (with ../shared/reference/data)', () => {
  it('regenerate the committed files byte for byte', async () => {
    const { convertAll } = await import('./build');
    const { files } = convertAll();
    expect(files.map((f) => f.name).sort()).toEqual([...CONVERTED].sort());
    for (const f of files) {
      const committed = readFileSync(join(SEED_DIR, f.name), 'utf8');
      expect(committed === f.text, `${f.name} differs; run pnpm --filter @lmo/seeds convert`).toBe(true);
    }
  }, 60_000);

  it('read the reference files the tests quote', () => {
    expect(readReference('gso_nsdp/GDPVNM.xml')).toContain('OBS_VALUE="1339350.1298915586"');
    expect(readReference('gso_pxweb/Education/University and college education.csv')).toMatch(/"Graduates \(Thous\. students\)";.*;353\.6;/);
  });
});
