import { describe, expect, it } from 'vitest';
import i18n from 'i18next';
import '../../i18n/index';
import type { CellChange } from './queries';
import { cellChangeColumns, cellKey, cellName, diffValue, officialMark, statusChange } from './version-columns';

const names = (vi: string, en: string) => ({ vi, en });
const change = (over: Partial<CellChange>): CellChange => ({
  indicator: 'labour_force',
  period: '2022',
  region: 'VN',
  sector: 'TOTAL',
  qualification: 'ALL',
  unit: 'persons',
  kind: 'changed',
  names: {
    indicator: names('Lực lượng lao động', 'Labour force'),
    region: names('Toàn quốc', 'Viet Nam'),
    sector: names('Tổng số', 'Total'),
    qualification: names('Tất cả', 'All'),
  },
  before: 51_700_000,
  after: 55_950_000,
  sourceBefore: 'GSO',
  sourceAfter: 'World Bank',
  statusBefore: 'official',
  statusAfter: 'modelled',
  official: 'replaced',
  ...over,
});

describe('version diff columns', () => {
  it('names a cell in the UI language and keys it by codes and period', () => {
    expect(cellName(change({}), 'vi')).toBe('Lực lượng lao động · Toàn quốc · Tổng số · Tất cả');
    expect(cellKey(change({}))).toBe('labour_force · VN · TOTAL · ALL|2022');
  });

  it('formats values by unit, vi-VN for Vietnamese, with a dash where there was none', () => {
    expect(diffValue(51_700_000, 'persons', 'vi')).toBe('51.700.000');
    expect(diffValue(2.256, 'percent', 'vi')).toBe('2,26');
    expect(diffValue(null, 'persons', 'en')).toBe('–');
  });

  it('says how the status changed, marking replaced official figures', () => {
    const t = i18n.getFixedT('en');
    expect(officialMark(change({}), t)).toBe('Official replaced:');
    expect(officialMark(change({ official: null }), t)).toBe('');
    expect(statusChange(change({}), t)).toMatch(/→/);
    expect(statusChange(change({ statusBefore: 'modelled' }), t)).not.toMatch(/→/);
    const status = cellChangeColumns(t, 'en').find((c) => c.key === 'status')!;
    expect(status.value(change({}))).toMatch(/^Official replaced: .+ → .+$/);
  });
});
