import { describe, expect, it } from 'vitest';
import { toCsv, type Column } from './csv';

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
    const text = toCsv(columns, [{ name: '=HYPERLINK("x")', value: -5 }, { name: 'a, b', value: 1 }]);
    const lines = text.slice(1).split('\r\n');
    expect(lines[1]).toBe(`"'=HYPERLINK(""x"")",-5`);
    expect(lines[2]).toBe('"a, b",1');
  });
});
