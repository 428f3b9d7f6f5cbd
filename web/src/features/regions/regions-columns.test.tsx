import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { areaColumns } from './regions-columns';
import type { AreaRow } from './to-chart-rows';

const t = ((key: string) => `[${key}]`) as unknown as TFunction;
const row: AreaRow = {
  code: '01',
  name: 'Hà Nội',
  openings: 1200,
  newSupply: 1000,
  imbalance: -200,
  imbalanceShare: -0.01234,
  ratio: 0.8333,
  flag: 'shortage',
  confidence: 'medium',
  basis: ['official'],
  source: 'GSO',
};

describe('areaColumns', () => {
  it('sorts and exports the share as a percent and the flag by its name', () => {
    const cols = areaColumns(t, 'vi', undefined);
    const value = (key: string) => cols.find((c) => c.key === key)!.value(row);
    expect(cols.map((c) => c.key)).toEqual(['name', 'openings', 'newSupply', 'imbalance', 'imbalanceShare', 'ratio', 'flag']);
    expect(value('imbalanceShare')).toBe(-1.23);
    expect(value('flag')).toBe('[flag.shortage]');
    expect(cols.find((c) => c.key === 'ratio')!.format!(row)).toBe('0,83');
  });
});
