import { describe, expect, it } from 'vitest';
import { knownAreaCode, parseWideCsv, parseWideCsvBytes, readWideTable, suggestWideMapping, wideMappingSchema, type WideMappingInput } from './wide';

const now = new Date('2026-01-15T00:00:00Z');
const YEARS = Array.from({ length: 63 }, (_, i) => String(1960 + i)); // 1960–2022
// Viet Nam, SL.TLF.TOTL.IN, WDI 2023-10-26 vintage (2010–2022 as in the download).
const VN_LF = [50409727, 51233476, 51880301, 53110641, 53761703, 54503887, 54678041, 54999075, 55246118, 55877866, 54751935, 55034918, 55951059];

/** A World Bank "API_…_DS2" download in miniature: BOM, 4 metadata lines, CRLF, trailing comma. */
function worldBankFile(vietNam: string[] = VN_LF.map(String)): string {
  const q = (s: string) => `"${s}"`;
  const row = (name: string, code: string, values: string[]) =>
    [name, code, 'Labor force, total', 'SL.TLF.TOTL.IN', ...YEARS.map((_, i) => values[i - 50] ?? '')].map(q).join(',') + ',';
  return (
    '\uFEFF' +
    [
      '"Data Source","World Development Indicators",',
      '',
      '"Last Updated Date","2023-10-26",',
      '',
      ['Country Name', 'Country Code', 'Indicator Name', 'Indicator Code', ...YEARS].map(q).join(',') + ',',
      row('Aruba', 'ABW', []),
      row('Africa Eastern and Southern', 'AFE', ['120643066']),
      row('Viet Nam', 'VNM', vietNam),
    ].join('\r\n') +
    '\r\n'
  );
}

const wbMapping = (over: Partial<WideMappingInput> = {}): WideMappingInput => ({
  regionColumn: 'Country Code',
  indicator: 'labour_force',
  source: 'World Bank WDI SL.TLF.TOTL.IN (ILO modelled estimate)',
  status: 'modelled',
  codeMap: { VNM: 'VN' },
  ...over,
});

describe('readWideTable', () => {
  it('finds the header under the metadata, strips the BOM and the trailing empty column', () => {
    const { table } = readWideTable(worldBankFile());
    expect(table!.headerLine).toBe(5);
    expect(table!.header[0]).toBe('Country Name');
    expect(table!.header).toHaveLength(4 + 63);
    expect(table!.header.at(-1)).toBe('2022');
    expect(table!.metadata.map((m) => m.line)).toEqual([1, 3]);
    expect(table!.rows.map((r) => r.line)).toEqual([6, 7, 8]);
    expect(table!.rows[2].cells).toHaveLength(67);
  });

  it('counts physical lines through quoted newlines in metadata', () => {
    const text = '"Note","two\nlines"\nregion;2023;2024\nVN;1;2\n';
    const { table } = readWideTable(text);
    expect(table!.headerLine).toBe(3);
    expect(table!.delimiter).toBe(';');
    expect(table!.rows[0]).toEqual({ line: 4, cells: ['VN', '1', '2'] });
  });

  it('reports an empty file, a file without period columns and an unnamed column with data', () => {
    expect(readWideTable('\uFEFF\r\n\r\n').problem).toMatchObject({ code: 'EMPTY_FILE', line: 1 });
    expect(readWideTable('a,b\nc,d\n').problem).toMatchObject({ code: 'NO_HEADER', line: 1 });
    expect(readWideTable('region,,2023\nVN,x,5\n').problem).toMatchObject({ code: 'UNNAMED_COLUMN', line: 1, column: '2' });
  });
});

