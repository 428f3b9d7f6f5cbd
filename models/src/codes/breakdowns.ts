/**
 * Breakdown axes other than economic sector. An indicator's `axis` says what
 * its `sector` column holds:
 *
 * - `sector` (default): TOTAL, B-F, G-U, a VSIC 2018 section or a new field;
 * - `group`: a demographic group `<sex>:<age>`, sex ∈ T|M|F (total, male,
 *   female), age ∈ ALL | `N+` | `N-M` — `T:15-24`, `M:ALL`, `F:60-64`, `T:15+`;
 * - `occupation`: a VSCO 2008 major group `OCC0`..`OCC9` or `TOTAL`.
 *
 * Pure helpers (no I/O) so the web can import them for labels.
 */
import { closest, foldKey, type Names } from './normalize';
import { getSector } from './sectors';

export type BreakdownAxis = 'sector' | 'group' | 'occupation';

/** `<sex>:<age>`; age is ALL, `N+` or `N-M` (N < M, both 0–120). */
export const GROUP_CODE_RE = /^([TMF]):(ALL|(\d{1,3})\+|(\d{1,3})-(\d{1,3}))$/;

const SEX_NAMES: Record<string, Names> = {
  T: { vi: 'Chung', en: 'Both sexes' },
  M: { vi: 'Nam', en: 'Male' },
  F: { vi: 'Nữ', en: 'Female' },
};

/** True when `code` is a well-formed demographic group code (bounds checked). */
export function isGroupCode(code: string): boolean {
  const m = GROUP_CODE_RE.exec(code);
  if (!m) return false;
  if (m[3] !== undefined) return Number(m[3]) <= 120;
  if (m[4] !== undefined) return Number(m[4]) < Number(m[5]) && Number(m[5]) <= 120;
  return true;
}

/**
 * Normalise a group label to its code: trims, upper-cases the sex and `ALL`,
 * accepts `–` for `-` and spaces around `:`. Undefined when not a group code.
 */
export function resolveGroup(raw: string): string | undefined {
  const s = raw
    .trim()
    .replace(/\s*:\s*/, ':')
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, '');
  const [sex, age] = s.split(':');
  if (age === undefined) return undefined;
  const code = `${sex.toUpperCase()}:${age.toUpperCase() === 'ALL' ? 'ALL' : age}`;
  return isGroupCode(code) ? code : undefined;
}

/** Vietnamese and English names of a group code: `T:15-24` → "Chung, 15–24 tuổi" / "Both sexes, aged 15–24". */
export function groupNames(code: string): Names | undefined {
  if (!isGroupCode(code)) return undefined;
  const [sex, age] = code.split(':');
  const s = SEX_NAMES[sex];
  if (age === 'ALL') return { vi: `${s.vi}, mọi độ tuổi`, en: `${s.en}, all ages` };
  if (age.endsWith('+')) return { vi: `${s.vi}, từ ${age.slice(0, -1)} tuổi trở lên`, en: `${s.en}, aged ${age}` };
  const [a, b] = age.split('-');
  return { vi: `${s.vi}, ${a}–${b} tuổi`, en: `${s.en}, aged ${a}–${b}` };
}

export const GROUP_HELP = 'expected a demographic group <sex>:<age> with sex T, M or F and age ALL, N+ or N-M (e.g. T:15-24, M:ALL, F:60-64, T:15+)';
export const GROUP_HELP_VI = 'cần nhóm dân số <giới>:<tuổi>, giới T (chung), M (nam) hoặc F (nữ), tuổi ALL, N+ hoặc N-M (ví dụ T:15-24, M:ALL, F:60-64, T:15+)';

export interface Occupation extends Names {
  code: string;
  /** VSCO 2008 major group digit, or null for TOTAL. */
  major: number | null;
}

