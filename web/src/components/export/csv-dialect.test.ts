import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import type { Column } from '../csv';
import { csvNumber, tableToCsv } from './csv-dialect';
import { decimalsFor, roundTo, toExportTable } from './table';

type Row = { name: string; persons: number; share: number; gap?: number; lo: number; hi: number };
const columns: Column<Row>[] = [
  { key: 'name', label: 'Ngành · trình độ', value: (r) => r.name },
  { key: 'persons', label: 'Việc làm', value: (r) => r.persons },
  { key: 'share', label: 'Tỷ lệ (%)', value: (r) => r.share },
  { key: 'gap', label: 'Chênh lệch', value: (r) => r.gap },
  {
    key: 'interval',
    label: 'Khoảng 80%',
    value: (r) => `${r.lo}..${r.hi}`,
    exportAs: [
      { key: 'lo', label: 'Khoảng 80% — cận dưới', value: (r) => r.lo },
      { key: 'hi', label: 'Khoảng 80% — cận trên', value: (r) => r.hi },
    ],
  },
];
const rows: Row[] = [
  { name: 'Chế biến; chế tạo', persons: 53989798.06589011, share: -2.3456, gap: -1234.4, lo: -5000.2, hi: 800.7 },
  { name: '=SUM(A1)', persons: 1200.5, share: 0.5, lo: 1, hi: 2 },
];

describe('export table', () => {
  it('rounds each numeric column once, by its magnitude', () => {
    const table = toExportTable(columns, rows);
    expect(table.headers).toEqual(['Ngành · trình độ', 'Việc làm', 'Tỷ lệ (%)', 'Chênh lệch', 'Khoảng 80% — cận dưới', 'Khoảng 80% — cận trên']);
    expect(table.digits).toEqual([null, 0, 2, 0, 0, 0]);
    expect(table.rows[0]).toEqual(['Chế biến; chế tạo', 53989798, -2.35, -1234, -5000, 801]);
    expect(table.rows[1][3]).toBeNull();
  });
  it('chooses decimals from the largest value', () => {
    expect(decimalsFor([1, 2, 3])).toBe(0);
    expect(decimalsFor([53989798.06])).toBe(0);
    expect(decimalsFor([12.34, 3.2])).toBe(1);
    expect(decimalsFor([2.345, -0.5])).toBe(2);
    expect(decimalsFor([0.01234])).toBe(4);
    expect(roundTo(-0.004, 2)).toBe(0);
    expect(roundTo(2.345, 2)).toBe(2.35);
  });
});

describe('CSV dialects', () => {
  it('Vietnamese Excel: BOM, `;` between cells, decimal comma, no grouping', () => {
    const text = tableToCsv(toExportTable(columns, rows), 'vi', ['Nguồn: GSO, LFS 2024']);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('Ngành · trình độ;Việc làm;Tỷ lệ (%);Chênh lệch;Khoảng 80% — cận dưới;Khoảng 80% — cận trên');
    expect(lines[1]).toBe('"Chế biến; chế tạo";53989798;-2,35;-1234;-5000;801');
    expect(lines[2]).toBe("'=SUM(A1);1201;0,50;;1;2");
    expect(lines.slice(3)).toEqual(['', '"Nguồn: GSO, LFS 2024"', '']);
  });
  it('international: `,` between cells and a decimal point', () => {
    const lines = tableToCsv(toExportTable(columns, rows), 'intl').slice(1).split('\r\n');
    expect(lines[0].split(',')).toHaveLength(6);
    // Text holding either separator is quoted, so the file opens the same in both regional settings.
    expect(lines[1]).toBe('"Chế biến; chế tạo",53989798,-2.35,-1234,-5000,801');
    expect(csvNumber(-2.5, 1, 'intl')).toBe('-2.5');
    expect(csvNumber(-2.5, 1, 'vi')).toBe('-2,5');
  });
  it('both dialects parse back to the same cells (any text, any number)', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 12 }).filter((s) => !/^[=+\-@\t\r]/.test(s) && s.trim() === s && s !== ''),
      fc.double({ min: -1e9, max: 1e9, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 6 }), (pairs) => {
        const cols: Column<[unknown, unknown]>[] = [
          { key: 'a', label: 'a', value: (r) => r[0] as string | number, digits: 2 },
          { key: 'b', label: 'b', value: (r) => r[1] as string | number, digits: 2 },
        ];
        const table = toExportTable(cols, pairs);
        for (const dialect of ['vi', 'intl'] as const) {
          const parsed = Papa.parse<string[]>(tableToCsv(table, dialect).slice(1), { delimiter: dialect === 'vi' ? ';' : ',', skipEmptyLines: true }).data;
          expect(parsed[0]).toEqual(['a', 'b']);
          parsed.slice(1).forEach((row, i) =>
            row.forEach((text, j) => {
              const v = table.rows[i][j];
              if (typeof v === 'number') expect(Number(dialect === 'vi' ? text.replace(',', '.') : text)).toBeCloseTo(v, 2);
              else expect(text).toBe(v ?? '');
            }),
          );
        }
      }),
      { numRuns: 150 },
    );
  });
});
