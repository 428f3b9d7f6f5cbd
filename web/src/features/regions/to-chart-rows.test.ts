import { describe, expect, it } from 'vitest';
import { DIVERGING } from '../../components/colors';
import { makeNamer } from '../meta/names';
import { gapRow } from '../../test-fixtures';
import { toAreaRows, toAreaSummary, toProvinceTiles, toRegionBlocks, wrapWords } from './to-chart-rows';

const names = makeNamer(undefined, 'vi');

describe('regions map adapter', () => {
  it('colours a province by its imbalance share on classes cut at the flag thresholds, and leaves others as no data', () => {
    // −7 % and +8 % of base employment against ±2 %: beyond 3× the thresholds.
    const tiles = toProvinceTiles(
      [gapRow({ region: '01', imbalance: -7_000, flag: 'shortage' }), gapRow({ region: '79', imbalance: 8_000, flag: 'surplus' })],
      names,
    );
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
  it('puts a balanced row in the neutral middle class', () => {
    const [block] = toRegionBlocks([gapRow({ region: 'NMM', imbalance: 1_000, flag: 'balanced' })], names).filter((b) => b.code === 'NMM');
    expect(block.colorClass).toBe(3);
  });
  it('uses exactly the served thresholds, so a tile always agrees with its row', () => {
    const t = { shortageBelow: -0.05, surplusAbove: 0.05, smallCell: 5000, minOpenings: 500 };
    // −3 % is balanced under ±5 % and a shortage under ±2 %: the class follows the thresholds (and the served flag).
    const [loose] = toProvinceTiles([gapRow({ region: '01', imbalance: -3_000, flag: 'balanced' })], names, t).filter((c) => c.code === '01');
    expect(loose.colorClass).toBe(3);
    const [tight] = toProvinceTiles([gapRow({ region: '01', imbalance: -3_000, flag: 'shortage' })], names).filter((c) => c.code === '01');
    expect(tight.colorClass).toBe(2);
    const [deeper] = toProvinceTiles([gapRow({ region: '01', imbalance: -11_000, flag: 'shortage' })], names, t).filter((c) => c.code === '01');
    expect(deeper.colorClass).toBe(1);
  });
  it('gives uncertain and too-small rows their own neutral classes', () => {
    const tiles = toProvinceTiles([gapRow({ region: '01', flag: 'uncertain' }), gapRow({ region: '79', flag: 'too-small', rank: null })], names);
    expect(tiles.find((c) => c.code === '01')!.colorClass).toBe('uncertain');
    expect(tiles.find((c) => c.code === '79')!.colorClass).toBe('too-small');
    expect(tiles.find((c) => c.code === '79')!.fill).toBe('url(#tile-small)');
  });
  it('lists only areas with data in the table', () => {
    const rows = toAreaRows(toProvinceTiles([gapRow({ region: '01', openings: 1000, newSupply: 900, imbalance: -100, ratio: 0.9 })], names));
    expect(rows).toEqual([expect.objectContaining({ code: '01', openings: 1000, newSupply: 900, imbalance: -100, imbalanceShare: -0.001, ratio: 0.9 })]);
  });
});

describe('wrapWords', () => {
  it('breaks region names at spaces within the width', () => {
    expect(wrapWords('North Central and Central Coast', 14)).toEqual(['North Central', 'and Central', 'Coast']);
    expect(wrapWords('Tây Nguyên', 14)).toEqual(['Tây Nguyên']);
  });
  it('sums up an area: its total row and only the largest shortages among the detail cells', () => {
    const total = gapRow({ region: '01', sector: 'TOTAL', qualification: 'ALL', imbalance: -9_000 });
    const rows = [
      total,
      gapRow({ region: '01', sector: 'C', qualification: 'college', imbalance: -3_000 }),
      gapRow({ region: '01', sector: 'F', qualification: 'college', imbalance: -6_000 }),
      gapRow({ region: '01', sector: 'F', qualification: 'university', imbalance: 4_000, flag: 'surplus' }),
      // Not a detail sector: left out of the ranking.
      gapRow({ region: '01', sector: 'B-F', qualification: 'college', imbalance: -20_000 }),
    ];
    const summary = toAreaSummary(rows, names, new Set(['C', 'F']));
    expect(summary.total).toBe(total);
    expect(summary.shortages.map((r) => [r.key, r.imbalance])).toEqual([
      ['F|college', -6_000],
      ['C|college', -3_000],
    ]);
    expect(toAreaSummary(rows, names, new Set(['C', 'F']), 1).shortages.map((r) => r.key)).toEqual(['F|college']);
    expect(toAreaSummary([], names, new Set(['C']))).toEqual({ total: undefined, shortages: [] });
  });
});
