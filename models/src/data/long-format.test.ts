import { describe, expect, it } from 'vitest';
import { createLongValidator, parseLongCsv, parseLongCsvBytes, parseLongStream, toLongCsv } from './long-format';

const H = 'indicator,period,region,sector,qualification,value,unit,source,status';
const NOW = { now: new Date('2026-06-01T00:00:00Z') };
const row = (over: Partial<Record<string, string>> = {}) => {
  const r = {
    indicator: 'employment',
    period: '2024',
    region: '01',
    sector: 'C',
    qualification: 'college',
    value: '1200',
    unit: 'persons',
    source: 'GSO LFS 2024',
    status: 'official',
    ...over,
  };
  return [r.indicator, r.period, r.region, r.sector, r.qualification, r.value, r.unit, r.source, r.status].join(',');
};
const csv = (...lines: string[]) => [H, ...lines].join('\n') + '\n';

describe('parseLongCsv: valid input', () => {
  it('parses rows into observations', () => {
    const r = parseLongCsv(csv(row(), row({ period: '2023-q4', value: '12.5', indicator: 'unemployment_rate', unit: 'percent' })), NOW);
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.rows).toHaveLength(2);
    expect(r.rows[0]).toEqual({
      indicator: 'employment',
      period: '2024',
      region: '01',
      sector: 'C',
      qualification: 'college',
      value: 1200,
      unit: 'persons',
      source: 'GSO LFS 2024',
      status: 'official',
    });
    expect(r.rows[1].period).toBe('2023-Q4');
    expect(r.stats).toMatchObject({ lines: 3, records: 2, rows: 2, errorCount: 0, periods: { min: '2023-Q4', max: '2024' } });
  });

  it('accepts a UTF-8 BOM, semicolons and tabs, and header names in any case or in Vietnamese', () => {
    const bom = parseLongCsv('\ufeff' + csv(row()), NOW);
    expect(bom.errors).toEqual([]);
    expect(bom.rows).toHaveLength(1);
    const semi = parseLongCsv(csv(row()).replace(/,/g, ';'), NOW);
    expect(semi.delimiter).toBe(';');
    expect(semi.rows).toHaveLength(1);
    const tab = parseLongCsv(csv(row({ source: 'GSO, LFS 2024' })).replace(/,(?! LFS)/g, '\t'), NOW);
    expect(tab.delimiter).toBe('\t');
    expect(tab.rows[0].source).toBe('GSO, LFS 2024');
    const vi = parseLongCsv(['Chỉ tiêu,Kỳ,Vùng,Ngành,Trình độ,Giá trị,Đơn vị,Nguồn,Trạng thái', row()].join('\n'), NOW);
    expect(vi.errors).toEqual([]);
    expect(vi.rows).toHaveLength(1);
  });

  it('counts physical lines across quoted newlines and blank lines', () => {
    const text = [H, row({ source: '"GSO\nLFS"' }), '', row({ period: 'x' })].join('\n');
    const r = parseLongCsv(text, NOW);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ line: 5, column: 'period', code: 'BAD_PERIOD' });
  });

  it('round-trips through toLongCsv', () => {
    const a = parseLongCsv(csv(row({ source: '"GSO, LFS ""2024"""' })), NOW);
    const b = parseLongCsv(toLongCsv(a.rows), NOW);
    expect(b.rows).toEqual(a.rows);
    expect(a.rows[0].source).toBe('GSO, LFS "2024"');
  });
});

