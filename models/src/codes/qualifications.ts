/**
 * Qualification levels, following GSO's Labour Force Survey categories of
 * "technical and professional qualification" (trình độ chuyên môn kỹ thuật).
 * `none` = no degree or certificate (may include short courses under 3 months),
 * which is why GSO's "trained with degrees/certificates" share = 100 − none.
 */
import { closest, foldKey, type Names } from './normalize';

export interface Qualification extends Names {
  code: string;
  parent: string | null;
  /** Vocational (GDNN) levels are elementary, intermediate and college. */
  vocational: boolean;
}

export const QUALIFICATIONS: Qualification[] = [
  { code: 'ALL', vi: 'Tất cả trình độ', en: 'All levels', parent: null, vocational: false },
  { code: 'none', vi: 'Chưa qua đào tạo có bằng/chứng chỉ', en: 'No degree or certificate', parent: 'ALL', vocational: false },
  { code: 'elementary', vi: 'Sơ cấp', en: 'Elementary vocational (sơ cấp)', parent: 'ALL', vocational: true },
  { code: 'intermediate', vi: 'Trung cấp', en: 'Intermediate vocational (trung cấp)', parent: 'ALL', vocational: true },
  { code: 'college', vi: 'Cao đẳng', en: 'College (cao đẳng)', parent: 'ALL', vocational: true },
  { code: 'university', vi: 'Đại học trở lên', en: 'University and above', parent: 'ALL', vocational: false },
];

/** The five levels that add up to `ALL`, from lowest to highest. */
export const QUALIFICATION_LEVELS = ['none', 'elementary', 'intermediate', 'college', 'university'] as const;
export type QualificationLevel = (typeof QUALIFICATION_LEVELS)[number];

const BY_CODE = new Map(QUALIFICATIONS.map((q) => [q.code, q]));
const BY_KEY = new Map<string, string>();
const EXTRA: [string, string][] = [
  ['socap', 'elementary'],
  ['trungcap', 'intermediate'],
  ['caodang', 'college'],
  ['daihoc', 'university'],
  ['daihoctrolen', 'university'],
  ['untrained', 'none'],
  ['total', 'ALL'],
  ['tatca', 'ALL'],
];
for (const q of QUALIFICATIONS) for (const k of [q.code, q.vi, q.en]) BY_KEY.set(foldKey(k), q.code);
for (const [k, c] of EXTRA) BY_KEY.set(k, c);

/** Resolve a qualification label: code, or Vietnamese/English name, case/diacritic-insensitive. */
export function resolveQualification(codeOrName: string): string | undefined {
  const raw = codeOrName.trim();
  if (BY_CODE.has(raw)) return raw;
  return BY_KEY.get(foldKey(raw));
}

/** Near-miss suggestion for an unknown qualification label. */
export function suggestQualification(value: string): string | undefined {
  return closest(
    value,
    QUALIFICATIONS.map((q) => q.code),
  );
}