describe('suggestWideMapping', () => {
  it('guesses the period columns, the code column and the WDI indicator', () => {
    const { table } = readWideTable(worldBankFile());
    const s = suggestWideMapping(table!.header, table!.rows[0].cells);
    expect(s.periodColumns).toEqual(YEARS);
    expect(s.regionColumn).toBe('Country Code');
    // World Bank (ILO modelled) figures are international estimates, never official GSO data.
    expect(s).toMatchObject({ indicator: 'labour_force', unit: 'persons', status: 'international', codeMap: { VNM: 'VN' } });
    expect(s.source).toContain('SL.TLF.TOTL.IN');
  });

  it('builds the code map from the rows: Viet Nam in any spelling and Vietnamese regions, other countries skipped', () => {
    const { table } = readWideTable(worldBankFile());
    const rows = table!.rows.map((r) => r.cells);
    const s = suggestWideMapping(table!.header, undefined, rows);
    expect(s.codeMap).toEqual({ VNM: 'VN' });
    expect(s.regionValues).toMatchObject({ mapped: 1, skipped: rows.length - 1 });
    expect(s.seriesCode).toBe('SL.TLF.TOTL.IN');
    expect(s.status).toBe('international');
    const byName = suggestWideMapping(['Country Name', '2021', '2022'], undefined, [
      ['Viet Nam', '1', '2'],
      ['Vietnam', '1', '2'],
      ['Thailand', '3', '4'],
      ['Hà Nội', '5', '6'],
    ]);
    expect(byName.regionColumn).toBe('Country Name');
    expect(byName.codeMap).toEqual({ 'Viet Nam': 'VN', Vietnam: 'VN', 'Hà Nội': '01' });
    expect(byName.regionValues?.skippedExamples).toEqual(['Thailand']);
    expect(knownAreaCode('vnm')).toBe('VN');
    expect(knownAreaCode('704')).toBe('VN');
    expect(knownAreaCode('THA')).toBeUndefined();
  });

  it('reads Vietnamese headers, quarters and DataBank year labels', () => {
    const s = suggestWideMapping(['Tên tỉnh', 'Mã tỉnh', 'Ngành', '2024 [YR2024]', '2025-Q1', 'Ghi chú']);
    expect(s.periodColumns).toEqual(['2024 [YR2024]', '2025-Q1']);
    expect(s.regionColumn).toBe('Mã tỉnh');
    expect(s.sectorColumn).toBe('Ngành');
    expect(s.indicator).toBeUndefined();
  });

  it('says so when it finds nothing', () => {
    const s = suggestWideMapping(['a', 'b']);
    expect(s.periodColumns).toEqual([]);
    expect(s.notes.join(' ')).toMatch(/No column is named like a period/);
  });
});