describe('parseLongCsv: errors with exact line and column', () => {
  const cases: [string, Partial<Record<string, string>>, string, string][] = [
    ['unknown indicator', { indicator: 'employmnet' }, 'indicator', 'UNKNOWN_INDICATOR'],
    ['bad period', { period: '2024-13' }, 'period', 'BAD_PERIOD'],
    ['unknown region', { region: 'Atlantis' }, 'region', 'UNKNOWN_REGION'],
    ['unknown sector', { sector: 'semiconductor' }, 'sector', 'UNKNOWN_SECTOR'],
    ['unknown qualification', { qualification: 'colege' }, 'qualification', 'UNKNOWN_QUALIFICATION'],
    ['non-numeric value', { value: 'abc' }, 'value', 'NOT_A_NUMBER'],
    ['vi-VN thousands', { value: '1.234.567' }, 'value', 'NOT_A_NUMBER'],
    ['negative value', { value: '-5' }, 'value', 'NEGATIVE_VALUE'],
    ['percent over 100', { indicator: 'unemployment_rate', unit: 'percent', value: '120' }, 'value', 'PERCENT_OVER_100'],
    ['unknown unit', { unit: 'people' }, 'unit', 'UNKNOWN_UNIT'],
    ['unit mismatch', { unit: 'percent', value: '12' }, 'unit', 'UNIT_MISMATCH'],
    ['unknown status', { status: 'guess' }, 'status', 'UNKNOWN_STATUS'],
    ['missing source', { source: '' }, 'source', 'MISSING_SOURCE'],
    ['future stock', { period: '2027' }, 'period', 'FUTURE_PERIOD'],
  ];
  for (const [name, over, column, code] of cases) {
    it(name, () => {
      const r = parseLongCsv(csv(row({ region: '79' }), row(over)), NOW);
      expect(r.ok).toBe(false);
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toMatchObject({ line: 3, column, code });
      expect(r.errors[0].messageVi?.length).toBeGreaterThan(10);
      expect(r.errors[0].messageVi).not.toBe(r.errors[0].message);
      expect(r.rows).toHaveLength(1);
    });
  }

  it('suggests near misses in messages', () => {
    const r = parseLongCsv(csv(row({ sector: 'semiconductor' }), row({ qualification: 'colege', region: '79' })), NOW);
    expect(r.errors[0].message).toContain('did you mean "semiconductors"');
    expect(r.errors[1].message).toContain('did you mean "college"');
    const reg = parseLongCsv(csv(row({ region: 'Atlantis' })), NOW);
    expect(reg.errors[0].message).toMatch(/expected VN, a region code \(NMM, RRD/);
  });

  it('lets flows carry future periods (plans)', () => {
    const r = parseLongCsv(csv(row({ indicator: 'graduates', period: '2030' })), NOW);
    expect(r.errors).toEqual([]);
  });

  it('reports duplicates against the first line', () => {
    const r = parseLongCsv(csv(row(), row({ region: '79' }), row({ value: '5' })), NOW);
    expect(r.errors).toEqual([expect.objectContaining({ line: 4, column: null, code: 'DUPLICATE_KEY', message: expect.stringContaining('line 2') })]);
  });

  it('reports short and long lines as field-count errors', () => {
    const r = parseLongCsv(csv(row(), 'employment,2024,01', row({ region: '79', source: 'GSO, LFS' })), NOW);
    expect(r.errors).toEqual([
      expect.objectContaining({ line: 3, column: null, code: 'FIELD_COUNT' }),
      expect.objectContaining({ line: 4, column: null, code: 'FIELD_COUNT', message: expect.stringContaining('double quotes') }),
    ]);
  });

  it('keeps 100 errors and counts the rest', () => {
    const lines = Array.from({ length: 250 }, (_, i) => row({ value: 'x', period: String(2000 + (i % 20)), region: String(i) }));
    const r = parseLongCsv(csv(...lines), NOW);
    expect(r.errors).toHaveLength(100);
    expect(r.stats.errorCount).toBeGreaterThanOrEqual(250);
  });
});

describe('parseLongCsv: header and file problems', () => {
  it('suggests a misspelled column and reports missing ones', () => {
    const r = parseLongCsv(`${H.replace('qualification', 'qualifcation')}\n${row()}\n`, NOW);
    expect(r.errors).toEqual([
      expect.objectContaining({
        line: 1,
        column: 'qualifcation',
        code: 'UNKNOWN_COLUMN',
        message: 'Unknown column `qualifcation` — did you mean `qualification`?',
      }),
    ]);
    const m = parseLongCsv(`${H.replace(',status', '')}\n${row()}\n`, NOW);
    expect(m.errors[0]).toMatchObject({ line: 1, column: 'status', code: 'MISSING_COLUMN' });
  });

  it('ignores extra columns with a warning', () => {
    const r = parseLongCsv(`${H},note\n${row()},hello\n`, NOW);
    expect(r.errors).toEqual([]);
    expect(r.warnings[0]).toMatchObject({ code: 'EXTRA_COLUMN', column: 'note' });
  });

  it('rejects empty files and header-only files', () => {
    expect(parseLongCsv('', NOW).errors[0]).toMatchObject({ line: 1, code: 'EMPTY_FILE' });
    expect(parseLongCsv(`${H}\n`, NOW).errors[0]).toMatchObject({ line: 2, code: 'EMPTY_FILE' });
  });

  it('names and rejects UTF-16 and legacy encodings', () => {
    const text = csv(row());
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    const r = parseLongCsvBytes(le, NOW);
    expect(r.ok).toBe(false);
    expect(r.errors[0]).toMatchObject({ code: 'ENCODING', value: 'UTF-16 LE' });
    const be = Buffer.from(text, 'utf16le').swap16();
    expect(parseLongCsvBytes(new Uint8Array([0xfe, 0xff, ...be]), NOW).errors[0].value).toBe('UTF-16 BE');
    expect(parseLongCsvBytes(new Uint8Array(Buffer.from(text, 'utf16le')), NOW).errors[0].message).toMatch(/UTF-16 LE without a byte-order mark/);
    // "Hà Nội" in Windows-1258-ish bytes: 0xE0 alone is not valid UTF-8.
    const legacy = new Uint8Array([
      ...Buffer.from(`${H}\n`),
      ...Buffer.from('employment,2024,H'),
      0xe0,
      ...Buffer.from(' Noi,C,college,1,persons,x,official\n'),
    ]);
    const l = parseLongCsvBytes(legacy, NOW);
    expect(l.errors[0]).toMatchObject({ code: 'ENCODING', line: 2 });
    expect(l.errors[0].message).toMatch(/Windows-1258/);
    expect(parseLongCsv(`${H}\nemployment,2024,H\ufffd Noi,C,college,1,persons,x,official\n`, NOW).errors[0]).toMatchObject({ code: 'ENCODING', line: 2 });
    expect(parseLongCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text)]), NOW).rows).toHaveLength(1);
  });
});

