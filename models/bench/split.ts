/**
 * The fixed tuning / evaluation split of every benchmark dataset (issue 14).
 *
 * Rule: a series belongs to the TUNING half when the lowest bit of
 * fmix32(FNV-1a-32(series id)) is 0, and to the EVALUATION half otherwise.
 * FNV-1a (Fowler–Noll–Vo) hashes the id's UTF-16 code units; MurmurHash3's
 * 32-bit finaliser (fmix32) then mixes every input bit into the low bit, so
 * consecutive ids such as `Y1`, `Y2`, … are not split by parity. The rule
 * depends on the id alone: it is stable across runs, machines and file order,
 * and a series is in exactly one half.
 *
 * Every constant of `auto` (candidate pools, weights, interval calibration)
 * is chosen on tuning halves only (bench/tune-*.ts load nothing else); the
 * README reports evaluation halves. The labour backtest is never tuned on.
 */

export type Half = 'tuning' | 'evaluation';

/** 32-bit FNV-1a of a string's UTF-16 code units, then MurmurHash3's fmix32. */
export function seriesHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Which half a series id belongs to. */
export function halfOf(id: string): Half {
  return (seriesHash(id) & 1) === 0 ? 'tuning' : 'evaluation';
}

/** Items of one half, in their original order. */
export function splitHalf<T extends { id: string }>(items: readonly T[], half: Half): T[] {
  return items.filter((s) => halfOf(s.id) === half);
}
