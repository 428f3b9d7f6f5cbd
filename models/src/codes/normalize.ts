/**
 * Matching helpers shared by the code lists and the CSV validator: Vietnamese
 * names arrive with or without diacritics, in any case, with "Tỉnh"/"TP."
 * prefixes and assorted dashes, so every comparison goes through `foldKey`.
 */

/** A name in Vietnamese and English. */
export interface Names {
  vi: string;
  en: string;
}

const COMBINING = /[\u0300-\u036f]/g;

/**
 * Fold a label to a comparison key: NFD, drop diacritics, đ→d, lower case,
 * keep only letters and digits. `"Bà Rịa – Vũng Tàu"` → `"bariavungtau"`.
 */
export function foldKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Strip diacritics but keep spaces and case: `"Hà Nội"` → `"Ha Noi"`. */
export function stripDiacritics(s: string): string {
  return s.normalize('NFD').replace(COMBINING, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

/** Levenshtein distance, bounded: returns `max + 1` as soon as it is exceeded. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The candidate closest to `value` (compared as folded keys), if it is near
 * enough to be a plausible typo: distance ≤ 2, or ≤ a third of the length for
 * long words.
 */
export function closest(value: string, candidates: readonly string[]): string | undefined {
  const key = foldKey(value);
  if (!key) return undefined;
  const limit = Math.max(2, Math.floor(key.length / 3));
  let best: string | undefined;
  let bestD = limit + 1;
  for (const c of candidates) {
    const d = editDistance(key, foldKey(c), bestD - 1);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}
