import { describe, expect, it } from 'vitest';
import { exitRateRows, otherEntrantRows, rateColumns } from './assumption-rows';

const assumptions = {
  exitRates: [
    { sector: 'C', rate: 0.025, basis: 'demographic' as const },
    { sector: 'F', rate: 0.03, basis: 'exits-data' as const },
  ],
  otherEntrantsRate: { '1': 0.01, '4': 0.002 },
  otherEntrantsBasis: { '1': 'demographic' as const },
};

describe('assumption rate rows', () => {
  it('names each sector and keeps the served order and basis', () => {
    expect(exitRateRows(assumptions, (c) => `sector ${c}`)).toEqual([
      { code: 'C', name: 'sector C', rate: 0.025, basis: 'demographic' },
      { code: 'F', name: 'sector F', rate: 0.03, basis: 'exits-data' },
    ]);
  });

  it('falls back on the documented default where no basis is served', () => {
    expect(otherEntrantRows(assumptions, (c) => `level ${c}`).map((r) => [r.name, r.basis])).toEqual([
      ['level 1', 'demographic'],
      ['level 4', 'default'],
    ]);
  });

  it('formats the rate and words the basis, exporting the code', () => {
    const columns = rateColumns(
      { name: 'Ngành', rate: 'Tỷ lệ/năm', basis: 'Căn cứ' },
      { rate: (v) => `${(v * 100).toFixed(2)} %`, basis: (b) => `basis:${b}` },
    );
    const [row] = exitRateRows(assumptions, (c) => c);
    expect(columns.map((c) => c.format?.(row) ?? c.value(row))).toEqual(['C', '2.50 %', 'basis:demographic']);
    expect(columns[1].value(row)).toBe(0.025);
    expect(columns[2].exportValue?.(row)).toBe('demographic');
  });
});
