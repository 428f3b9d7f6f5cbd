/**
 * Geography: the country, the six GSO socio-economic regions, the 34
 * province-level units in force since 1 July 2025 and the 63 former provinces.
 *
 * Sources and caveats (see seeds/README.md):
 * - Current units and their 2-digit codes: Decision 19/2025/QĐ-TTg (list of
 *   administrative unit codes from 1 Jul 2025, baochinhphu.vn 4 Jul 2025). The
 *   merger itself: National Assembly resolution of 12 Jun 2025 (VIETNAM_FACTS §6, C).
 * - Former codes: Decision 124/2004/QĐ-TTg list (background knowledge, U).
 * - Former province → region: GSO's six regions as used up to 2025 (U, from memory).
 * - Region of a current unit: seven units straddle old region boundaries (VIETNAM_FACTS says six, its table shows seven); GSO has not
 *   (as far as the sources read show) published a new classification. We assign each
 *   to the region of the former province whose name it kept — a judgement, recorded
 *   in `regionNote`. Regional series built from the 34 units therefore differ from
 *   GSO's published regional series for those six units.
 */
import { closest, foldKey, stripDiacritics, type Names } from './normalize';

export type RegionLevel = 'country' | 'region' | 'province';

/** A geographic unit of the current (post-1 July 2025) geography. */
export interface Region extends Names {
  code: string;
  level: RegionLevel;
  /** Region code for provinces, `VN` for regions, null for the country. */
  parent: string | null;
  /** For provinces: `city` for the six centrally-run cities. */
  kind?: 'city' | 'province';
  /** Former province codes merged into this unit (itself included when unchanged). */
  formerCodes?: string[];
  /** Why the region assignment is a judgement (straddling units only). */
  regionNote?: Names;
}

/** A province-level unit before 1 July 2025. */
export interface FormerProvince extends Names {
  code: string;
  /** Name without diacritics, for matching and ASCII exports. */
  ascii: string;
  /** Current unit it now belongs to. */
  current: string;
  /** GSO socio-economic region before the 2025 reform. */
  formerRegion: string;
}

export const COUNTRY: Region = { code: 'VN', vi: 'Toàn quốc', en: 'Viet Nam (whole country)', level: 'country', parent: null };

/** The six GSO socio-economic regions (letter codes; GSO publishes names, not codes). */
export const SOCIO_ECONOMIC_REGIONS: Region[] = [
  { code: 'NMM', vi: 'Trung du và miền núi phía Bắc', en: 'Northern Midlands and Mountains', level: 'region', parent: 'VN' },
  { code: 'RRD', vi: 'Đồng bằng sông Hồng', en: 'Red River Delta', level: 'region', parent: 'VN' },
  { code: 'NCCC', vi: 'Bắc Trung Bộ và Duyên hải miền Trung', en: 'North Central and Central Coast', level: 'region', parent: 'VN' },
  { code: 'CH', vi: 'Tây Nguyên', en: 'Central Highlands', level: 'region', parent: 'VN' },
  { code: 'SE', vi: 'Đông Nam Bộ', en: 'Southeast', level: 'region', parent: 'VN' },
  { code: 'MRD', vi: 'Đồng bằng sông Cửu Long', en: 'Mekong River Delta', level: 'region', parent: 'VN' },
];