describe('former provinces', () => {
  it('maps former provinces with a warning and adds counts of constituents', () => {
    const r = parseLongCsv(
      csv(
        row({ region: '74', value: '100' }),
        row({ region: 'Bà Rịa - Vũng Tàu', value: '50' }),
        row({ region: 'TP Hồ Chí Minh', value: '1000' }),
        row({ region: 'Bình Phước', value: '7' }),
      ),
      NOW,
    );
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => [x.region, x.value])).toEqual([
      ['79', 1150],
      ['75', 7],
    ]);
    expect(r.stats).toMatchObject({ formerProvinceRows: 3, mergedCells: 1 });
    const codes = r.warnings.map((w) => w.code);
    expect(codes.filter((c) => c === 'FORMER_PROVINCE')).toHaveLength(3);
    expect(r.warnings.find((w) => w.code === 'PARTIAL_MERGE')?.message).toMatch(/75 Đồng Nai.*missing 75/);
  });

  it('rejects adding up percentages of former provinces', () => {
    const r = parseLongCsv(
      csv(
        row({ region: '74', indicator: 'unemployment_rate', unit: 'percent', value: '2' }),
        row({ region: '77', indicator: 'unemployment_rate', unit: 'percent', value: '3' }),
      ),
      NOW,
    );
    expect(r.errors[0]).toMatchObject({ line: 3, column: 'region', code: 'MERGE_PERCENT' });
  });
});

