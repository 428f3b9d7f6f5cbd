/** Cell readers for GSO PX-Web exports: labels, values, periods. */

/** Trim and collapse runs of whitespace (GSO labels contain doubled spaces: `South  East`). */
export function cleanLabel(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

const NOT_AVAILABLE = new Set(['', '..', '...', '…', '-', '–']);

/** `..`, `...`, `-`, empty → null; otherwise the number. Throws a RangeError when not numeric. */
export function pxwebValue(raw: string): number | null {
  const s = raw.trim();
  if (NOT_AVAILABLE.has(s)) return null;
  const v = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s) ? Number(s) : NaN;
  if (!Number.isFinite(v)) throw new RangeError(`Value "${raw}" is not a number`);
  return v;
}

const PERIOD = /^(?:prel\.?\s*)?((?:19|20|21)\d{2})(?:\s*-?\s*Q([1-4]))?(\s*prel\.?)?$/i;

/** `2016`, `Prel. 2016`, `2016 Prel.` → `{ period: '2016', preliminary }`; `2016Q1` → `2016-Q1`; null otherwise. */
export function pxwebPeriod(raw: string): { period: string; preliminary: boolean } | null {
  const s = cleanLabel(raw);
  const m = PERIOD.exec(s);
  if (!m) return null;
  return { period: m[2] ? `${m[1]}-Q${m[2]}` : m[1], preliminary: /prel/i.test(s) };
}

/** Split a wide column label into its prefix and trailing period: `Male Prel. 2016` → `Male`, 2016 (preliminary). */
export function splitPeriodLabel(label: string): { prefix: string; period: { period: string; preliminary: boolean } } | null {
  const s = cleanLabel(label);
  const whole = pxwebPeriod(s);
  if (whole) return { prefix: '', period: whole };
  const m = /^(.*?)\s+((?:prel\.?\s*)?(?:19|20|21)\d{2}(?:\s*-?\s*Q[1-4])?(?:\s*prel\.?)?)$/i.exec(s);
  if (!m) return null;
  const p = pxwebPeriod(m[2]);
  return p ? { prefix: m[1], period: p } : null;
}
