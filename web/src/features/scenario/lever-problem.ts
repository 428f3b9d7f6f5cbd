/**
 * The builder's 400 lines in the UI language. The API validates scenario parameters with English
 * messages ("must be at most 30", zod's "Too big: expected number to be <=2040", "unknown key")
 * and may add `messageVi`. In Vietnamese mode a line is the API's `messageVi`, else a sentence
 * built from i18n keys with the lever's range from the parameter specs (models), so no English
 * reaches a Vietnamese screen; in English the range sentences are built the same way.
 */
import { PARAMETER_NAMES, specOf, type ParameterName } from '@lmo/models/labour';
import type { FieldIssue } from '../../api/problem';
import { fieldProblemText } from '../../api/problem-text';
import type { Lang } from '../../i18n/format';
import type { Lever } from './levers';
import { formatLeverValue, isChange } from './summary';

/** The translate function, as much of it as these texts need. */
export type T = (key: string, options?: Record<string, unknown>) => string;

/** What an English validator message says is wrong, independent of its wording. */
export type IssueKind = 'min' | 'max' | 'unknown' | 'integer' | 'number' | 'other';

/** Reads the kind of problem from the validator's message (ours and zod's defaults). */
export function issueKind(message: string): IssueKind {
  if (/unknown|unrecognized/i.test(message)) return 'unknown';
  if (/at least|too small|>=|≥/i.test(message)) return 'min';
  if (/at most|too big|<=|≤/i.test(message)) return 'max';
  if (/\bint(eger)?\b/i.test(message)) return 'integer';
  if (/finite|expected number|nan/i.test(message)) return 'number';
  return 'other';
}

/** The lever's range, "−10,0 %/năm đến 30,0 %/năm", written as the panel writes values. */
function rangeOf(l: Lever, lang: Lang, t: T): { min: string; max: string } {
  const fmt = (v: number) => formatLeverValue(v, l.unit, lang, t, { step: l.step, signed: isChange(l.spec) && v !== 0 });
  return { min: fmt(l.min), max: fmt(l.max) };
}

/** A parameter path named for people: the lever's name (and key) from the specs, else the path. */
export function parameterName(path: string, lang: Lang): string {
  const [name, key] = path.split('.');
  if (!name || !(PARAMETER_NAMES as readonly string[]).includes(name)) return path;
  const spec = specOf(name as ParameterName);
  const label = lang === 'vi' ? spec.vi : spec.en;
  return key ? `${label} (${key})` : label;
}

/** One problem beside its lever: `messageVi` in Vietnamese when served, else built with the lever's range. */
export function leverProblemText(e: FieldIssue, l: Lever, lang: Lang, t: T): string {
  if (lang === 'vi' && e.messageVi) return e.messageVi;
  const range = rangeOf(l, lang, t);
  switch (issueKind(e.message)) {
    case 'min':
      return t('scenario.atLeast', { value: range.min });
    case 'max':
      return t('scenario.atMost', { value: range.max });
    case 'unknown':
      return t('scenario.unknownParameter');
    case 'integer':
      return `${t('scenario.wholeNumber')} ${t('scenario.range', range)}`;
    case 'number':
      return `${t('scenario.notANumber')} ${t('scenario.range', range)}`;
    default:
      return lang === 'vi' ? `${t('scenario.invalidValue')} ${t('scenario.range', range)}` : e.message;
  }
}

/** A problem no shown lever owns (a parameter the panel does not draw, the body): named, in the UI language. */
export function generalProblemText(e: FieldIssue, lang: Lang, t: T): string {
  return fieldProblemText(e, lang, {
    name: (path) => parameterName(path, lang),
    whatVi: (x) => {
      const kind = issueKind(x.message);
      return kind === 'unknown' ? t('scenario.unknownParameter') : kind === 'min' || kind === 'max' ? t('scenario.outOfRange') : t('scenario.invalidValue');
    },
  });
}
