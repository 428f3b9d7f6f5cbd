import { describe, expect, it } from 'vitest';
import { DIVERGING } from '../../components/colors';
import { makeNamer } from '../meta/names';
import { gapRow } from '../../test-fixtures';
import { toAreaRows, toProvinceTiles, toRegionBlocks, wrapWords } from './to-chart-rows';

const names = makeNamer(undefined, 'vi');

describe('regions map adapter', () => {
  it('colours a province by its supply/openings ratio and leaves others as no data', () => {
    const tiles = toProvinceTiles([gapRow({ region: '01', ratio: 0.5, imbalance: -500 }), gapRow({ region: '79', ratio: 1.5, imbalance: 800 })], names);
    expect(tiles).toHaveLength(34);
    const hn = tiles.find((t) => t.code === '01')!;
    const hcm = tiles.find((t) => t.code === '79')!;
    const other = tiles.find((t) => t.code === '96')!;
    expect(hn.colorClass).toBe(0);
    expect(hn.fill).toBe(DIVERGING[0]);
    expect(hcm.colorClass).toBe(6);
    expect(other.colorClass).toBeNull();
    expect(other.gap).toBeUndefined();
  });
  it('puts a balanced ratio in the neutral middle class', () => {
    const [block] = toRegionBlocks([gapRow({ region: 'NMM', ratio: 1.0 })], names).filter((b) => b.code === 'NMM');
    expect(block.colorClass).toBe(3);
  });
  it('lists only areas with data in the table', () => {
    const rows = toAreaRows(toProvinceTiles([gapRow({ region: '01', openings: 1000, newSupply: 900, imbalance: -100, ratio: 0.9 })], names));
    expect(rows).toEqual([
      expect.objectContaining({ code: '01', openings: 1000, newSupply: 900, imbalance: -100, ratio: 0.9 }),
    ]);
  });
});

describe('wrapWords', () => {
  it('breaks region names at spaces within the width', () => {
    expect(wrapWords('North Central and Central Coast', 14)).toEqual(['North Central', 'and Central', 'Coast']);
    expect(wrapWords('Tây Nguyên', 14)).toEqual(['Tây Nguyên']);
  });
});
