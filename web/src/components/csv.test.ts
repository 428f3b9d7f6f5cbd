import { describe, expect, it } from 'vitest';
import { toCsv, withProvenanceColumns, type Column } from './csv';

type Row = { name: string; value: number };
const columns: Column<Row>[] = [
  { key: 'name', label: 'Tên', value: (r) => r.name },
  { key: 'value', label: 'Giá trị', value: (r) => r.value },
];

describe('CSV download', () => {
  it('writes a BOM, a header, rows and the source line', () => {
    const text = toCsv(columns, [{ name: 'Hà Nội', value: 1234 }], 'GSO LFS 2024');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual(['Tên,Giá trị', 'Hà Nội,1234', '', 'Source: GSO LFS 2024', '']);
  });
  it('quotes commas and neutralises spreadsheet formulas', () => {
    const text = toCsv(columns, [
      { name: '=HYPERLINK("x")', value: -5 },
      { name: 'a, b', value: 1 },
    ]);
    const lines = text.slice(1).split('\r\n');
    expect(lines[1]).toBe(`"'=HYPERLINK(""x"")",-5`);
    expect(lines[2]).toBe('"a, b",1');
  });
});

describe('status and source columns in exports', () => {
  it('appends status, basis and source to every row', () => {
    const cols = withProvenanceColumns(columns, {
      status: (r) => (r.value > 1000 ? ['official'] : ['modelled']),
      basis: () => ['illustrative', 'official'],
      source: () => 'GSO, NSDP SDMX release 2024-Q3, LE_PE_NUM',
    });
    const lines = toCsv(cols, [
      { name: 'Hà Nội', value: 1234 },
      { name: 'Huế', value: 5 },
    ])
      .slice(1)
      .split('\r\n');
    expect(lines[0]).toBe('Tên,Giá trị,status,basis,source');
    expect(lines[1]).toBe('Hà Nội,1234,official,official+illustrative,"GSO, NSDP SDMX release 2024-Q3, LE_PE_NUM"');
    expect(lines[2]).toMatch(/^Huế,5,modelled,/);
  });
  it('leaves basis out when unknown and never duplicates a status column', () => {
    const cols = withProvenanceColumns([...columns, { key: 'status', label: 'status', value: () => 'x' }], { status: () => ['official'], source: () => 'GSO' });
    expect(cols.map((c) => c.key)).toEqual(['name', 'value', 'status', 'source']);
  });
});