describe('parseWideCsv', () => {
  it('turns the World Bank file into Viet Nam observations, skipping other countries and empty cells', () => {
    const r = parseWideCsv(worldBankFile(), wbMapping(), { now });
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.observations).toHaveLength(13);
    expect(r.observations[0]).toEqual({
      indicator: 'labour_force',
      period: '2010',
      region: 'VN',
      sector: 'TOTAL',
      qualification: 'ALL',
      value: 50409727,
      unit: 'persons',
      source: 'World Bank WDI SL.TLF.TOTL.IN (ILO modelled estimate)',
      status: 'modelled',
    });
    expect(r.observations.at(-1)).toMatchObject({ period: '2022', value: 55951059 });
    expect(r.stats).toMatchObject({ rows: 3, skippedRows: 2, missingCells: 50, headerLine: 5, metadataLines: 2 });
    expect(r.warnings[0]).toMatchObject({ code: 'UNMAPPED_ROWS', line: 5, column: 'Country Code', value: 'ABW, AFE' });
  });

  it('treats ".." as missing', () => {
    const values = VN_LF.map(String);
    values[3] = '..';
    const r = parseWideCsv(worldBankFile(values), wbMapping(), { now });
    expect(r.ok).toBe(true);
    expect(r.observations.map((o) => o.period)).not.toContain('2013');
  });

  it('points a bad cell at its line and year column', () => {
    const values = VN_LF.map(String);
    values[0] = '5O409727'; // letter O
    values[5] = '-3';
    const r = parseWideCsv(worldBankFile(values), wbMapping(), { now });
    expect(r.ok).toBe(false);
    expect(r.observations).toEqual([]);
    expect(r.errors).toEqual([
      expect.objectContaining({ line: 8, column: '2010', value: '5O409727', code: 'NOT_A_NUMBER' }),
      expect.objectContaining({ line: 8, column: '2015', value: '-3', code: 'NEGATIVE_VALUE' }),
    ]);
  });

  it('keeps two equal bad values on one line apart', () => {
    const r = parseWideCsv(
      'region,2020,2021\nVN,x,x\n',
      { region: undefined, regionColumn: 'region', indicator: 'employment', source: 's', status: 'official' },
      { now },
    );
    expect(r.errors.map((e) => [e.line, e.column])).toEqual([
      [2, '2020'],
      [2, '2021'],
    ]);
  });

  it('rejects future periods of a stock indicator at the period column', () => {
    const r = parseWideCsv('region,2025,2030\nVN,100,200\n', { regionColumn: 'region', indicator: 'employment', source: 's', status: 'official' }, { now });
    expect(r.errors).toEqual([expect.objectContaining({ line: 2, column: '2030', code: 'FUTURE_PERIOD' })]);
  });

  it('resolves province names, adds former provinces into the current unit, and suggests near misses', () => {
    const text = 'Tỉnh;2023;2024\nBình Dương;1.500;1.600\nTP Hồ Chí Minh;5.000;5.100\nHa Nol;10;11\n'.replace(/(\d)\.(\d{3})/g, '$1$2');
    const map = { regionColumn: 'Tỉnh', indicator: 'employment', source: 'Provincial statistics office', status: 'official', scale: 1000 } as const;
    const bad = parseWideCsv(text, map, { now });
    expect(bad.errors).toEqual([
      expect.objectContaining({ line: 4, column: 'Tỉnh', code: 'UNKNOWN_REGION', value: 'Ha Nol' }),
      expect.objectContaining({ line: 4, column: 'Tỉnh', code: 'UNKNOWN_REGION' }),
    ]);
    expect(bad.errors[0].message).toMatch(/did you mean 01/);
    const good = parseWideCsv(text.split('\n').slice(0, 3).join('\n'), map, { now });
    expect(good.ok).toBe(true);
    expect(good.observations.map((o) => [o.region, o.period, o.value])).toEqual([
      ['79', '2023', 6_500_000],
      ['79', '2024', 6_700_000],
    ]);
  });

  it('scales values without binary noise and ignores prototype names in the code map', () => {
    const r = parseWideCsv(
      'Tỉnh,2023\nconstructor,1\nVNM,0.07\n',
      { regionColumn: 'Tỉnh', codeMap: { VNM: 'VN' }, indicator: 'unemployment_rate', source: 'GSO', status: 'official', scale: 100 },
      { now },
    );
    expect(r.errors).toEqual([]);
    expect(r.observations.map((o) => o.value)).toEqual([7]);
    expect(r.stats.skippedRows).toBe(1);
  });

  it('reads a sector column with a fixed region', () => {
    const r = parseWideCsv(
      'Ngành,2023\nA,13800000\nsemiconductors,30000\n',
      { sectorColumn: 'Ngành', region: 'VN', indicator: 'employment', source: 'GSO', status: 'official' },
      { now },
    );
    expect(r.observations.map((o) => [o.region, o.sector, o.value])).toEqual([
      ['VN', 'A', 13800000],
      ['VN', 'semiconductors', 30000],
    ]);
  });

  it('reports mapping problems before reading', () => {
    const missing = parseWideCsv(worldBankFile(), wbMapping({ regionColumn: 'Country' }), { now });
    expect(missing.errors[0]).toMatchObject({ code: 'MISSING_COLUMN', line: 5, column: 'mapping.regionColumn', value: 'Country' });
    const badIndicator = parseWideCsv(worldBankFile(), wbMapping({ indicator: 'labor_force' }), { now });
    expect(badIndicator.errors[0]).toMatchObject({ code: 'BAD_MAPPING', column: 'mapping.indicator' });
    expect(badIndicator.errors[0].message).toMatch(/did you mean "labour_force"/);
  });

  it('validates mappings with zod', () => {
    expect(wideMappingSchema.safeParse({ indicator: 'employment', source: 'x', status: 'official' }).success).toBe(false);
    const unitClash = wideMappingSchema.safeParse({ region: 'VN', indicator: 'employment', unit: 'percent', source: 'x', status: 'official' });
    expect(unitClash.success).toBe(false);
    expect(unitClash.error!.issues[0]).toMatchObject({ path: ['unit'] });
    const badMap = wideMappingSchema.safeParse({ regionColumn: 'c', codeMap: { VNM: 'Atlantis' }, indicator: 'employment', source: 'x', status: 'official' });
    expect(badMap.error!.issues[0]).toMatchObject({ path: ['codeMap'] });
  });

  it('reads bytes and names UTF-16', () => {
    const ok = parseWideCsvBytes(new TextEncoder().encode(worldBankFile()), wbMapping(), { now });
    expect(ok.observations).toHaveLength(13);
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from('region,2023\r\nVN,1\r\n', 'utf16le'))]);
    expect(parseWideCsvBytes(utf16, wbMapping(), { now }).errors[0]).toMatchObject({ code: 'ENCODING', line: 1 });
  });

  it('says when nothing is left to load', () => {
    const r = parseWideCsv(worldBankFile(), wbMapping({ codeMap: { THA: 'VN' } }), { now });
    expect(r.errors[0]).toMatchObject({ code: 'NO_VALUES', line: 5 });
  });
});
