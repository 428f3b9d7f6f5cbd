import type { Meta } from '../../api/types';
import type { Lang } from '../../i18n/format';
import { nameOf } from './names';

/** A former province code (before the 1 July 2025 merger) and the unit it is now part of. */
export interface FormerCode {
  code: string;
  formerName: string;
  current: string;
  currentName: string;
}

/**
 * The current unit of a region code that is no longer in use (e.g. `27`, Bắc Ninh's code before
 * the merger, → `24`, the new Bắc Ninh). Undefined for a current code, an unknown one, or before
 * /api/meta has loaded. Codes kept by a new unit (`24` was Bắc Giang's) are current, so they stay.
 */
export function resolveFormerCode(meta: Pick<Meta, 'regions' | 'formerProvinces'> | undefined, code: string | undefined, lang: Lang): FormerCode | undefined {
  if (!meta || !code) return undefined;
  if (meta.regions.some((r) => r.code === code)) return undefined;
  const former = meta.formerProvinces?.find((p) => p.code === code);
  if (!former || former.current === code) return undefined;
  const unit = meta.regions.find((r) => r.code === former.current);
  if (!unit) return undefined;
  return { code, formerName: nameOf(former, lang), current: former.current, currentName: nameOf(unit, lang) };
}
