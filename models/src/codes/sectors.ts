/**
 * Economic sectors: `TOTAL`, the three broad sectors GSO reports employment by,
 * the 21 VSIC 2018 sections (Decision 27/2018/QĐ-TTg) and the ministry's new
 * fields.
 *
 * The additive tree is TOTAL → {A, B-F, G-U} → sections, so that GSO's
 * "agriculture-forestry-fishery / industry-construction / services" shares map
 * exactly: agriculture is section A; industry-construction is B–F; services
 * G–U. New fields are *of which* subsets of one section: they have a `parent`
 * but `additive: false`, so they are never summed into it again.
 */
import { closest, foldKey, type Names } from './normalize';

export type SectorLevel = 'total' | 'broad' | 'section' | 'field';

export interface Sector extends Names {
  code: string;
  level: SectorLevel;
  parent: string | null;
  /** False for new fields: a part of `parent` already counted in it. */
  additive: boolean;
  /** What a new field includes (and why it sits under its parent). */
  scope?: Names;
}

// [code, vi, en, parent]; section A is also the agriculture broad sector.
const SECTIONS: [string, string, string, string][] = [
  ['A', 'Nông nghiệp, lâm nghiệp và thủy sản', 'Agriculture, forestry and fishing', 'TOTAL'],
  ['B', 'Khai khoáng', 'Mining and quarrying', 'B-F'],
  ['C', 'Công nghiệp chế biến, chế tạo', 'Manufacturing', 'B-F'],
  ['D', 'Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hòa không khí', 'Electricity, gas, steam and air conditioning supply', 'B-F'],
  ['E', 'Cung cấp nước; hoạt động quản lý và xử lý rác thải, nước thải', 'Water supply; sewerage, waste management and remediation', 'B-F'],
  ['F', 'Xây dựng', 'Construction', 'B-F'],
  [
    'G',
    'Bán buôn và bán lẻ; sửa chữa ô tô, mô tô, xe máy và xe có động cơ khác',
    'Wholesale and retail trade; repair of motor vehicles and motorcycles',
    'G-U',
  ],
  ['H', 'Vận tải kho bãi', 'Transportation and storage', 'G-U'],
  ['I', 'Dịch vụ lưu trú và ăn uống', 'Accommodation and food service activities', 'G-U'],
  ['J', 'Thông tin và truyền thông', 'Information and communication', 'G-U'],
  ['K', 'Hoạt động tài chính, ngân hàng và bảo hiểm', 'Financial and insurance activities', 'G-U'],
  ['L', 'Hoạt động kinh doanh bất động sản', 'Real estate activities', 'G-U'],
  ['M', 'Hoạt động chuyên môn, khoa học và công nghệ', 'Professional, scientific and technical activities', 'G-U'],
  ['N', 'Hoạt động hành chính và dịch vụ hỗ trợ', 'Administrative and support service activities', 'G-U'],
  [
    'O',
    'Hoạt động của Đảng Cộng sản, tổ chức chính trị - xã hội, quản lý nhà nước, an ninh quốc phòng; bảo đảm xã hội bắt buộc',
    'Public administration and defence; compulsory social security',
    'G-U',
  ],
  ['P', 'Giáo dục và đào tạo', 'Education', 'G-U'],
  ['Q', 'Y tế và hoạt động trợ giúp xã hội', 'Human health and social work activities', 'G-U'],
  ['R', 'Nghệ thuật, vui chơi và giải trí', 'Arts, entertainment and recreation', 'G-U'],
  ['S', 'Hoạt động dịch vụ khác', 'Other service activities', 'G-U'],
  [
    'T',
    'Hoạt động làm thuê các công việc trong các hộ gia đình, sản xuất sản phẩm vật chất và dịch vụ tự tiêu dùng của hộ gia đình',
    'Activities of households as employers and for own use',
    'G-U',
  ],
  ['U', 'Hoạt động của các tổ chức và cơ quan quốc tế', 'Activities of extraterritorial organisations and bodies', 'G-U'],
];

/** VSIC 2018 section letters A–U, in order. */
export const SECTION_CODES: string[] = SECTIONS.map(([c]) => c);

/** The ministry's new fields (codes used in data). */
export const NEW_FIELD_CODES = ['semiconductors', 'hydrogen', 'carbon-markets', 'ai-digital'] as const;

