import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLongCsv } from './long-format';
import { aggregateMicrodataCsv } from './microdata';
import { controlCharAt, excerpt, MAX_CELL_VALUE, POPULATION_CAPS, populationCap } from './plausibility';
import { parseWideCsv } from './wide';

const HEADER = 'indicator,period,region,sector,qualification,value,unit,source,status';
const row = (value: string, region = 'VN', source = 'Test source', indicator = 'employment', unit = 'persons') =>
  `${indicator},2020,${region},TOTAL,ALL,${value},${unit},${source},modelled`;
const codes = (text: string) => parseLongCsv(text, { now: new Date('2025-06-01') }).errors.map((e) => `${e.line}:${e.column}:${e.code}`);

describe('plausibility bounds in the long format', () => {
  it('refuses 1e308 and anything at or above 10^12, naming line and column', () => {
    expect(codes(`${HEADER}\n${row('1e308', 'VN', 'x', 'value_added_real', 'billion_vnd')}\n`)).toEqual(['2:value:VALUE_TOO_LARGE']);
    expect(codes(`${HEADER}\n${row(String(MAX_CELL_VALUE), 'VN', 'x', 'value_added_real', 'billion_vnd')}\n`)).toEqual(['2:value:VALUE_TOO_LARGE']);
    expect(codes(`${HEADER}\n${row(String(MAX_CELL_VALUE - 1), 'VN', 'x', 'value_added_real', 'billion_vnd')}\n`)).toEqual([]);
  });

  it('refuses persons above the population cap of the area (national, region, province)', () => {
    expect(codes(`${HEADER}\n${row('150000001')}\n`)).toEqual(['2:value:EXCEEDS_POPULATION']);
    expect(codes(`${HEADER}\n${row('100000000')}\n`)).toEqual([]);
    expect(codes(`${HEADER}\n${row('30000001', '01')}\n`)).toEqual(['2:value:EXCEEDS_POPULATION']);
    expect(codes(`${HEADER}\n${row('60000001', 'RRD')}\n`)).toEqual(['2:value:EXCEEDS_POPULATION']);
    expect(populationCap('01')).toBe(POPULATION_CAPS.province);
  });

  it('refuses NUL and other control characters in any field', () => {
    expect(codes(`${HEADER}\n${row('5', 'VN', 'Te\u0000st')}\n`)).toEqual(['2:source:CONTROL_CHARACTER']);
    expect(codes(`${HEADER}\nemploy\u0007ment,2020,VN,TOTAL,ALL,5,persons,s,modelled\n`)).toEqual(['2:indicator:CONTROL_CHARACTER']);
  });

  it('caps the source at 1,000 characters and quotes at most an excerpt', () => {
    const long = 'S'.repeat(100_000);
    const r = parseLongCsv(`${HEADER}\n${row('5', 'VN', long)}\n`, { now: new Date('2025-06-01') });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ line: 2, column: 'source', code: 'FIELD_TOO_LONG' });
    expect(r.errors[0].value.length).toBeLessThan(300);
    expect(codes(`${HEADER}\n${row('5', 'VN', 'S'.repeat(900))}\n`)).toEqual([]);
  });

  it('a huge header name is quoted in part only', () => {
    const r = parseLongCsv(`${'h'.repeat(1_000_000)}\n1\n`);
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r.errors).length).toBeLessThan(10_000);
  });

  it('controlCharAt finds exactly the C0 controls (not tab, LF, CR) and DEL', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const expected = [...s].findIndex((ch) => {
          const c = ch.charCodeAt(0);
          return (c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127;
        });
        expect(controlCharAt(s) >= 0).toBe(expected >= 0);
      }),
    );
    expect(excerpt('x'.repeat(1000)).length).toBeLessThan(230);
  });
});

describe('plausibility bounds in wide and microdata files', () => {
  it('a wide mapping with a 100 KB source or a control character is refused before reading', () => {
    const mapping = { region: 'VN', indicator: 'labour_force', source: 'S'.repeat(100_000), status: 'modelled' };
    const r = parseWideCsv('Name,2020\nx,5\n', mapping);
    expect(r.errors[0]).toMatchObject({ line: 0, column: 'mapping.source', code: 'BAD_MAPPING' });
    expect(parseWideCsv('Name,2020\nx,5\n', { ...mapping, source: 'a\u0000b' }).errors[0]).toMatchObject({ column: 'mapping.source' });
  });

  it('two weights of 1e308 are refused; weights summing over the population too', async () => {
    const big = await aggregateMicrodataCsv('province,sector,qualification,status,age,weight\n01,C,none,employed,30,1e308\n01,C,none,employed,31,1e308\n', {
      period: '2024',
      source: 's',
    });
    expect(big.ok).toBe(false);
    expect(big.errors.map((e) => `${e.line}:${e.column}:${e.code}`)).toEqual(['2:weight:WEIGHT_TOO_LARGE', '3:weight:WEIGHT_TOO_LARGE']);
    const rows = Array.from({ length: 6 }, (_, i) => `0${1 + (i % 2)},C,none,employed,30,29000000`);
    const sum = await aggregateMicrodataCsv(`province,sector,qualification,status,age,weight\n${rows.join('\n')}\n`, { period: '2024', source: 's' });
    expect(sum.errors.map((e) => e.code)).toContain('WEIGHTS_EXCEED_POPULATION');
  });
});
