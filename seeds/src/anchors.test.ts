import { describe, expect, it } from 'vitest';
import type { Observation } from '@lmo/models';
import { ANCHOR_FILE, anchorsFrom, cellKey, GENERATED_FILE, interpolate, LEGACY_GENERATED_FILE } from './anchors';

const row = (indicator: string, period: string, value: number, region = 'VN'): Observation => ({
  indicator,
  period,
  region,
  sector: 'TOTAL',
  qualification: 'ALL',
  value,
  unit: 'persons',
  source: 'GSO test',
  status: 'official',
});

describe('anchors', () => {
  it('looks cells up and lists their years in order', () => {
    const a = anchorsFrom([row('employment', '2016', 2), row('employment', '2015', 1), row('employment', '2016-Q1', 9)]);
    expect(a.value('employment', 2015)).toBe(1);
    expect(a.value('employment', '2016-Q1')).toBe(9);
    expect(a.years('employment')).toEqual([2015, 2016]);
    expect(a.has(cellKey(row('employment', '2016', 0)))).toBe(true);
    expect(a.has(cellKey(row('employment', '2017', 0)))).toBe(false);
  });

  it('interpolates linearly, holds before the first year and extends after the last', () => {
    const m = new Map([
      [2016, 20],
      [2019, 23],
    ]);
    expect(interpolate(m, 2017)).toBeCloseTo(21);
    expect(interpolate(m, 2010)).toBe(20);
    expect(interpolate(m, 2021, 0.5)).toBe(24);
  });

  it('tells generated files from real ones', () => {
    for (const f of ['official.csv', 'official-lfs.csv', 'international-wpp.csv', 'modelled-province-rates.csv']) expect(ANCHOR_FILE.test(f), f).toBe(true);
    expect(GENERATED_FILE.test('illustrative-employment-2015-2017.csv')).toBe(true);
    expect(LEGACY_GENERATED_FILE.test('modelled-employment-2015-2017.csv')).toBe(true);
    expect(LEGACY_GENERATED_FILE.test('modelled-province-rates.csv')).toBe(false);
    expect(ANCHOR_FILE.test('illustrative-supply.csv')).toBe(false);
  });
});
