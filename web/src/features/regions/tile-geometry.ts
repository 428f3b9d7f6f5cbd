/**
 * Where tiles of the tile map sit, in SVG units: a tile spanning w × h grid
 * cells keeps the gaps between the cells it covers, so blocks line up with
 * single tiles.
 */
import type { MapCell } from './to-chart-rows';

/** Side of one grid cell at unit scale. */
export const TILE_SIZE = 56;
/** Space between tiles. */
export const TILE_GAP = 5;

type Placed = Pick<MapCell, 'col' | 'row' | 'w' | 'h'>;

/** Width and height of the map for tiles of side `size`. */
export function gridExtent(cells: readonly Placed[], size: number): { width: number; height: number } {
  const cols = Math.max(...cells.map((c) => c.col + c.w));
  const rows = Math.max(...cells.map((c) => c.row + c.h));
  return { width: cols * (size + TILE_GAP), height: rows * (size + TILE_GAP) };
}

/** Top-left corner and size of one tile. */
export function tileBox(c: Placed, size: number): { x: number; y: number; w: number; h: number } {
  return {
    x: c.col * (size + TILE_GAP),
    y: c.row * (size + TILE_GAP),
    w: c.w * size + (c.w - 1) * TILE_GAP,
    h: c.h * size + (c.h - 1) * TILE_GAP,
  };
}

/**
 * CSS position of a tile's tooltip, in % of the map so it follows the SVG as it scales:
 * right of the tile, but never further than 55 % across so the box stays inside the map.
 */
export function tooltipPosition(c: Placed, size: number, extent: { width: number; height: number }): { left: string; top: string } {
  return {
    left: `${Math.min(((c.col + c.w) * (size + TILE_GAP)) / extent.width, 0.55) * 100}%`,
    top: `${((c.row * (size + TILE_GAP)) / extent.height) * 100}%`,
  };
}
