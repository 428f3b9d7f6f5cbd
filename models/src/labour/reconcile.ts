/**
 * Forecast reconciliation for crossed hierarchies ("grouped" series):
 * region (VN → 6 regions → 34 provinces) × sector (TOTAL → VSIC sections)
 * × qualification (ALL → 5 levels).
 *
 * Method: OLS reconciliation (Hyndman et al. 2011), ỹ = S (S'S)⁻¹ S' ŷ. The
 * summing matrix of crossed dimensions is the Kronecker product
 * S = S_region ⊗ S_sector ⊗ S_qualification, so the projection is the product
 * of per-dimension projections and is applied one axis at a time: a few
 * thousand multiply-adds per horizon step instead of a 5,000×5,000 matrix.
 *
 * OLS can make small cells negative; negative bottom values are then set to 0
 * and every total is re-added from the bottom, which keeps the result coherent
 * (the "set negative to zero" heuristic; totals move by the clipped amount).
 */
import { olsProjection, type Dimension } from './hierarchy';

/** Shape helper: strides of a row-major tensor over dimensions. */
function strides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length).fill(1);
  for (let d = shape.length - 2; d >= 0; d--) s[d] = s[d + 1] * shape[d + 1];
  return s;
}

/** Multiply every fibre along `axis` by the n×n matrix `p` (in place on a copy). */
function applyAlongAxis(values: Float64Array, shape: readonly number[], axis: number, p: Float64Array): Float64Array {
  const out = new Float64Array(values.length);
  const st = strides(shape);
  const n = shape[axis];
  const stride = st[axis];
  const fibre = new Float64Array(n);
  const total = values.length;
  for (let base = 0; base < total; base++) {
    // A fibre starts where the axis coordinate is 0.
    if (Math.floor(base / stride) % n !== 0) continue;
    for (let i = 0; i < n; i++) fibre[i] = values[base + i * stride];
    for (let i = 0; i < n; i++) {
      let s = 0;
      const row = i * n;
      for (let k = 0; k < n; k++) s += p[row + k] * fibre[k];
      out[base + i * stride] = s;
    }
  }
  return out;
}

/** Re-add every total from bottom values along one axis (non-bottom entries are overwritten). */
export function aggregateAlongAxis(values: Float64Array, shape: readonly number[], axis: number, dim: Dimension): void {
  const st = strides(shape);
  const n = shape[axis];
  const stride = st[axis];
  const bottomPos = dim.bottom.map((c) => dim.index.get(c)!);
  const isBottom = new Uint8Array(n);
  for (const b of bottomPos) isBottom[b] = 1;
  const leaf = new Float64Array(bottomPos.length);
  for (let base = 0; base < values.length; base++) {
    if (Math.floor(base / stride) % n !== 0) continue;
    for (let j = 0; j < bottomPos.length; j++) leaf[j] = values[base + bottomPos[j] * stride];
    for (let i = 0; i < n; i++) {
      if (isBottom[i]) continue;
      let s = 0;
      for (const j of dim.members[i]) s += leaf[j];
      values[base + i * stride] = s;
    }
  }
}

/** Precomputed projections for a set of crossed dimensions. */
export interface Reconciler {
  dims: Dimension[];
  shape: number[];
  projections: Float64Array[];
}

/** Prepare the per-dimension OLS projections once; reuse for every horizon step. */
export function makeReconciler(dims: Dimension[]): Reconciler {
  return { dims, shape: dims.map((d) => d.codes.length), projections: dims.map(olsProjection) };
}

/**
 * Reconcile one horizon step: `values` holds a base forecast for every cell of
 * the crossed dimensions (row-major in dimension order). Returns coherent
 * values: every total equals the sum of its bottom cells, none negative when
 * `nonNegative` (default true).
 */
export function reconcileStep(r: Reconciler, values: Float64Array, nonNegative = true): Float64Array {
  let v = values;
  r.projections.forEach((p, axis) => {
    v = applyAlongAxis(v, r.shape, axis, p);
  });
  if (nonNegative) {
    let clipped = false;
    for (let i = 0; i < v.length; i++) {
      if (v[i] < 0) {
        v[i] = 0;
        clipped = true;
      }
    }
    if (clipped) aggregateTensor(r, v);
  }
  return v;
}

/** Re-add every total from the bottom cells (bottom-up aggregation), in place. */
export function aggregateTensor(r: Reconciler, values: Float64Array): Float64Array {
  r.dims.forEach((d, axis) => aggregateAlongAxis(values, r.shape, axis, d));
  return values;
}

/** Flat position of a cell given one code per dimension; -1 if any code is unknown. */
export function cellOffset(r: Reconciler, codes: readonly string[]): number {
  const st = strides(r.shape);
  let off = 0;
  for (let d = 0; d < r.dims.length; d++) {
    const i = r.dims[d].index.get(codes[d]);
    if (i === undefined) return -1;
    off += i * st[d];
  }
  return off;
}
