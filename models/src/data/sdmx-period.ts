/** Period and value readers shared by the SDMX-ML and SDMX-CSV parsers. */

export type Parsed<T> = { ok: true; value: T; flag?: string } | { ok: false; message: string; messageVi: string };

/** `2023`, `2023-Q4`, `2023Q4`, `2023-q4` → `2023` / `2023-Q4`; monthly and other forms are refused. */
export function sdmxPeriod(raw: string): Parsed<string> {
  const s = raw.trim().toUpperCase();
  let m = /^((?:19|20|21)\d{2})(?:-?A)?$/.exec(s);
  if (m) return { ok: true, value: m[1] };
  m = /^((?:19|20|21)\d{2})-?Q([1-4])$/.exec(s);
  if (m) return { ok: true, value: `${m[1]}-Q${m[2]}` };
  if (/^\d{4}-?M?(0[1-9]|1[0-2])$/.test(s) || /^\d{4}-\d{2}-\d{2}$/.test(s)) {
    return {
      ok: false,
      message: `Period "${raw}" is monthly or daily: monthly not supported (only years like 2023 and quarters like 2023-Q4).`,
      messageVi: `Kỳ "${raw}" là tháng hoặc ngày: chưa hỗ trợ số liệu tháng (chỉ năm như 2023 và quý như 2023-Q4).`,
    };
  }
  return {
    ok: false,
    message: `Bad period "${raw}": expected a year like 2023 or a quarter like 2023-Q4.`,
    messageVi: `Kỳ "${raw}" không hợp lệ: cần năm (2023) hoặc quý (2023-Q4).`,
  };
}

const MISSING = new Set(['', 'NA', 'NAN', 'N/A', '..', '...', '-', 'NULL']);

/**
 * OBS_VALUE → number. Null for not-available markers (`na`, empty, `NaN`, `..`).
 * Spaces used as thousands separators (`7 347.0`) are dropped; trailing flag
 * letters (`519.4sb`) are split off and returned as `flag`.
 */
export function sdmxValue(raw: string): Parsed<number | null> {
  const s = raw.trim();
  if (MISSING.has(s.toUpperCase())) return { ok: true, value: null };
  const compact = s.replace(/[\s\u00a0\u202f]/g, '');
  const m = /^([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)([a-zA-Z]{1,3})?$/.exec(compact);
  if (m) return m[2] ? { ok: true, value: Number(m[1]), flag: m[2] } : { ok: true, value: Number(m[1]) };
  return { ok: false, message: `Value "${raw}" is not a number.`, messageVi: `Giá trị "${raw}" không phải là số.` };
}
