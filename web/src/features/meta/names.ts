import type { Meta, NamedCode } from '../../api/types';
import type { Lang } from '../../i18n/format';

/** Looks up display names for codes in the current language; unknown codes show as themselves. */
export interface Namer {
  region(code: string): string;
  sector(code: string): string;
  qualification(code: string): string;
  /** Short qualification label for crowded chart axes; falls back to the full name. */
  qualificationShort(code: string): string;
  scenario(id: string): string;
}

/**
 * A served code-list entry, scenario or preset: named in both languages, keyed by `code` (a scenario
 * of /api/meta also has `id`; a preset of /api/scenarios has only `id`).
 */
export type Named = Pick<NamedCode, 'nameVi' | 'nameEn'> & { code?: string; id?: string };

const keyOf = (item: Named): string => item.code ?? item.id ?? '';

/** Display name of a code-list entry in the chosen language. */
export function nameOf(item: Named, lang: Lang): string {
  return lang === 'vi' ? item.nameVi : item.nameEn;
}

function indexBy(list: readonly Named[] | undefined, lang: Lang): Map<string, string> {
  const map = new Map<string, string>();
  for (const item of list ?? []) map.set(keyOf(item), nameOf(item, lang));
  return map;
}

/** Builds a namer from /api/meta; `short` supplies short qualification labels (from i18n). */
export function makeNamer(meta: Meta | undefined, lang: Lang, short?: (code: string) => string | undefined): Namer {
  const regions = indexBy(meta?.regions, lang);
  const sectors = indexBy(meta?.sectors, lang);
  const quals = indexBy(meta?.qualifications, lang);
  const scenarios = indexBy(meta?.scenarios, lang);
  return {
    region: (code) => regions.get(code) ?? code,
    sector: (code) => sectors.get(code) ?? code,
    qualification: (code) => quals.get(code) ?? code,
    qualificationShort: (code) => short?.(code) || quals.get(code) || code,
    scenario: (id) => scenarios.get(id) ?? id,
  };
}

/** Select options for a code list, in list order, named in the current language. */
export function codeOptions<T extends Named>(
  list: readonly T[] | undefined,
  lang: Lang,
  filter: (item: T) => boolean = () => true,
): { value: string; label: string }[] {
  return (list ?? []).filter((item) => filter(item)).map((item) => ({ value: keyOf(item), label: nameOf(item, lang) }));
}

/**
 * Sectors that are cells in their own right: VSIC sections and, with `withFields`, the new
 * fields. Totals and broad groups (B-F, G-U) are sums of sections and are left out of rankings.
 */
export function detailSectors(meta: Meta | undefined, withFields = false): Set<string> {
  return new Set((meta?.sectors ?? []).filter((s) => s.level === 'section' || (withFields && s.level === 'field')).map((s) => s.code));
}

/**
 * Sector options grouped for a select: totals and broad groups, VSIC sections, then the new
 * fields (which sit inside a section). `groupName` names each group in the current language.
 */
export function sectorOptions(
  meta: Meta | undefined,
  lang: Lang,
  groupName: (level: string) => string,
  withTotal = true,
): { value: string; label: string; group?: string }[] {
  const order = ['total', 'broad', 'section', 'field'];
  return [...(meta?.sectors ?? [])]
    .filter((s) => withTotal || s.code !== 'TOTAL')
    .sort((a, b) => order.indexOf(a.level ?? 'section') - order.indexOf(b.level ?? 'section'))
    .map((s) => ({ value: s.code, label: nameOf(s, lang), group: groupName(s.level === 'total' ? 'broad' : (s.level ?? 'section')) }));
}
