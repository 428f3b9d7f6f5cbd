/**
 * Plausibility bounds shared by every upload format: what no real labour
 * figure can be, whatever the file says. They catch a misplaced scale (a file
 * in persons read as thousands), an overflowing number (`1e308`) and text that
 * is not a label (a 100 KB `source`, a NUL byte), before anything is stored,
 * so a dry run and the real upload always agree.
 *
 * The population caps are deliberately generous (about 1.5× the largest area
 * in 2024): the API tightens them with the population in the current data
 * where it has one (see api/src/services/upload-plausibility.ts).
 */
import { getRegion } from '../codes/regions';

/** Largest value any cell may hold (persons, percent or billion VND): 10^12. */
export const MAX_CELL_VALUE = 1e12;

/** Longest `source` citation (the seeds' longest is ~550 characters). */
export const MAX_SOURCE_CHARS = 1_000;
/** Longest code or label field (indicator, region, sector, …; mapping labels). */
export const MAX_LABEL_CHARS = 200;
/** How much of an offending text an error message quotes. */
export const EXCERPT_CHARS = 200;

/**
 * Generous population caps by area level, in persons: Viet Nam had 101 m
 * people in 2024 (GSO), the largest socio-economic region (Red River Delta)
 * 24 m, the largest province-level unit since 2025 (Ho Chi Minh City) 14 m.
 */
export const POPULATION_CAPS = { country: 150_000_000, region: 60_000_000, province: 30_000_000 } as const;

/** The generous population cap of a region code (any level), or the national one for an unknown code. */
export function populationCap(region: string): number {
  const level = getRegion(region)?.level ?? 'country';
  return POPULATION_CAPS[level];
}

/** At most `max` characters of `text`, with an ellipsis and the full length when cut. */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${text.length.toLocaleString('en')} characters)`;
}

// C0 controls except tab, line feed and carriage return, plus DEL: never part of a label or number.
// PostgreSQL text cannot hold NUL at all, so letting one through would fail only at commit time.
// oxlint-disable-next-line no-control-regex -- matching control characters is this pattern's purpose.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Index of the first control character in `text`, or -1. */
export function controlCharAt(text: string): number {
  const m = CONTROL.exec(text);
  return m ? m.index : -1;
}

/** `U+0000` style name of the character at `i`. */
export function charName(text: string, i: number): string {
  return `U+${text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A text field's problem (too long or a control character), or null. */
export function textFieldProblem(text: string, max: number): { code: 'FIELD_TOO_LONG' | 'CONTROL_CHARACTER'; message: string; messageVi: string } | null {
  if (text.length > max) {
    return {
      code: 'FIELD_TOO_LONG',
      message: `The text is ${text.length.toLocaleString('en')} characters long; at most ${max} are allowed here.`,
      messageVi: `Nội dung dài ${text.length.toLocaleString('en')} ký tự; tối đa ${max} ký tự.`,
    };
  }
  const at = controlCharAt(text);
  if (at >= 0) {
    return {
      code: 'CONTROL_CHARACTER',
      message: `The text contains a control character (${charName(text, at)}) at position ${at + 1}; remove it (it usually comes from a binary file or a bad export).`,
      messageVi: `Nội dung chứa ký tự điều khiển (${charName(text, at)}) ở vị trí ${at + 1}; hãy xoá ký tự này (thường do tệp nhị phân hoặc xuất dữ liệu lỗi).`,
    };
  }
  return null;
}