describe('createLongValidator', () => {
  it('validates pushed records and counts lines itself', () => {
    const v = createLongValidator(NOW);
    v.push(H.split(','));
    v.push(row().split(','));
    v.push(['']);
    v.push(row({ value: '-1', region: '79' }).split(','));
    const r = v.finish();
    expect(r.rows).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ line: 4, column: 'value', code: 'NEGATIVE_VALUE' });
  });
});

describe('parseLongStream', () => {
  async function* chunked(bytes: Uint8Array, size: number) {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  }
  const text = csv(row(), row({ region: 'Bình Dương', source: '"GSO, LFS\nreport"' }), '', row({ region: '79', value: 'x' }));

  it('gives the same result as parseLongCsv for any chunk size, quoted newlines and multi-byte characters included', async () => {
    const whole = parseLongCsv(text, NOW);
    const bytes = new TextEncoder().encode(text);
    for (const size of [1, 3, 7, 64, 100_000]) {
      const r = await parseLongStream(chunked(bytes, size), { ...NOW, batchChars: size });
      expect(r.rows).toEqual(whole.rows);
      expect(r.errors).toEqual(whole.errors);
      expect(r.errors[0]).toMatchObject({ line: 6, column: 'value' });
      expect(r.stats.lines).toBe(whole.stats.lines);
    }
  });

  it('rejects UTF-16 and legacy bytes with the line of the first bad byte', async () => {
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    expect((await parseLongStream(chunked(le, 16), NOW)).errors[0]).toMatchObject({ code: 'ENCODING', value: 'UTF-16 LE' });
    const bad = new Uint8Array([...new TextEncoder().encode(`${H}\n${row()}\n`), ...Buffer.from('employment,2024,H'), 0xe0, ...Buffer.from(' Noi\n')]);
    const r = await parseLongStream(chunked(bad, 50), { ...NOW, batchChars: 50 });
    expect(r.errors[0]).toMatchObject({ code: 'ENCODING', line: 3 });
  });

  it('handles CRLF line ends across batch boundaries', async () => {
    const crlf = text.replace(/\n/g, '\r\n');
    const whole = parseLongCsv(crlf, NOW);
    expect(whole.rows).toHaveLength(2);
    for (const size of [1, 5, 64]) {
      const r = await parseLongStream(chunked(new TextEncoder().encode(crlf), size), { ...NOW, batchChars: size });
      expect(r.rows).toEqual(whole.rows);
      expect(r.errors).toEqual(whole.errors);
      expect(r.stats.lines).toBe(whole.stats.lines);
    }
  });

  it('accepts string chunks with a BOM and semicolons', async () => {
    async function* strings() {
      yield '\ufeff' + H.replace(/,/g, ';').slice(0, 20);
      yield H.replace(/,/g, ';').slice(20) + '\n' + row().replace(/,/g, ';');
    }
    const r = await parseLongStream(strings(), NOW);
    expect(r.errors).toEqual([]);
    expect(r.delimiter).toBe(';');
    expect(r.rows).toHaveLength(1);
  });
});

describe('CSV syntax', () => {
  it('reports an unclosed quote on its line, in text and in streams', async () => {
    const text = csv(row(), row({ source: '"GSO LFS' }));
    const r = parseLongCsv(text, NOW);
    expect(r.ok).toBe(false);
    expect(r.errors.find((e) => e.code === 'CSV_SYNTAX')).toMatchObject({ line: 3, column: null });
    async function* one() {
      yield text;
    }
    const s = await parseLongStream(one(), NOW);
    expect(s.errors.find((e) => e.code === 'CSV_SYNTAX')).toMatchObject({ line: 3 });
  });
});

