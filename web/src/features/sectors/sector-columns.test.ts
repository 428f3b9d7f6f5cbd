import { describe, expect, it } from 'vitest';
import i18n from 'i18next';
import '../../i18n/index';
import { employmentColumns, openingsColumns } from './sector-columns';

describe('sector columns', () => {
  const t = i18n.getFixedT('vi');

  it('formats openings in vi-VN, expansion with its sign', () => {
    const row = {
      qualification: 'college',
      label: 'Cao đẳng',
      short: 'CĐ',
      expansion: -1200,
      replacement: 3400,
      openings: 2200,
      newSupply: 1800,
      basis: [],
      source: 'LMO',
    };
    const columns = openingsColumns(t, 'vi');
    expect(columns.map((c) => c.key)).toEqual(['label', 'expansion', 'replacement', 'openings', 'newSupply']);
    expect(columns.map((c) => c.format?.(row) ?? c.value(row))).toEqual(['Cao đẳng', '-1.200', '3.400', '2.200', '1.800']);
  });

  it('shows the employment forecast with both bands', () => {
    expect(employmentColumns(t, 'vi').map((c) => c.key)).toEqual(['period', 'actual', 'mean', 'lo80', 'hi80', 'lo95', 'hi95']);
  });
});