// [code, vi, en, formerRegion, currentCode]
const FORMER: [string, string, string, string, string][] = [
  ['01', 'Hà Nội', 'Ha Noi', 'RRD', '01'],
  ['02', 'Hà Giang', 'Ha Giang', 'NMM', '08'],
  ['04', 'Cao Bằng', 'Cao Bang', 'NMM', '04'],
  ['06', 'Bắc Kạn', 'Bac Kan', 'NMM', '19'],
  ['08', 'Tuyên Quang', 'Tuyen Quang', 'NMM', '08'],
  ['10', 'Lào Cai', 'Lao Cai', 'NMM', '15'],
  ['11', 'Điện Biên', 'Dien Bien', 'NMM', '11'],
  ['12', 'Lai Châu', 'Lai Chau', 'NMM', '12'],
  ['14', 'Sơn La', 'Son La', 'NMM', '14'],
  ['15', 'Yên Bái', 'Yen Bai', 'NMM', '15'],
  ['17', 'Hòa Bình', 'Hoa Binh', 'NMM', '25'],
  ['19', 'Thái Nguyên', 'Thai Nguyen', 'NMM', '19'],
  ['20', 'Lạng Sơn', 'Lang Son', 'NMM', '20'],
  ['22', 'Quảng Ninh', 'Quang Ninh', 'RRD', '22'],
  ['24', 'Bắc Giang', 'Bac Giang', 'NMM', '24'],
  ['25', 'Phú Thọ', 'Phu Tho', 'NMM', '25'],
  ['26', 'Vĩnh Phúc', 'Vinh Phuc', 'RRD', '25'],
  ['27', 'Bắc Ninh', 'Bac Ninh', 'RRD', '24'],
  ['30', 'Hải Dương', 'Hai Duong', 'RRD', '31'],
  ['31', 'Hải Phòng', 'Hai Phong', 'RRD', '31'],
  ['33', 'Hưng Yên', 'Hung Yen', 'RRD', '33'],
  ['34', 'Thái Bình', 'Thai Binh', 'RRD', '33'],
  ['35', 'Hà Nam', 'Ha Nam', 'RRD', '37'],
  ['36', 'Nam Định', 'Nam Dinh', 'RRD', '37'],
  ['37', 'Ninh Bình', 'Ninh Binh', 'RRD', '37'],
  ['38', 'Thanh Hóa', 'Thanh Hoa', 'NCCC', '38'],
  ['40', 'Nghệ An', 'Nghe An', 'NCCC', '40'],
  ['42', 'Hà Tĩnh', 'Ha Tinh', 'NCCC', '42'],
  ['44', 'Quảng Bình', 'Quang Binh', 'NCCC', '44'],
  ['45', 'Quảng Trị', 'Quang Tri', 'NCCC', '44'],
  ['46', 'Thừa Thiên Huế', 'Thua Thien Hue', 'NCCC', '46'],
  ['48', 'Đà Nẵng', 'Da Nang', 'NCCC', '48'],
  ['49', 'Quảng Nam', 'Quang Nam', 'NCCC', '48'],
  ['51', 'Quảng Ngãi', 'Quang Ngai', 'NCCC', '51'],
  ['52', 'Bình Định', 'Binh Dinh', 'NCCC', '52'],
  ['54', 'Phú Yên', 'Phu Yen', 'NCCC', '66'],
  ['56', 'Khánh Hòa', 'Khanh Hoa', 'NCCC', '56'],
  ['58', 'Ninh Thuận', 'Ninh Thuan', 'NCCC', '56'],
  ['60', 'Bình Thuận', 'Binh Thuan', 'NCCC', '68'],
  ['62', 'Kon Tum', 'Kon Tum', 'CH', '51'],
  ['64', 'Gia Lai', 'Gia Lai', 'CH', '52'],
  ['66', 'Đắk Lắk', 'Dak Lak', 'CH', '66'],
  ['67', 'Đắk Nông', 'Dak Nong', 'CH', '68'],
  ['68', 'Lâm Đồng', 'Lam Dong', 'CH', '68'],
  ['70', 'Bình Phước', 'Binh Phuoc', 'SE', '75'],
  ['72', 'Tây Ninh', 'Tay Ninh', 'SE', '80'],
  ['74', 'Bình Dương', 'Binh Duong', 'SE', '79'],
  ['75', 'Đồng Nai', 'Dong Nai', 'SE', '75'],
  ['77', 'Bà Rịa – Vũng Tàu', 'Ba Ria – Vung Tau', 'SE', '79'],
  ['79', 'TP Hồ Chí Minh', 'Ho Chi Minh City', 'SE', '79'],
  ['80', 'Long An', 'Long An', 'MRD', '80'],
  ['82', 'Tiền Giang', 'Tien Giang', 'MRD', '82'],
  ['83', 'Bến Tre', 'Ben Tre', 'MRD', '86'],
  ['84', 'Trà Vinh', 'Tra Vinh', 'MRD', '86'],
  ['86', 'Vĩnh Long', 'Vinh Long', 'MRD', '86'],
  ['87', 'Đồng Tháp', 'Dong Thap', 'MRD', '82'],
  ['89', 'An Giang', 'An Giang', 'MRD', '91'],
  ['91', 'Kiên Giang', 'Kien Giang', 'MRD', '91'],
  ['92', 'Cần Thơ', 'Can Tho', 'MRD', '92'],
  ['93', 'Hậu Giang', 'Hau Giang', 'MRD', '92'],
  ['94', 'Sóc Trăng', 'Soc Trang', 'MRD', '92'],
  ['95', 'Bạc Liêu', 'Bac Lieu', 'MRD', '96'],
  ['96', 'Cà Mau', 'Ca Mau', 'MRD', '96'],
];

/** The 63 former province-level units with the current unit each now belongs to. */
export const FORMER_PROVINCES: FormerProvince[] = FORMER.map(([code, vi, en, formerRegion, current]) => ({
  code,
  vi,
  en,
  ascii: stripDiacritics(vi),
  current,
  formerRegion,
}));

