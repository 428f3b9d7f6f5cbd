/**
 * Tile-grid map of Viet Nam's 34 province-level units (since 1 July 2025): one square per
 * unit, placed by hand roughly where it lies (north at the top, coast on the right).
 * Codes are the administrative codes in models/src/labour/codes-regions.ts.
 */
export interface Tile {
  code: string;
  /** Short label drawn on the tile. */
  abbr: string;
  col: number;
  row: number;
}

export const PROVINCE_TILES: Tile[] = [
  // Northern mountains and the Red River Delta
  { code: '12', abbr: 'LCh', col: 1, row: 0 }, // Lai Châu
  { code: '15', abbr: 'LCa', col: 2, row: 0 }, // Lào Cai
  { code: '08', abbr: 'TQ', col: 3, row: 0 }, // Tuyên Quang
  { code: '04', abbr: 'CB', col: 4, row: 0 }, // Cao Bằng
  { code: '11', abbr: 'ĐB', col: 0, row: 1 }, // Điện Biên
  { code: '14', abbr: 'SL', col: 1, row: 1 }, // Sơn La
  { code: '25', abbr: 'PT', col: 2, row: 1 }, // Phú Thọ
  { code: '19', abbr: 'TN', col: 3, row: 1 }, // Thái Nguyên
  { code: '20', abbr: 'LS', col: 4, row: 1 }, // Lạng Sơn
  { code: '22', abbr: 'QNi', col: 5, row: 1 }, // Quảng Ninh
  { code: '01', abbr: 'HN', col: 2, row: 2 }, // Hà Nội
  { code: '24', abbr: 'BN', col: 3, row: 2 }, // Bắc Ninh
  { code: '31', abbr: 'HP', col: 4, row: 2 }, // Hải Phòng
  { code: '38', abbr: 'TH', col: 1, row: 3 }, // Thanh Hóa
  { code: '37', abbr: 'NB', col: 2, row: 3 }, // Ninh Bình
  { code: '33', abbr: 'HY', col: 3, row: 3 }, // Hưng Yên
  // North Central and Central Coast
  { code: '40', abbr: 'NA', col: 1, row: 4 }, // Nghệ An
  { code: '42', abbr: 'HT', col: 2, row: 4 }, // Hà Tĩnh
  { code: '44', abbr: 'QT', col: 2, row: 5 }, // Quảng Trị
  { code: '46', abbr: 'Huế', col: 3, row: 5 }, // Huế
  { code: '48', abbr: 'ĐNa', col: 4, row: 6 }, // Đà Nẵng
  { code: '51', abbr: 'QNg', col: 4, row: 7 }, // Quảng Ngãi
  // Central Highlands and the south-central coast
  { code: '52', abbr: 'GL', col: 4, row: 8 }, // Gia Lai
  { code: '66', abbr: 'ĐL', col: 4, row: 9 }, // Đắk Lắk
  { code: '75', abbr: 'ĐNai', col: 2, row: 10 }, // Đồng Nai
  { code: '68', abbr: 'LĐ', col: 3, row: 10 }, // Lâm Đồng
  { code: '56', abbr: 'KH', col: 4, row: 10 }, // Khánh Hòa
  // Southeast and the Mekong Delta
  { code: '80', abbr: 'TNi', col: 1, row: 11 }, // Tây Ninh
  { code: '79', abbr: 'HCM', col: 2, row: 11 }, // TP Hồ Chí Minh
  { code: '91', abbr: 'AG', col: 0, row: 12 }, // An Giang
  { code: '82', abbr: 'ĐT', col: 1, row: 12 }, // Đồng Tháp
  { code: '86', abbr: 'VL', col: 2, row: 12 }, // Vĩnh Long
  { code: '96', abbr: 'CM', col: 0, row: 13 }, // Cà Mau
  { code: '92', abbr: 'CT', col: 1, row: 13 }, // Cần Thơ
];

/** The six socio-economic regions as blocks, north to south (col, row, width, height in block units). */
export const REGION_BLOCKS: { code: string; col: number; row: number; w: number; h: number }[] = [
  { code: 'NMM', col: 0, row: 0, w: 1, h: 1 },
  { code: 'RRD', col: 1, row: 0, w: 1, h: 1 },
  { code: 'NCCC', col: 1, row: 1, w: 1, h: 2 },
  { code: 'CH', col: 0, row: 2, w: 1, h: 1 },
  { code: 'MRD', col: 0, row: 3, w: 1, h: 1 },
  { code: 'SE', col: 1, row: 3, w: 1, h: 1 },
];

export const GRID = {
  cols: Math.max(...PROVINCE_TILES.map((t) => t.col)) + 1,
  rows: Math.max(...PROVINCE_TILES.map((t) => t.row)) + 1,
};