describe('breakdown axes, billion_vnd and cell keys', () => {
  it('reads the sector column on the indicator axis', () => {
    const r = parseLongCsv(
      csv(
        row({ indicator: 'labour_force_by_group', sector: 'T:15-24', qualification: 'ALL' }),
        row({ indicator: 'employment_by_occupation', sector: 'OCC2', qualification: 'ALL' }),
        row({ indicator: 'value_added_real', sector: 'B-F', qualification: 'ALL', unit: 'ty dong', value: '1234.5' }),
        row({ indicator: 'value_added_nominal', sector: 'C', qualification: 'ALL', unit: 'billion VND' }),
        row({ indicator: 'population_by_group', period: '2040', sector: 'F:60-64', qualification: 'ALL' }),
        row({ indicator: 'labour_force_by_group', sector: 'C' }),
        row({ indicator: 'employment_by_occupation', sector: 'T:ALL' }),
      ),
      NOW,
    );
    expect(r.rows.map((o) => [o.sector, o.unit])).toEqual([
      ['T:15-24', 'persons'],
      ['OCC2', 'persons'],
      ['B-F', 'billion_vnd'],
      ['C', 'billion_vnd'],
      ['F:60-64', 'persons'],
    ]);
    expect(r.errors.map((e) => [e.line, e.code])).toEqual([
      [7, 'UNKNOWN_GROUP'],
      [8, 'UNKNOWN_OCCUPATION'],
    ]);
    expect(r.errors[0].message).toContain('T:15-24');
  });

  it('adds billion_vnd of merged former provinces like persons', () => {
    const r = parseLongCsv(
      csv(
        row({ indicator: 'value_added_real', region: '74', unit: 'billion_vnd', value: '10' }),
        row({ indicator: 'value_added_real', region: '77', unit: 'billion_vnd', value: '5' }),
      ),
      NOW,
    );
    expect(r.errors).toEqual([]);
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({ region: '79', value: 15 });
  });

  it('never reports false duplicates with > 16 indicators and > 128 sector/group codes', () => {
    const v = createLongValidator(NOW);
    v.push(H.split(','));
    const groups: string[] = [];
    for (const s of ['T', 'M', 'F']) for (let a = 0; a < 60; a++) groups.push(`${s}:${a}-${a + 1}`);
    const indicators = [
      'employment',
      'labour_force',
      'unemployed',
      'vacancies',
      'graduates',
      'exits',
      'population',
      'employment_by_occupation',
      'value_added_real',
      'value_added_nominal',
      'unemployment_rate',
      'unemployment_rate_youth',
      'underemployment_rate',
      'employment_rate',
      'trained_share_certified',
      'trained_share_broad',
      'employment_share',
      'labour_force_by_group',
      'employment_by_group',
      'unemployed_by_group',
      'population_by_group',
    ];
    let n = 0;
    for (const ind of indicators) {
      const axis = ind.endsWith('_by_group') ? groups : ind === 'employment_by_occupation' ? ['TOTAL', 'OCC1', 'OCC9'] : ['TOTAL', 'A', 'C'];
      const unit = ind.startsWith('value_added') ? 'billion_vnd' : /rate|share/.test(ind) ? 'percent' : 'persons';
      for (const sector of axis) {
        for (const period of ['2023', '2024']) {
          v.push([ind, period, 'VN', sector, 'ALL', '1', unit, 'test', 'official']);
          n++;
        }
      }
    }
    const r = v.finish();
    expect(r.errors).toEqual([]);
    expect(r.rows).toHaveLength(n);
    expect(n).toBeGreaterThan(4 * 180 * 2);
    // A genuine duplicate late in the id space is still caught.
    const v2 = createLongValidator(NOW);
    v2.push(H.split(','));
    for (const g of groups) v2.push(['population_by_group', '2024', 'VN', g, 'ALL', '1', 'persons', 'test', 'official']);
    v2.push(['population_by_group', '2024', 'VN', groups[170], 'ALL', '2', 'persons', 'test', 'official']);
    expect(v2.finish().errors.map((e) => e.code)).toEqual(['DUPLICATE_KEY']);
  });
});

describe('former provinces merging onto a unit whose own code came first', () => {
  it('adds a mapped former province to the earlier row of the surviving one', () => {
    const r = parseLongCsv(csv(row({ region: '79', value: '100' }), row({ region: '74', value: '20' }), row({ region: '77', value: '3' })), NOW);
    expect(r.errors).toEqual([]);
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({ region: '79', value: 123 });
    expect(r.stats.mergedCells).toBe(1);
  });
});