// [code, vi, en, region, kind]
const CURRENT: [string, string, string, string, 'city' | 'province'][] = [
  ['01', 'Hà Nội', 'Ha Noi', 'RRD', 'city'],
  ['04', 'Cao Bằng', 'Cao Bang', 'NMM', 'province'],
  ['08', 'Tuyên Quang', 'Tuyen Quang', 'NMM', 'province'],
  ['11', 'Điện Biên', 'Dien Bien', 'NMM', 'province'],
  ['12', 'Lai Châu', 'Lai Chau', 'NMM', 'province'],
  ['14', 'Sơn La', 'Son La', 'NMM', 'province'],
  ['15', 'Lào Cai', 'Lao Cai', 'NMM', 'province'],
  ['19', 'Thái Nguyên', 'Thai Nguyen', 'NMM', 'province'],
  ['20', 'Lạng Sơn', 'Lang Son', 'NMM', 'province'],
  ['22', 'Quảng Ninh', 'Quang Ninh', 'RRD', 'province'],
  ['24', 'Bắc Ninh', 'Bac Ninh', 'RRD', 'province'],
  ['25', 'Phú Thọ', 'Phu Tho', 'NMM', 'province'],
  ['31', 'Hải Phòng', 'Hai Phong', 'RRD', 'city'],
  ['33', 'Hưng Yên', 'Hung Yen', 'RRD', 'province'],
  ['37', 'Ninh Bình', 'Ninh Binh', 'RRD', 'province'],
  ['38', 'Thanh Hóa', 'Thanh Hoa', 'NCCC', 'province'],
  ['40', 'Nghệ An', 'Nghe An', 'NCCC', 'province'],
  ['42', 'Hà Tĩnh', 'Ha Tinh', 'NCCC', 'province'],
  ['44', 'Quảng Trị', 'Quang Tri', 'NCCC', 'province'],
  ['46', 'Huế', 'Hue', 'NCCC', 'city'],
  ['48', 'Đà Nẵng', 'Da Nang', 'NCCC', 'city'],
  ['51', 'Quảng Ngãi', 'Quang Ngai', 'NCCC', 'province'],
  ['52', 'Gia Lai', 'Gia Lai', 'CH', 'province'],
  ['56', 'Khánh Hòa', 'Khanh Hoa', 'NCCC', 'province'],
  ['66', 'Đắk Lắk', 'Dak Lak', 'CH', 'province'],
  ['68', 'Lâm Đồng', 'Lam Dong', 'CH', 'province'],
  ['75', 'Đồng Nai', 'Dong Nai', 'SE', 'province'],
  ['79', 'TP Hồ Chí Minh', 'Ho Chi Minh City', 'SE', 'city'],
  ['80', 'Tây Ninh', 'Tay Ninh', 'SE', 'province'],
  ['82', 'Đồng Tháp', 'Dong Thap', 'MRD', 'province'],
  ['86', 'Vĩnh Long', 'Vinh Long', 'MRD', 'province'],
  ['91', 'An Giang', 'An Giang', 'MRD', 'province'],
  ['92', 'Cần Thơ', 'Can Tho', 'MRD', 'city'],
  ['96', 'Cà Mau', 'Ca Mau', 'MRD', 'province'],
];

const REGION_NAME = new Map(SOCIO_ECONOMIC_REGIONS.map((r) => [r.code, r]));

function straddleNote(code: string, region: string): Names | undefined {
  const others = FORMER_PROVINCES.filter((f) => f.current === code && f.formerRegion !== region);
  if (others.length === 0) return undefined;
  const r = REGION_NAME.get(region)!;
  return {
    vi:
      `Đơn vị mới gồm cả tỉnh cũ thuộc vùng khác (${others.map((o) => `${o.vi}: ${REGION_NAME.get(o.formerRegion)!.vi}`).join('; ')}). ` +
      `Xếp vào vùng ${r.vi} theo tỉnh cũ giữ tên — là lựa chọn của LMO, chưa có phân vùng mới chính thức của TCTK.`,
    en:
      `Merged unit includes former provinces of another region (${others.map((o) => `${o.en}: ${REGION_NAME.get(o.formerRegion)!.en}`).join('; ')}). ` +
      `Assigned to ${r.en} after the former province whose name it kept — an LMO judgement; no official post-2025 GSO regional classification was found.`,
  };
}

/** The 34 province-level units in force since 1 July 2025 (28 provinces + 6 cities). */
export const PROVINCES: Region[] = CURRENT.map(([code, vi, en, region, kind]) => ({
  code,
  vi,
  en,
  level: 'province',
  parent: region,
  kind,
  formerCodes: FORMER_PROVINCES.filter((f) => f.current === code).map((f) => f.code),
  regionNote: straddleNote(code, region),
}));

/** Every geographic code: country, regions, provinces (in that order). */
export const REGIONS: Region[] = [COUNTRY, ...SOCIO_ECONOMIC_REGIONS, ...PROVINCES];

const BY_CODE = new Map(REGIONS.map((r) => [r.code, r]));
const FORMER_BY_CODE = new Map(FORMER_PROVINCES.map((f) => [f.code, f]));

