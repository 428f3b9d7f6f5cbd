/**
 * Resolution of the labels a respondent row carries (province, sector,
 * qualification) to LMO codes, with the messages shown when one is unknown.
 * Pure functions; the aggregator memoises them per distinct label.
 */
import { getRegion, getSector, resolveQualification, resolveRegion, resolveSector, suggestQualification, suggestRegion, suggestSector } from '../codes/index';
import type { MicrodataErrorCode } from './microdata-types';

/** Why a label was rejected; the caller adds line, column and value. */
export interface LabelProblem {
  code: MicrodataErrorCode;
  message: string;
}

export const isProblem = (x: unknown): x is LabelProblem => typeof x === 'object' && x !== null && 'message' in x;

const NOT_UTF8 = 'holds bytes that are not UTF-8: the file looks like Windows-1258, TCVN3 or Latin-1. Save it as "CSV UTF-8" and upload again.';

/** A province-level unit of today's geography, from a current or former code or name. */
export function resolveProvinceLabel(raw: string): { code: string; mappedFrom?: string } | LabelProblem {
  const r = resolveRegion(raw);
  if (!r && raw.includes('\uFFFD')) return { code: 'UNKNOWN_PROVINCE', message: `Province "${raw}" ${NOT_UTF8}` };
  if (!r) {
    const hint = suggestRegion(raw);
    return {
      code: 'UNKNOWN_PROVINCE',
      message: `Unknown province "${raw}"${hint ? ` — did you mean ${hint}?` : ''}. Use a current code (01–96), a former province code or a name (with or without diacritics).`,
    };
  }
  if (getRegion(r.code)?.level !== 'province') {
    return {
      code: 'NOT_A_PROVINCE',
      message: `"${raw}" is ${r.code === 'VN' ? 'the whole country' : `the region ${r.code}`}, not a province: each respondent needs a province.`,
    };
  }
  return r;
}

/** A respondent's sector: a VSIC section or a new field (aggregates such as B-F are refused). */
export function resolveSectorLabel(raw: string): string | LabelProblem {
  const code = resolveSector(raw);
  const level = code ? getSector(code)!.level : undefined;
  if (level === 'section' || level === 'field') return code!;
  if (code)
    return { code: 'UNKNOWN_SECTOR', message: `Sector "${raw}" is an aggregate (${code}); give the respondent's VSIC section (A–U) or a new-field code.` };
  if (raw.includes('\uFFFD')) return { code: 'UNKNOWN_SECTOR', message: `Sector "${raw}" ${NOT_UTF8}` };
  const hint = suggestSector(raw);
  return {
    code: 'UNKNOWN_SECTOR',
    message: `Unknown sector "${raw}"${hint ? ` — did you mean "${hint}"?` : ''}. Use a VSIC 2018 section letter A–U or semiconductors, hydrogen, carbon-markets, ai-digital.`,
  };
}

/** A respondent's qualification level (not ALL). */
export function resolveQualificationLabel(raw: string): string | LabelProblem {
  const code = resolveQualification(raw);
  if (code && code !== 'ALL') return code;
  if (!code && raw.includes('\uFFFD')) return { code: 'UNKNOWN_QUALIFICATION', message: `Qualification "${raw}" ${NOT_UTF8}` };
  const hint = code ? undefined : suggestQualification(raw);
  return {
    code: 'UNKNOWN_QUALIFICATION',
    message: `${code ? `"${raw}" is not a level` : `Unknown qualification "${raw}"`}${hint ? ` — did you mean "${hint}"?` : ''}. Use none, elementary, intermediate, college or university (or sơ cấp, trung cấp, cao đẳng, đại học).`,
  };
}
