/**
 * Detail as shares (issue 12 §3): the forecast of every detailed cell of the
 * employment grid is its parent's path × its share, the shares forecast by
 * the compositional (log-ratio) model:
 *   leaf(p, s, q) = section(s) × share of province p in s × share of level q in (p, s)
 * so every part is ≥ 0, parts add up to their parent exactly, no part exceeds
 * it, and a share cannot fall below 20 % of its base share in 10 years.
 * New fields: leaf(p, f, q) = parent section's cell (p, P, q) × the field's
 * share of it (a two-part composition), so a field never exceeds its parent.
 *
 * Intervals (documented approximation): a node's half-width combines, in
 * quadrature, the parent path's relative band (fully correlated: summed
 * linearly over the node's leaves) and each share's relative band (parts
 * assumed independent: summed in quadrature over the leaves); a share
 * component is left out at the root of its dimension, where the shares sum
 * to 1 and their errors cancel.
 */
import type { PathForecaster } from '../composition/forecaster';
import { forecastComposition } from '../composition/share-forecast';
import { aggregateTensor, type Reconciler } from '../reconcile';
import { relativeBand } from './aggregate-band';
import { rootOf } from '../hierarchy';

/** Relative half-widths (≥ 0) of a path, per level, per forecast year. */
export type RelBand = { level: number; lower: number[]; upper: number[] }[];

/** Leaf forecasts and their relative band components. */
export interface LeafPlan {
  /** Leaf means per horizon step (tensor, totals filled by aggregation). */
  means: Float64Array[];
  /** Common (parent) component: relative band per leaf offset. */
  common: Map<number, RelBand>;
  /**
   * The part of the common component that is itself share uncertainty (a new field's parent cell:
   * its province / section / level shares), without the national level. Used by `planIntervals`
   * with `sharesOnly`; absent = the common component is entirely the national level.
   */
  commonShare?: Map<number, RelBand>;
  /** Share components: dimension axis (or -1 = never cancels) → relative band per leaf offset. */
  shares: { axis: number; rel: Map<number, RelBand> }[];
}

/** Shares of `parts` (values per year) forecast h years; all-zero histories give zero shares. */
function composition(parts: Record<string, number[]>, h: number, forecaster: PathForecaster, levels: number[]) {
  const names = Object.keys(parts);
  const total = names.reduce((a, k) => a + parts[k][parts[k].length - 1], 0);
  const nonEmpty = names.filter((k) => parts[k].some((v) => v > 0));
  const mean: Record<string, number[]> = {};
  const rel: Record<string, RelBand> = {};
  const zero = () => new Array<number>(h).fill(0);
  const flat = (v: number) => new Array<number>(h).fill(v);
  if (nonEmpty.length <= 1 || total <= 0) {
    for (const k of names) {
      mean[k] = nonEmpty.length === 1 && k === nonEmpty[0] ? flat(1) : zero();
      rel[k] = levels.map((level) => ({ level, lower: zero(), upper: zero() }));
    }
    // No base-year total but some history: keep the last non-zero year's shares.
    if (total <= 0 && nonEmpty.length > 1) {
      const last = (k: string) => [...parts[k]].reverse().find((v) => v > 0) ?? 0;
      const s = nonEmpty.reduce((a, k) => a + last(k), 0);
      for (const k of nonEmpty) mean[k] = flat(last(k) / s);
    }
    return { mean, rel };
  }
  // Years where the whole is 0 carry no shares: fit on the last run of years with a positive whole.
  const n = parts[names[0]].length;
  let i0 = n - 1;
  while (i0 > 0 && nonEmpty.some((k) => parts[k][i0 - 1] > 0)) i0--;
  const fc = forecastComposition(Object.fromEntries(nonEmpty.map((k) => [k, parts[k].slice(i0).map((v) => Math.max(0, v))])), h, { forecaster });
  for (const k of names) {
    mean[k] = fc.mean[k] ?? zero();
    rel[k] = relativeBand(mean[k], fc.intervals[k], levels);
  }
  return { mean, rel };
}

/** Inputs of the main grid's top-down allocation. */
export interface MainAllocation {
  /** Capped national paths of the sections, h values each. */
  sectionPaths: Record<string, number[]>;
  /** Relative band of each section path (national total band and section share, in quadrature, or any). */
  sectionRel: Record<string, RelBand>;
  /** Relative band of the national total (common to every leaf). */
  totalRel: RelBand;
  forecaster: PathForecaster;
}

/**
 * Allocate the main grid top-down. `history[y]` is the aggregated history
 * tensor; `offset(r, s, q)` the tensor position.
 */
export function allocateMain(
  rec: Reconciler,
  history: Float64Array[],
  horizon: number,
  levels: number[],
  a: MainAllocation,
  offset: (r: string, s: string, q: string) => number,
): LeafPlan {
  const [dr, ds, dq] = rec.dims;
  const size = history[0].length;
  const qRoot = rootOf(dq)!;
  const means = Array.from({ length: horizon }, () => new Float64Array(size));
  const common = new Map<number, RelBand>();
  const secRel = new Map<number, RelBand>();
  const provRel = new Map<number, RelBand>();
  const levRel = new Map<number, RelBand>();
  for (const s of ds.bottom) {
    const path = a.sectionPaths[s] ?? new Array<number>(horizon).fill(0);
    const provinces = composition(Object.fromEntries(dr.bottom.map((p) => [p, history.map((t) => t[offset(p, s, qRoot)])])), horizon, a.forecaster, levels);
    for (const p of dr.bottom) {
      const ps = provinces.mean[p];
      if (ps.every((v) => v === 0)) continue;
      const lv = composition(Object.fromEntries(dq.bottom.map((q) => [q, history.map((t) => t[offset(p, s, q)])])), horizon, a.forecaster, levels);
      for (const q of dq.bottom) {
        const off = offset(p, s, q);
        for (let t = 0; t < horizon; t++) means[t][off] = path[t] * ps[t] * lv.mean[q][t];
        common.set(off, a.totalRel);
        secRel.set(off, a.sectionRel[s] ?? a.totalRel.map((b) => ({ level: b.level, lower: b.lower.map(() => 0), upper: b.upper.map(() => 0) })));
        provRel.set(off, provinces.rel[p]);
        levRel.set(off, lv.rel[q]);
      }
    }
  }
  for (const m of means) aggregateTensor(rec, m);
  return {
    means,
    common,
    shares: [
      { axis: 1, rel: secRel },
      { axis: 0, rel: provRel },
      { axis: 2, rel: levRel },
    ],
  };
}

