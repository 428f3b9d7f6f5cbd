/**
 * Largest-remainder rounding: integers that add up exactly to `total`, each
 * within 1 of its share. Ties go to the earlier index, so the result is
 * deterministic.
 */
export function largestRemainder(weights: readonly number[], total: number): number[] {
  if (!Number.isInteger(total) || total < 0) throw new Error(`largestRemainder: total must be a non-negative integer, got ${total}`);
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.some((w) => !(w >= 0))) throw new Error('largestRemainder: weights must be non-negative numbers');
  if (sum === 0) {
    if (total === 0) return weights.map(() => 0);
    throw new Error('largestRemainder: cannot share a positive total among zero weights');
  }
  const exact = weights.map((w) => (w / sum) * total);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((p, q) => q[0] - p[0] || p[1] - q[1]);
  for (let k = 0; left > 0; k++, left--) out[order[k % order.length][1]]++;
  return out;
}
