/**
 * Number and date formatting through Intl: vi-VN groups with dots (1.234.567) and uses a
 * decimal comma; English uses en-US grouping (1,234,567). Formatters are cached.
 */
export type Lang = 'vi' | 'en';

const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-US' };
const cache = new Map<string, Intl.NumberFormat>();

function formatter(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], options);
    cache.set(key, f);
  }
  return f;
}

/** Placeholder for a missing figure; never shown as 0. */
export const MISSING = '–';

function finite(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Whole number of persons with grouping: 1.234.567 (vi) / 1,234,567 (en). */
export function formatInteger(value: number | null | undefined, lang: Lang): string {
  return finite(value) ? formatter(lang, { maximumFractionDigits: 0 }).format(value) : MISSING;
}

/** Decimal with a fixed number of fraction digits: 52,4 (vi) / 52.4 (en). */
export function formatDecimal(value: number | null | undefined, lang: Lang, digits = 1): string {
  return finite(value) ? formatter(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value) : MISSING;
}

/** A value already in percent (27.0 means 27 %): 27,0% (vi) / 27.0% (en). */
export function formatPercent(value: number | null | undefined, lang: Lang, digits = 1): string {
  return finite(value) ? formatter(lang, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value / 100) : MISSING;
}

/** Signed number, for imbalances and biases: +1.234 / −1.234 (whole by default; `digits` fixes the fraction: +2,7). */
export function formatSigned(value: number | null | undefined, lang: Lang, digits = 0): string {
  return finite(value) ? formatter(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'exceptZero' }).format(value) : MISSING;
}

/** Persons in millions with one decimal (52,4 / 52.4); the unit word comes from i18n. */
export function formatMillions(value: number | null | undefined, lang: Lang, digits = 1): string {
  return finite(value) ? formatDecimal(value / 1e6, lang, digits) : MISSING;
}

/** Short axis labels: 52 Tr / 52M, 350 N / 350K. */
export function formatCompact(value: number | null | undefined, lang: Lang): string {
  return finite(value) ? formatter(lang, { notation: 'compact', maximumFractionDigits: 1 }).format(value) : MISSING;
}

/** Formats a value by its unit. */
export function formatValue(value: number | null | undefined, unit: string, lang: Lang): string {
  return unit === 'percent' ? formatPercent(value, lang) : formatInteger(value, lang);
}

/** A share (−0.02 = −2 %) as a signed percent: −2,0% (vi) / −2.0% (en); imbalance shares and thresholds. */
export function formatShare(value: number | null | undefined, lang: Lang, digits = 1): string {
  return finite(value)
    ? formatter(lang, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'exceptZero' }).format(value)
    : MISSING;
}