const NEW_FIELDS: Sector[] = [
  {
    code: 'semiconductors',
    level: 'field',
    parent: 'C',
    additive: false,
    vi: 'Chip bán dẫn',
    en: 'Chips and semiconductors',
    scope: {
      vi: 'Thiết kế vi mạch, chế tạo, đóng gói và kiểm thử (ATP) chip bán dẫn (VSIC 2610 và phần thiết kế liên quan). Xếp dưới C vì lao động chủ yếu ở nhà máy ATP; kỹ sư thiết kế thuộc doanh nghiệp chế tạo được tính vào đây. Mục tiêu nhân lực theo QĐ 1017/QĐ-TTg (2024).',
      en: 'IC design, fabrication, assembly-packaging-testing (ATP) of semiconductors (VSIC 2610 and associated design). Under C because most jobs are in ATP plants; design engineers employed by manufacturers are counted here. Workforce targets: Decision 1017/QĐ-TTg (2024).',
    },
  },
  {
    code: 'hydrogen',
    level: 'field',
    parent: 'D',
    additive: false,
    vi: 'Hydro',
    en: 'Hydrogen',
    scope: {
      vi: 'Sản xuất, lưu trữ, vận chuyển và phân phối hydro (gồm hydro xanh từ năng lượng tái tạo). Xếp dưới D (năng lượng, khí đốt); hydro dùng làm nguyên liệu trong nhà máy phân bón/lọc dầu thuộc C không tính. Chiến lược theo QĐ 165/QĐ-TTg (2024).',
      en: 'Production, storage, transport and distribution of hydrogen (incl. green hydrogen from renewables). Under D (energy and gas supply); captive hydrogen inside fertiliser/refinery plants (C) is excluded. Strategy: Decision 165/QĐ-TTg (2024).',
    },
  },
  {
    code: 'carbon-markets',
    level: 'field',
    parent: 'M',
    additive: false,
    vi: 'Tín chỉ carbon',
    en: 'Carbon credits and markets',
    scope: {
      vi: 'Đo đạc–báo cáo–thẩm định (MRV), kiểm kê khí nhà kính, phát triển dự án và tư vấn tín chỉ carbon. Xếp dưới M (hoạt động chuyên môn, khoa học, công nghệ) vì phần lớn là công việc kỹ thuật–tư vấn; môi giới/giao dịch trên sàn (K) nhỏ và không tính. Lộ trình thị trường: NĐ 06/2022/NĐ-CP.',
      en: 'Measurement-reporting-verification (MRV), greenhouse-gas inventories, carbon project development and advisory. Under M (professional, scientific, technical) because most of the work is technical consulting; exchange trading/brokerage (K) is small and excluded. Market roadmap: Decree 06/2022/NĐ-CP.',
    },
  },
  {
    code: 'ai-digital',
    level: 'field',
    parent: 'J',
    additive: false,
    vi: 'Trí tuệ nhân tạo và công nghệ số',
    en: 'AI and digital technology',
    scope: {
      vi: 'Phần mềm, dịch vụ công nghệ thông tin, dữ liệu và trí tuệ nhân tạo (VSIC 62, 63). Xếp dưới J (thông tin và truyền thông); lao động CNTT làm trong ngành khác không tính.',
      en: 'Software, IT services, data and artificial intelligence (VSIC 62, 63). Under J (information and communication); IT staff employed in other sectors are not counted.',
    },
  },
];

/** Every sector code: total, broad sectors, sections, new fields. */
export const SECTORS: Sector[] = [
  { code: 'TOTAL', vi: 'Tất cả các ngành', en: 'All sectors', level: 'total', parent: null, additive: true },
  { code: 'B-F', vi: 'Công nghiệp và xây dựng', en: 'Industry and construction', level: 'broad', parent: 'TOTAL', additive: true },
  { code: 'G-U', vi: 'Dịch vụ', en: 'Services', level: 'broad', parent: 'TOTAL', additive: true },
  ...SECTIONS.map(([code, vi, en, parent]): Sector => ({ code, vi, en, level: 'section', parent, additive: true })),
  ...NEW_FIELDS,
];

const BY_CODE = new Map(SECTORS.map((s) => [s.code, s]));
const BY_KEY = new Map<string, string>();
for (const s of SECTORS) {
  for (const k of [s.code, s.vi, s.en]) if (!BY_KEY.has(foldKey(k))) BY_KEY.set(foldKey(k), s.code);
}

export function getSector(code: string): Sector | undefined {
  return BY_CODE.get(code);
}

/**
 * Resolve a sector label: exact code, or a code/name ignoring case and
 * diacritics (`"a"`, `"Xây dựng"`, `"Semiconductors"`).
 */
export function resolveSector(codeOrName: string): string | undefined {
  const raw = codeOrName.trim();
  if (BY_CODE.has(raw)) return raw;
  return BY_KEY.get(foldKey(raw));
}

/** Near-miss suggestion for an unknown sector label. */
export function suggestSector(value: string): string | undefined {
  return (
    closest(
      value,
      SECTORS.filter((s) => s.code.length > 1).map((s) => s.code),
    ) ??
    closest(
      value,
      SECTORS.map((s) => s.en),
    )
  );
}

/** Sections (A–U) in a broad sector or TOTAL; a section maps to itself. */
export function sectionsOf(code: string): string[] {
  if (code === 'TOTAL') return SECTION_CODES;
  const s = BY_CODE.get(code);
  if (!s) return [];
  if (s.level === 'section') return [code];
  if (s.level === 'broad') return SECTORS.filter((x) => x.parent === code && x.level === 'section').map((x) => x.code);
  return [];
}
