import type { GapRow, Status } from '../../api/types';
import { basisOf } from '../../adapters/basis';
import { FALLBACK_THRESHOLDS, mapClassColor, mapClassOf, shareOf, type FlagThresholds, type MapClass } from '../../components/flag-scale';
import type { Namer } from '../meta/names';
import { toTopImbalanceRows, type ImbalanceBar } from '../overview/to-chart-rows';
import { PROVINCE_TILES, REGION_BLOCKS } from './tile-layout';

/** A tile (province) or block (region) ready to draw: position, colour class and figures. */
export interface MapCell {
  code: string;
  name: string;
  abbr: string;
  col: number;
  row: number;
  w: number;
  h: number;
  /**
   * Class 0 (worst shortage) … 6 (largest surplus) on the diverging scale, derived from the flag
   * thresholds and the row's flag (so the tile agrees with its table row), or `uncertain` /
   * `too-small`; null = no data.
   */
  colorClass: MapClass;
  fill: string;
  gap?: GapRow;
}

/** Table row for "view as table" and CSV. */
export interface AreaRow {
  code: string;
  name: string;
  openings: number;
  newSupply: number;
  imbalance: number;
  /** imbalance ÷ base employment (share), the figure the flag and the colour read. */
  imbalanceShare: number | null;
  ratio: number | null;
  flag: GapRow['flag'];
  confidence: GapRow['confidence'];
  /** What the area's modelled figures rest on. */
  basis: Status[];
  source: string;
}

/** Fill for areas without figures: a hatch pattern defined in the tile map's SVG. */
export const NO_DATA = 'url(#tile-nodata)';
/** Fills of the neutral classes: patterns (defined in the tile map's SVG) over the flags' greys. */
export const NEUTRAL_PATTERNS = { uncertain: 'url(#tile-uncertain)', 'too-small': 'url(#tile-small)' } as const;

function cell(code: string, name: string, abbr: string, pos: { col: number; row: number; w?: number; h?: number }, t: FlagThresholds, gap?: GapRow): MapCell {
  const colorClass = gap ? mapClassOf({ flag: gap.flag, imbalanceShare: shareOf(gap) }, t) : null;
  const fill = colorClass === null ? NO_DATA : typeof colorClass === 'number' ? mapClassColor(colorClass) : NEUTRAL_PATTERNS[colorClass];
  return { code, name, abbr, col: pos.col, row: pos.row, w: pos.w ?? 1, h: pos.h ?? 1, colorClass, fill, gap };
}

function byRegion(rows: GapRow[]): Map<string, GapRow> {
  return new Map(rows.map((r) => [r.region, r]));
}

/**
 * The 34 province tiles coloured by the imbalance share of the selected sector and qualification,
 * on classes cut at exactly the served flag thresholds.
 */
export function toProvinceTiles(rows: GapRow[], names: Namer, thresholds: FlagThresholds = FALLBACK_THRESHOLDS): MapCell[] {
  const gaps = byRegion(rows);
  return PROVINCE_TILES.map((t) => cell(t.code, names.region(t.code), t.abbr, t, thresholds, gaps.get(t.code)));
}

/** The six region blocks, coloured the same way. */
export function toRegionBlocks(rows: GapRow[], names: Namer, thresholds: FlagThresholds = FALLBACK_THRESHOLDS): MapCell[] {
  const gaps = byRegion(rows);
  return REGION_BLOCKS.map((b) => cell(b.code, names.region(b.code), b.code, b, thresholds, gaps.get(b.code)));
}

/** Rows of the map as a table (provinces or regions, whichever the map shows). */
export function toAreaRows(cells: MapCell[]): AreaRow[] {
  return cells
    .filter((c) => c.gap)
    .map((c) => ({
      code: c.code,
      name: c.name,
      openings: c.gap!.openings,
      newSupply: c.gap!.newSupply,
      imbalance: c.gap!.imbalance,
      imbalanceShare: shareOf(c.gap!),
      ratio: c.gap!.ratio,
      flag: c.gap!.flag,
      confidence: c.gap!.confidence,
      basis: basisOf(c.gap),
      source: c.gap!.source,
    }));
}

/** What the area panel shows: the area's total (every sector, every level) and its largest shortages. */
export interface AreaSummary {
  total?: GapRow;
  /** The `n` largest shortages among the detail cells (`sectors` × levels), largest first. */
  shortages: ImbalanceBar[];
}

/** The area panel's figures, read from the area's gaps answer (no figures before it has loaded). */
export function toAreaSummary(rows: GapRow[], names: Namer, sectors: Set<string>, n = 5): AreaSummary {
  return {
    total: rows.find((r) => r.sector === 'TOTAL' && r.qualification === 'ALL'),
    shortages: toTopImbalanceRows(rows, n, names, sectors).filter((r) => r.imbalance < 0),
  };
}

/** Splits a name into lines of at most `max` characters at spaces (long words stay whole). */
export function wrapWords(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
