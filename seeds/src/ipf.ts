/**
 * Iterative proportional fitting (raking) of a non-negative matrix to given
 * row and column totals. Row and column totals must add up to the same sum.
 */
export function rake(
  matrix: Float64Array,
  rows: number,
  cols: number,
  rowTotals: readonly number[],
  colTotals: readonly number[],
  iterations = 200,
): Float64Array {
  const m = Float64Array.from(matrix);
  const sumR = rowTotals.reduce((a, b) => a + b, 0);
  const sumC = colTotals.reduce((a, b) => a + b, 0);
  if (Math.abs(sumR - sumC) > 1e-6 * Math.max(1, sumR)) throw new Error(`rake: row totals (${sumR}) and column totals (${sumC}) differ`);
  for (let it = 0; it < iterations; it++) {
    let maxDev = 0;
    for (let r = 0; r < rows; r++) {
      let s = 0;
      for (let c = 0; c < cols; c++) s += m[r * cols + c];
      const f = s > 0 ? rowTotals[r] / s : 0;
      for (let c = 0; c < cols; c++) m[r * cols + c] *= f;
    }
    for (let c = 0; c < cols; c++) {
      let s = 0;
      for (let r = 0; r < rows; r++) s += m[r * cols + c];
      const f = s > 0 ? colTotals[c] / s : 0;
      maxDev = Math.max(maxDev, Math.abs(s - colTotals[c]) / Math.max(1, colTotals[c]));
      for (let r = 0; r < rows; r++) m[r * cols + c] *= f;
    }
    if (maxDev < 1e-10) break;
  }
  return m;
}
