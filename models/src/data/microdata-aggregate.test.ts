import { describe, expect, it } from 'vitest';
import { createMicrodataAggregator } from './microdata-aggregate';
import { QUALIFICATION_INDEX, respondentCells, SECTOR_INDEX } from './microdata-cells';
import type { MicrodataRecord } from './microdata-types';

const person = (over: MicrodataRecord = {}): MicrodataRecord => ({
  province: '01',
  sector: 'C',
  qualification: 'none',
  status: 'employed',
  age: 30,
  weight: 1000,
  ...over,
});

describe('respondentCells', () => {
  it('adds an employed person to their sector chain, the unemployed to TOTAL, both to the labour force', () => {
    const out = new Int32Array(16);
    // semiconductors → C → B-F → TOTAL, each by level and ALL; then the labour force (level, ALL).
    const q = QUALIFICATION_INDEX.get('college')!;
    expect(respondentCells('employed', SECTOR_INDEX.get('semiconductors')!, q, out)).toBe(10);
    expect(respondentCells('employed', SECTOR_INDEX.get('TOTAL')!, q, out)).toBe(4);
    expect(respondentCells('unemployed', -1, q, out)).toBe(4);
    expect(respondentCells('outside', -1, -1, out)).toBe(0);
  });
});

describe('createMicrodataAggregator steps', () => {
  it('checks every column of a row and reports each problem once', () => {
    const a = createMicrodataAggregator({ period: '2024', source: 's' });
    expect(a.push(person({ province: '', status: 'maybe', age: 'x', weight: -1 }), 2)).toBe(false);
    expect(a.push(person({ sector: '' }), 3)).toBe(false);
    expect(a.push(person({ status: 'unemployed', sector: '', qualification: 'phd?' }), 4)).toBe(false);
    expect(a.push(person({ status: 'outside', sector: '', qualification: '' }), 5)).toBe(true);
    const r = a.finish();
    expect(r.errors.map((e) => `${e.line}:${e.column}:${e.code}`)).toEqual([
      '2:province:MISSING_VALUE',
      '2:status:BAD_STATUS',
      '2:age:BAD_AGE',
      '2:weight:NEGATIVE_WEIGHT',
      '3:sector:MISSING_VALUE',
      '4:qualification:UNKNOWN_QUALIFICATION',
    ]);
    expect(r).toMatchObject({ ok: false, observations: [], warnings: [], stats: { rows: 4, validRows: 1 } });
  });

  it('names one province whose weights exceed a province, and only the country when the total is too large', () => {
    const province = createMicrodataAggregator({ period: '2024', source: 's' });
    province.push(person({ weight: 20_000_000 }), 2);
    province.push(person({ weight: 20_000_000 }), 3);
    province.push(person({ province: '79', weight: 20_000_000 }), 4);
    expect(province.finish().errors).toEqual([expect.objectContaining({ code: 'WEIGHTS_EXCEED_POPULATION', message: expect.stringContaining('province 01') })]);

    const country = createMicrodataAggregator({ period: '2024', source: 's' });
    for (let i = 0; i < 8; i++) country.push(person({ weight: 20_000_000 }), 2 + i);
    const r = country.finish();
    expect(r.errorCount).toBe(1);
    expect(r.errors[0].message).toMatch(/population of Viet Nam/);
  });

  it('estimates VN first, then provinces in code order, with warnings only for a valid file', () => {
    const a = createMicrodataAggregator({ period: '2024-Q2', source: 'src', clustered: false });
    a.push(person({ province: '79' }), 2);
    a.push(person({ province: 'Bình Dương' }), 3);
    a.push(person({ province: '01', status: 'unemployed' }), 4);
    const r = a.finish();
    expect(r.ok).toBe(true);
    expect([...new Set(r.observations.map((o) => o.region))]).toEqual(['VN', '01', '79']);
    expect(r.observations.find((o) => o.indicator === 'labour_force' && o.region === 'VN' && o.qualification === 'ALL')).toMatchObject({
      value: 3000,
      period: '2024-Q2',
      source: 'src',
      status: 'survey',
    });
    expect(r.warnings).toEqual([
      expect.stringMatching(/^1 rows named a former province .*"Bình Dương" → 79/),
      '1 strata have a single unit: their variance is taken as 0.',
      'No psu column: standard errors ignore clustering and are understated.',
    ]);
  });
});