/** A new field's leaf: its parent cell's path and history, and its own history. */
export interface FieldLeafInput {
  offset: number;
  /** Field history (grid years) and the parent's history on the same years (missing years NaN). */
  history: number[];
  parentHistory: number[];
  /** Parent path for the forecast years and its relative band. */
  parentPath: number[];
  parentRel: RelBand;
  /** The parent's relative band from its own shares only (no national level component). */
  parentShareRel?: RelBand;
}

/** Allocate a new field's grid as shares of its parent section's cells. */
export function allocateField(
  rec: Reconciler,
  size: number,
  horizon: number,
  levels: number[],
  leaves: FieldLeafInput[],
  forecaster: PathForecaster,
): LeafPlan {
  const means = Array.from({ length: horizon }, () => new Float64Array(size));
  const common = new Map<number, RelBand>();
  const commonShare = new Map<number, RelBand>();
  const fieldRel = new Map<number, RelBand>();
  for (const leaf of leaves) {
    const idx = leaf.history.map((_, i) => i).filter((i) => Number.isFinite(leaf.parentHistory[i]) && leaf.parentHistory[i] > 0);
    const field = idx.map((i) => Math.min(leaf.history[i], leaf.parentHistory[i]));
    const other = idx.map((i) => Math.max(0, leaf.parentHistory[i] - leaf.history[i]));
    const c = field.length && field.some((v) => v > 0) ? composition({ field, other }, horizon, forecaster, levels) : null;
    const share = c ? c.mean.field : new Array<number>(horizon).fill(0);
    for (let t = 0; t < horizon; t++) means[t][leaf.offset] = leaf.parentPath[t] * share[t];
    common.set(leaf.offset, leaf.parentRel);
    if (leaf.parentShareRel) commonShare.set(leaf.offset, leaf.parentShareRel);
    if (c) fieldRel.set(leaf.offset, c.rel.field);
  }
  for (const m of means) aggregateTensor(rec, m);
  return { means, common, commonShare, shares: [{ axis: -1, rel: fieldRel }] };
}

/** Options of {@link planIntervals}. */
export interface PlanIntervalOptions {
  /**
   * Leave the national level out: the common component is replaced by `plan.commonShare` (none for
   * the main grid), so the band is the cell's OWN share uncertainty. The imbalance interval uses it:
   * the national level moves openings and new supply alike (recompute.ts).
   */
  sharesOnly?: boolean;
  /** Compute only these levels (default: all of `levels`). */
  only?: number[];
}

/**
 * Intervals of every node from a plan (see the file comment): returns, per
 * offset, LevelInterval-like bounds (lower ≥ 0, lower ≤ mean ≤ upper).
 */
export function planIntervals(
  rec: Reconciler,
  plan: LeafPlan,
  horizon: number,
  levels: number[],
  opts: PlanIntervalOptions = {},
): { level: number; lower: Float64Array[]; upper: Float64Array[] }[] {
  const size = plan.means[0]?.length ?? 0;
  const roots = rec.dims.map((d) => new Set(d.codes.filter((c) => !d.parent.get(c)).map((c) => d.index.get(c)!)));
  const strides = rec.shape.map((_, d) => rec.shape.slice(d + 1).reduce((a, b) => a * b, 1));
  const coord = (off: number, axis: number) => Math.floor(off / strides[axis]) % rec.shape[axis];
  const common = opts.sharesOnly ? (plan.commonShare ?? new Map<number, RelBand>()) : plan.common;
  return levels.flatMap((level, li) => {
    if (opts.only && !opts.only.includes(level)) return [];
    const lower: Float64Array[] = [];
    const upper: Float64Array[] = [];
    for (let t = 0; t < horizon; t++) {
      const m = plan.means[t];
      const half = (side: 'lower' | 'upper') => {
        const lin = new Float64Array(size);
        for (const [off, rel] of common) lin[off] = m[off] * (rel[li]?.[side][t] ?? 0);
        aggregateTensor(rec, lin);
        const sq = new Float64Array(size);
        for (let off = 0; off < size; off++) sq[off] = lin[off] * lin[off];
        for (const comp of plan.shares) {
          const s2 = new Float64Array(size);
          for (const [off, rel] of comp.rel) {
            const d = m[off] * (rel[li]?.[side][t] ?? 0);
            s2[off] = d * d;
          }
          aggregateTensor(rec, s2);
          for (let off = 0; off < size; off++) if (comp.axis < 0 || !roots[comp.axis].has(coord(off, comp.axis))) sq[off] += s2[off];
        }
        return sq.map(Math.sqrt);
      };
      const lo = half('lower');
      const hi = half('upper');
      lower.push(m.map((v, off) => Math.max(0, v - lo[off])));
      upper.push(m.map((v, off) => v + hi[off]));
    }
    return [{ level, lower, upper }];
  });
}
