import { describe, expect, it } from 'vitest';
import { gridExtent, TILE_GAP, tileBox, tooltipPosition } from './tile-geometry';

describe('tile geometry', () => {
  const cells = [
    { col: 0, row: 0, w: 1, h: 1 },
    { col: 1, row: 2, w: 2, h: 1 },
  ];
  it('sizes the map to the furthest tile, gaps included', () => {
    expect(gridExtent(cells, 10)).toEqual({ width: 3 * (10 + TILE_GAP), height: 3 * (10 + TILE_GAP) });
  });
  it('keeps the inner gap inside a tile spanning several cells', () => {
    expect(tileBox(cells[1], 10)).toEqual({ x: 15, y: 30, w: 2 * 10 + TILE_GAP, h: 10 });
  });
  it('puts the tooltip right of the tile but never past 55 % of the width', () => {
    const extent = gridExtent(cells, 10);
    expect(tooltipPosition(cells[0], 10, extent)).toEqual({ left: `${(15 / 45) * 100}%`, top: '0%' });
    expect(tooltipPosition(cells[1], 10, extent).left).toBe(`${0.55 * 100}%`);
    expect(tooltipPosition(cells[1], 10, extent).top).toBe(`${(30 / 45) * 100}%`);
  });
});
