/**
 * Code lists (regions, sectors, qualifications, indicators) from
 * models/src/labour/codes, used to validate input and to answer /api/meta.
 */
import {
  FORMER_PROVINCES,
  GROUP_HELP,
  INDICATORS,
  OCCUPATIONS,
  QUALIFICATIONS,
  REGIONS,
  SECTORS,
  getFormerProvince,
  getOccupation,
  getRegion,
  indicatorAxis,
  isGroupCode,
  resolveGroup,
  resolveOccupation,
  resolveQualification,
  resolveRegion,
  resolveSector,
  suggestIndicator,
  suggestQualification,
  suggestRegion,
  suggestSector,
} from '@lmo/models';

export type CodeField = 'indicator' | 'region' | 'sector' | 'qualification';

export interface CodeProblem {
  message: string;
  /** Suggested codes when there is a plausible one, otherwise every valid code. */
  expected: string[];
}

export interface Catalog {
  sets: Record<CodeField, Set<string>>;
  /** The closest valid codes to `value`, or all of them when nothing is close. */
  suggest(field: CodeField, value: string): string[];
  /**
   * Null when `value` is a valid `field` code, else why not. The sector column also holds
   * demographic groups (`T:15-24`) and occupations (`OCC1`) for indicators on those axes.
   */
  check(field: CodeField, value: string): CodeProblem | null;
  /** Null when `sector` fits the breakdown axis of `indicator` (sector, group or occupation), else why not. */
  checkAxis(indicator: string, sector: string): CodeProblem | null;
}

const LISTS: Record<CodeField, string[]> = {
  indicator: INDICATORS.map((i) => i.code),
  region: REGIONS.map((r) => r.code),
  sector: SECTORS.map((s) => s.code),
  qualification: QUALIFICATIONS.map((q) => q.code),
};

function suggestions(field: CodeField, value: string): string[] {
  const out = new Set<string>();
  const resolved =
    field === 'region'
      ? resolveRegion(value)?.code
      : field === 'sector'
        ? resolveSector(value)
        : field === 'qualification'
          ? resolveQualification(value)
          : undefined;
  if (resolved) out.add(resolved);
  const near =
    field === 'region'
      ? suggestRegion(value)?.split(' ')[0]
      : field === 'sector'
        ? suggestSector(value)
        : field === 'qualification'
          ? suggestQualification(value)
          : suggestIndicator(value);
  // suggestSector may return an English name; keep only real codes.
  if (near && LISTS[field].includes(near)) out.add(near);
  return [...out];
}

function build(): Catalog {
  const sets = Object.fromEntries(Object.entries(LISTS).map(([k, v]) => [k, new Set(v)])) as Record<CodeField, Set<string>>;
  const suggest = (field: CodeField, value: string) => {
    const near = suggestions(field, value);
    return near.length > 0 ? near : LISTS[field];
  };
  return {
    sets,
    suggest,
    check(field, value) {
      if (sets[field].has(value)) return null;
      if (field === 'sector' && (isGroupCode(value) || getOccupation(value))) return null;
      if (field === 'region') {
        const former = getFormerProvince(value);
        if (former && !getRegion(value)) {
          const now = getRegion(former.current);
          return {
            message: `'${value}' is the former province ${former.vi}, merged into ${former.current} ${now?.vi ?? ''} on 1 July 2025; use ${former.current}`,
            expected: [former.current],
          };
        }
      }
      const near = suggestions(field, value);
      return near.length > 0
        ? { message: `unknown ${field} '${value}'; did you mean ${near.map((c) => `'${c}'`).join(' or ')}?`, expected: near }
        : { message: `unknown ${field} '${value}'; valid codes are listed in expected and at /api/meta`, expected: LISTS[field] };
    },
    checkAxis(indicator, sector) {
      const axis = indicatorAxis(indicator);
      if (axis === 'group') {
        if (isGroupCode(sector)) return null;
        const near = resolveGroup(sector);
        return { message: `${indicator} is broken down by sex and age: ${GROUP_HELP}; got '${sector}'`, expected: [near ?? 'T:ALL'] };
      }
      if (axis === 'occupation') {
        if (getOccupation(sector)) return null;
        const near = resolveOccupation(sector);
        return {
          message: `${indicator} is broken down by occupation: expected TOTAL or OCC0–OCC9; got '${sector}'`,
          expected: near ? [near] : OCCUPATIONS.map((o) => o.code),
        };
      }
      if (sets.sector.has(sector)) return null;
      return { message: `${indicator} is broken down by sector: '${sector}' is not a sector code`, expected: suggest('sector', sector) };
    },
  };
}

let cached: Catalog | undefined;

/** The catalog, built once. */
export function catalog(): Catalog {
  cached ??= build();
  return cached;
}

/** Code lists with Vietnamese and English names, as /api/meta serves them. */
export function metaCodes() {
  return {
    regions: REGIONS.map((r) => ({
      code: r.code,
      nameVi: r.vi,
      nameEn: r.en,
      level: r.level,
      parent: r.parent,
      ...(r.kind ? { kind: r.kind } : {}),
      ...(r.formerCodes ? { formerCodes: r.formerCodes } : {}),
      ...(r.regionNote ? { regionNoteVi: r.regionNote.vi, regionNoteEn: r.regionNote.en } : {}),
    })),
    formerProvinces: FORMER_PROVINCES.map((f) => ({
      code: f.code,
      nameVi: f.vi,
      nameEn: f.en,
      current: f.current,
      formerRegion: f.formerRegion,
    })),
    sectors: SECTORS.map((s) => ({
      code: s.code,
      nameVi: s.vi,
      nameEn: s.en,
      level: s.level,
      parent: s.parent,
      additive: s.additive,
      newField: s.level === 'field',
      ...(s.scope ? { scopeVi: s.scope.vi, scopeEn: s.scope.en } : {}),
    })),
    qualifications: QUALIFICATIONS.map((q) => ({ code: q.code, nameVi: q.vi, nameEn: q.en, parent: q.parent, vocational: q.vocational })),
    indicators: INDICATORS.map((i) => ({
      code: i.code,
      nameVi: i.vi,
      nameEn: i.en,
      unit: i.unit,
      kind: i.kind,
      axis: indicatorAxis(i.code),
      descriptionVi: i.description.vi,
      descriptionEn: i.description.en,
    })),
    occupations: OCCUPATIONS.map((o) => ({ code: o.code, nameVi: o.vi, nameEn: o.en, major: o.major })),
  };
}
