import { describe, expect, it } from 'vitest';
import { PROVINCES, REGIONS } from '@lmo/models/codes';
import { PROVINCE_TILES, REGION_BLOCKS } from './tile-layout';

describe('tile-grid layout', () => {
  it('has one tile for each of the 34 province-level units', () => {
    expect(PROVINCE_TILES).toHaveLength(34);
    const codes = new Set(PROVINCE_TILES.map((t) => t.code));
    expect(codes.size).toBe(34);
    expect([...codes].sort()).toEqual(PROVINCES.map((p: { code: string }) => p.code).sort());
  });
  it('never puts two tiles on the same square', () => {
    const cells = new Set(PROVINCE_TILES.map((t) => `${t.col},${t.row}`));
    expect(cells.size).toBe(PROVINCE_TILES.length);
  });
  it('runs north to south: Hà Nội above Đà Nẵng above TP Hồ Chí Minh above Cà Mau', () => {
    const row = (code: string) => PROVINCE_TILES.find((t) => t.code === code)!.row;
    expect(row('01')).toBeLessThan(row('48'));
    expect(row('48')).toBeLessThan(row('79'));
    expect(row('79')).toBeLessThan(row('96'));
  });
  it('has a block for each of the six regions', () => {
    const regionCodes = REGIONS.filter((r: { level: string }) => r.level === 'region')
      .map((r: { code: string }) => r.code)
      .sort();
    expect(REGION_BLOCKS.map((b) => b.code).sort()).toEqual(regionCodes);
  });
});
