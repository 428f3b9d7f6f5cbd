import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  aggregateMicrodataCsv,
  annualMeans,
  parseLongCsv,
  parsePxweb,
  parseSdmx,
  parseWideCsv,
  pxwebToLong,
  sdmxToLong,
  suggestWideMapping,
  readWideTable,
} from '@lmo/models';

const now = new Date('2026-06-01T00:00:00Z');
const read = (name: string) => readFileSync(fileURLToPath(new URL(name, import.meta.url)), 'utf8');
const where = (issues: { line: number; column: string | null; code: string }[]) => issues.map((e) => [e.line, e.column, e.code]);

describe('documented example files', () => {
  it('long.csv is valid; long-invalid.csv fails where the README says', () => {
    const good = parseLongCsv(read('long.csv'), { now });
    expect(good.errors).toEqual([]);
    expect(good.rows).toHaveLength(14);
    const bad = parseLongCsv(read('long-invalid.csv'), { now });
    expect(where(bad.errors)).toEqual([
      [2, 'indicator', 'UNKNOWN_INDICATOR'],
      [3, 'region', 'UNKNOWN_REGION'],
      [4, 'value', 'PERCENT_OVER_100'],
      [5, 'value', 'NOT_A_NUMBER'],
      [7, null, 'DUPLICATE_KEY'],
      [8, 'period', 'FUTURE_PERIOD'],
      [9, 'qualification', 'UNKNOWN_QUALIFICATION'],
      [9, 'source', 'MISSING_SOURCE'],
    ]);
  });

  it('wide-worldbank.csv with wide-mapping.json gives the WDI labour force of Viet Nam 1990–2022', () => {
    const text = read('wide-worldbank.csv');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const mapping = JSON.parse(read('wide-mapping.json'));
    const r = parseWideCsv(text, mapping, { now });
    expect(r.errors).toEqual([]);
    expect(r.observations).toHaveLength(33);
    expect(r.observations.every((o) => o.region === 'VN' && o.status === 'international')).toBe(true);
    expect(r.observations.find((o) => o.period === '2022')!.value).toBe(55_951_059);
    expect(r.stats).toMatchObject({ headerLine: 5, metadataLines: 2, skippedRows: 2 });
    // The mapping is what suggestWideMapping proposes for this file (plus explicit defaults).
    const { table } = readWideTable(text);
    expect(suggestWideMapping(table!.header, table!.rows[0].cells)).toMatchObject({
      regionColumn: mapping.regionColumn,
      indicator: mapping.indicator,
      status: mapping.status,
      codeMap: mapping.codeMap,
    });
  });

  it('wide-worldbank-invalid.csv fails at the Viet Nam line, in the 2015 and 2019 columns', () => {
    const r = parseWideCsv(read('wide-worldbank-invalid.csv'), JSON.parse(read('wide-mapping.json')), { now });
    expect(where(r.errors)).toEqual([
      [8, '2015', 'NOT_A_NUMBER'],
      [8, '2019', 'NOT_A_NUMBER'],
    ]);
  });

  it('microdata.csv aggregates without errors; microdata-invalid.csv fails row by row', async () => {
    const good = await aggregateMicrodataCsv(read('microdata.csv'), { period: '2025', source: 'Example synthetic microdata' });
    expect(good.errorCount).toBe(0);
    expect(good.stats.rows).toBe(600);
    expect(good.stats.formerProvinceRows).toBeGreaterThan(0);
    expect(good.observations.length).toBeGreaterThan(0);
    const bad = await aggregateMicrodataCsv(read('microdata-invalid.csv'), { period: '2025', source: 'x' });
    expect(where(bad.errors)).toEqual([
      [3, 'province', 'UNKNOWN_PROVINCE'],
      [4, 'status', 'BAD_STATUS'],
      [5, 'age', 'AGE_OUT_OF_RANGE'],
      [6, 'weight', 'NEGATIVE_WEIGHT'],
      [7, 'weight', 'BAD_WEIGHT'],
      [8, 'sector', 'UNKNOWN_SECTOR'],
      [9, 'sector', 'UNKNOWN_SECTOR'],
      [10, 'qualification', 'UNKNOWN_QUALIFICATION'],
      [11, 'psu', 'MISSING_VALUE'],
    ]);
    expect(bad.observations).toEqual([]);
  });

  it('nsdp-lfs.xml: 20 official quarterly values; nsdp-lfs-revised.xml revises one of them', () => {
    const read2 = (name: string) => {
      const msg = parseSdmx(read(name));
      return { msg, long: sdmxToLong(msg, { source: (s) => `GSO, NSDP SDMX ${s.attrs.INDICATOR}`, status: 'official', now }) };
    };
    const a = read2('nsdp-lfs.xml');
    expect(a.msg.prepared).toBe('2024-10-09T01:20:18Z');
    expect(a.long.errors).toEqual([]);
    expect(a.long.rows).toHaveLength(20);
    const employed2023 = annualMeans(a.long.rows).find((o) => o.indicator === 'employment' && o.period === '2023')!;
    expect(employed2023.value / 1e6).toBeCloseTo(51.29, 2); // GSO: 51.29 m employed in 2023 (mean of the four quarters)
    const b = read2('nsdp-lfs-revised.xml');
    const changed = b.long.rows.filter((o, i) => o.value !== a.long.rows[i].value);
    expect(changed).toEqual([expect.objectContaining({ indicator: 'employment', period: '2023-Q4', value: 51_470_200 })]);
  });

  it('pxweb-labour-force.csv with pxweb-mapping.json: 42 official cells, former provinces added up', () => {
    const r = pxwebToLong(parsePxweb(read('pxweb-labour-force.csv')), JSON.parse(read('pxweb-mapping.json')), { now });
    expect(r.errors).toEqual([]);
    expect(r.rows).toHaveLength(42);
    const at = (region: string, period: string) => r.rows.find((o) => o.region === region && o.period === period)!;
    expect(at('VN', '2016')).toMatchObject({ value: 54_445_300, status: 'official' });
    expect(at('24', '2016').value).toBe(1_701_400); // Bắc Ninh today = former Bắc Ninh + Bắc Giang
    expect(at('19', '2010').value).toBe(879_200); // "Thai  Nguyen" (doubled space) + Bắc Kạn
  });
});