/** The region (or country/province) with this exact code. */
export function getRegion(code: string): Region | undefined {
  return BY_CODE.get(code);
}

/** Result of resolving a user's region label. */
export interface ResolvedRegion {
  code: string;
  /** Set when the input named a former province: its former code. */
  mappedFrom?: string;
}

// Prefixes people put before names; stripped (folded) before matching.
const PREFIXES = ['thanhpho', 'tinh', 'tp', 'province', 'city', 'vung'];
const ALIASES: [string, string][] = [
  ['vietnam', 'VN'],
  ['toanquoc', 'VN'],
  ['canuoc', 'VN'],
  ['wholecountry', 'VN'],
  ['national', 'VN'],
  ['hcm', '79'],
  ['hcmc', '79'],
  ['tphcm', '79'],
  ['hochiminh', '79'],
  ['saigon', '79'],
  ['hanoi', '01'],
  ['danang', '48'],
  ['hue', '46'],
  ['cantho', '92'],
  ['haiphong', '31'],
  ['brvt', '79:77'],
  ['bariavungtau', '79:77'],
  ['vungtau', '79:77'],
  ['thuathienhue', '46:46'],
  // Region names as GSO's English PX-Web tables spell them.
  ['northernmidlandsandmountainareas', 'NMM'],
  ['northernmidlandsandmountainousareas', 'NMM'],
  ['northernmidlandsandmountainarea', 'NMM'],
  ['northcentralareaandcentralcoastalarea', 'NCCC'],
  ['northerncentralareaandcentralcoastalarea', 'NCCC'],
  ['northcentralandcentralcoastalareas', 'NCCC'],
  ['northcentralandcentralcoastalarea', 'NCCC'],
  ['southeastregion', 'SE'],
  ['mekongdelta', 'MRD'],
];

function buildIndex(): Map<string, ResolvedRegion> {
  const idx = new Map<string, ResolvedRegion>();
  const put = (key: string, r: ResolvedRegion) => {
    if (key && !idx.has(key)) idx.set(key, r);
  };
  // Current names first so "Bắc Ninh" means today's unit, not the former province.
  for (const r of REGIONS) {
    put(foldKey(r.code), { code: r.code });
    put(foldKey(r.vi), { code: r.code });
    put(foldKey(r.en), { code: r.code });
  }
  for (const [alias, target] of ALIASES) {
    const [code, from] = target.split(':');
    put(alias, from && from !== code ? { code, mappedFrom: from } : { code });
  }
  for (const f of FORMER_PROVINCES) {
    const r: ResolvedRegion = f.current === f.code ? { code: f.current } : { code: f.current, mappedFrom: f.code };
    put(foldKey(f.code), r);
    put(foldKey(f.vi), r);
    put(foldKey(f.en), r);
  }
  return idx;
}

let INDEX: Map<string, ResolvedRegion> | undefined;

/**
 * Resolve a region label: a current code (`VN`, `RRD`, `01`–`96`), a former
 * province code, or a Vietnamese/English name with or without diacritics and
 * "Tỉnh"/"TP" prefixes. One-digit codes (`1`) are read as `01`. Current codes
 * and names win: every current code that was also a former code belongs to a
 * former province now inside that same unit, so the reading is unambiguous.
 * @returns undefined when nothing matches.
 */
export function resolveRegion(codeOrName: string): ResolvedRegion | undefined {
  INDEX ??= buildIndex();
  const raw = codeOrName.trim();
  if (/^\d$/.test(raw)) return resolveRegion(`0${raw}`);
  if (BY_CODE.has(raw)) return { code: raw };
  const key = foldKey(raw);
  const hit = INDEX.get(key);
  if (hit) return hit;
  for (const p of PREFIXES) {
    if (key.startsWith(p) && key.length > p.length) {
      const h = INDEX.get(key.slice(p.length));
      if (h) return h;
    }
  }
  return undefined;
}

/** A near-miss suggestion for an unknown region label (a current code or name). */
export function suggestRegion(value: string): string | undefined {
  const names = [...REGIONS.map((r) => r.vi), ...FORMER_PROVINCES.map((f) => f.vi)];
  const hit = closest(value, names);
  if (!hit) return undefined;
  const r = resolveRegion(hit);
  return r ? `${r.code} (${hit})` : undefined;
}

/** The former province behind a former code, if any. */
export function getFormerProvince(code: string): FormerProvince | undefined {
  return FORMER_BY_CODE.get(code);
}

/** Region code (NMM…MRD) of any geographic code, or undefined for `VN`. */
export function regionOf(code: string): string | undefined {
  const r = BY_CODE.get(code);
  if (!r || r.level === 'country') return undefined;
  return r.level === 'region' ? r.code : (r.parent ?? undefined);
}