/** VSCO 2008 (Decision 1019/QĐ-TCTK) major groups; digit 0 is the armed forces. */
export const OCCUPATIONS: Occupation[] = [
  { code: 'TOTAL', major: null, vi: 'Tất cả các nghề', en: 'All occupations' },
  ...(
    [
      [1, 'Nhà lãnh đạo', 'Leaders and managers'],
      [2, 'Chuyên môn kỹ thuật bậc cao', 'High-level professionals'],
      [3, 'Chuyên môn kỹ thuật bậc trung', 'Mid-level professionals and technicians'],
      [4, 'Nhân viên', 'Clerks'],
      [5, 'Dịch vụ cá nhân, bảo vệ và bán hàng', 'Personal services, protective and sales workers'],
      [6, 'Nghề trong nông, lâm, ngư nghiệp', 'Skilled agricultural, forestry and fishery workers'],
      [7, 'Thợ thủ công', 'Craft and related trades workers'],
      [8, 'Thợ lắp ráp và vận hành máy móc', 'Plant and machine operators and assemblers'],
      [9, 'Lao động giản đơn', 'Elementary occupations'],
      [0, 'Lực lượng vũ trang', 'Armed forces'],
    ] as [number, string, string][]
  ).map(([major, vi, en]) => ({ code: `OCC${major}`, major, vi, en })),
];

const OCC_BY_CODE = new Map(OCCUPATIONS.map((o) => [o.code, o]));
const OCC_BY_KEY = new Map<string, string>();
for (const o of OCCUPATIONS) for (const k of [o.code, o.vi, o.en]) OCC_BY_KEY.set(foldKey(k), o.code);
// Labels of GSO's English PX-Web occupation table ("Others" is left to the analyst: it is not only the armed forces).
const PXWEB_OCCUPATIONS: [string, string][] = [
  ['Leaders/managers', 'OCC1'],
  ['High level professionals', 'OCC2'],
  ['Mid-level professionals', 'OCC3'],
  ['Clerks', 'OCC4'],
  ['Personal services, protective workers and sales worker', 'OCC5'],
  ['Personal services, protective workers and sales workers', 'OCC5'],
  ['Skilled agricultural, forestry and fishery workers', 'OCC6'],
  ['Craft and related trade workers', 'OCC7'],
  ['Plant and machine operators and assemblers', 'OCC8'],
  ['Unskilled occupations', 'OCC9'],
  ['Armed forces', 'OCC0'],
  ['Total', 'TOTAL'],
];
for (const [label, code] of PXWEB_OCCUPATIONS) if (!OCC_BY_KEY.has(foldKey(label))) OCC_BY_KEY.set(foldKey(label), code);

export function getOccupation(code: string): Occupation | undefined {
  return OCC_BY_CODE.get(code);
}

/** Resolve an occupation code or name (any case, with or without diacritics); a bare digit `0`–`9` is a major group. */
export function resolveOccupation(raw: string): string | undefined {
  const s = raw.trim();
  if (OCC_BY_CODE.has(s)) return s;
  if (/^\d$/.test(s)) return `OCC${s}`;
  return OCC_BY_KEY.get(foldKey(s));
}

export function suggestOccupation(value: string): string | undefined {
  return (
    closest(
      value,
      OCCUPATIONS.map((o) => o.code),
    ) ??
    closest(
      value,
      OCCUPATIONS.map((o) => o.en),
    )
  );
}

export const OCCUPATION_HELP = 'expected TOTAL or a VSCO 2008 major group OCC0–OCC9';
export const OCCUPATION_HELP_VI = 'cần TOTAL hoặc nhóm nghề cấp 1 VSCO 2008 OCC0–OCC9';

/** Names of a code on any axis (sector, group or occupation); undefined when unknown. */
export function breakdownNames(axis: BreakdownAxis, code: string): Names | undefined {
  if (axis === 'group') return groupNames(code);
  if (axis === 'occupation') {
    const o = getOccupation(code);
    return o && { vi: o.vi, en: o.en };
  }
  const s = getSector(code);
  return s && { vi: s.vi, en: s.en };
}
