/**
 * What a modelled figure rests on: the distinct statuses of the observations
 * behind it (`basis`), so a forecast built on generated (`illustrative`)
 * detail says so even though its own status is `modelled`.
 *
 * Statuses are carried as 5-bit masks while computing (one bit per status in
 * OBSERVATION_STATUSES order) and turned into ordered arrays once per cell;
 * equal masks share one frozen array, so thousands of rows cost one array each.
 */
import { OBSERVATION_STATUSES, type ObservationStatus } from '../data/observation';
import { aggregateTensor, cellOffset } from './reconcile';
import { ancestors } from './structure';
import type { ObservationIndex } from './observations';
import type { Grid } from './projection';

/** Bit of each status (OBSERVATION_STATUSES order). */
const BIT = new Map<ObservationStatus, number>(OBSERVATION_STATUSES.map((s, i) => [s, 1 << i]));

/** The mask of one status (0 for an unknown string). */
export function statusBit(status: string): number {
  return BIT.get(status as ObservationStatus) ?? 0;
}

const ARRAYS: (readonly ObservationStatus[])[] = [];

/** Ordered statuses of a mask; the same (frozen, shared) array for the same mask. */
export function basisFromMask(mask: number): ObservationStatus[] {
  let a = ARRAYS[mask];
  if (!a) ARRAYS[mask] = a = Object.freeze(OBSERVATION_STATUSES.filter((_, i) => mask & (1 << i)));
  return a as ObservationStatus[];
}

/** Mask of a list of statuses. */
export function maskOf(statuses: Iterable<string>): number {
  let m = 0;
  for (const s of statuses) m |= statusBit(s);
  return m;
}

/** Distinct statuses of some points (history points, observations), in OBSERVATION_STATUSES order. */
export function basisOf(points: Iterable<{ status: string }>): ObservationStatus[] {
  let m = 0;
  for (const p of points) m |= statusBit(p.status);
  return basisFromMask(m);
}

/** Union of several bases, ordered. */
export function mergeBasis(...bases: (readonly string[] | undefined)[]): ObservationStatus[] {
  let m = 0;
  for (const b of bases) if (b) m |= maskOf(b);
  return basisFromMask(m);
}

/** True when a figure rests (in part) on generated demonstration values: the UI must say so. */
export function restsOnIllustrative(basis: readonly string[] | undefined): boolean {
  return !!basis?.includes('illustrative');
}

/** Status mask of each grid position from the cells of some indicators (all years), by tensor offset. */
function maskTensor(index: ObservationIndex, grid: Grid, indicators: readonly string[]): Uint8Array {
  const out = new Uint8Array(grid.nodes.length);
  for (const indicator of indicators) {
    for (const c of index.byIndicator.get(indicator) ?? []) {
      const off = cellOffset(grid.reconciler, [c.region, c.sector, c.qualification]);
      if (off < 0) continue;
      let m = 0;
      for (const o of c.byYear.values()) m |= statusBit(o.status);
      out[off] |= m;
    }
  }
  return out;
}

/** Positions of a code and its ancestors in a dimension, per code position. */
function ancestorPositions(dim: Grid['reconciler']['dims'][number]): number[][] {
  return dim.codes.map((code) => ancestors(dim, code).map((a) => dim.index.get(a)!));
}

/** The two status masks of every grid node (tensor offset), see `gridBasisMasks`. */
export interface GridBasisMasks {
  /** What each node's employment rests on: its own history, plus every detailed cell summed into it. */
  basis: Uint8Array;
  /** Same, with the `flows` series covering each detailed cell: what its gap rows rest on. */
  gapBasis: Uint8Array;
}

/**
 * Per grid node (tensor offset), the mask of the observations it rests on:
 * its own history points, plus — for totals — every detailed cell summed into
 * it (`basis`). `gapBasis` adds the statuses of the `flows` series (e.g.
 * graduates, exits, entrants) covering each detailed cell at any coarser level
 * (supply and replacement are shared down from the most detailed series that
 * exists; the union over coarser levels errs on the side of naming a status).
 * Both come from one pass over the observations: they share every input but the flows.
 */
export function gridBasisMasks(index: ObservationIndex, grid: Grid, flows: readonly string[] = []): GridBasisMasks {
  const { reconciler, nodes } = grid;
  const [dr, ds, dq] = reconciler.dims;
  const size = nodes.length;
  const nQ = dq.codes.length;
  const nSQ = ds.codes.length * nQ;
  const bottom = reconciler.dims.map((d) => new Set(d.bottom));
  const own = maskTensor(index, grid, [grid.indicator]);
  const flow = maskTensor(index, grid, flows);
  const [ancR, ancS, ancQ] = [dr, ds, dq].map(ancestorPositions);
  const hist = new Uint8Array(size);
  const leafBasis = new Uint8Array(size);
  const leafGap = new Uint8Array(size);
  for (let off = 0; off < size; off++) {
    const n = nodes[off];
    let m = 0;
    for (const p of n.history) m |= statusBit(p.status);
    hist[off] = m;
    if (!bottom[0].has(n.region) || !bottom[1].has(n.sector) || !bottom[2].has(n.qualification)) continue;
    m |= own[off];
    leafBasis[off] = m;
    if (flows.length) {
      const ir = Math.floor(off / nSQ);
      const is = Math.floor(off / nQ) % ds.codes.length;
      const iq = off % nQ;
      for (const a of ancR[ir]) for (const b of ancS[is]) for (const c of ancQ[iq]) m |= flow[a * nSQ + b * nQ + c];
    }
    leafGap[off] = m;
  }
  return { basis: rollUp(grid, hist, leafBasis), gapBasis: rollUp(grid, hist, leafGap) };
}

/** Each node's history mask plus the masks of the detailed cells summed into it (a total has a status if any part has it). */
function rollUp(grid: Grid, hist: Uint8Array, leaf: Uint8Array): Uint8Array {
  const size = leaf.length;
  // One 0/1 tensor per status, summed bottom-up like the data.
  const perStatus = OBSERVATION_STATUSES.map(() => new Float64Array(size));
  for (let off = 0; off < size; off++) {
    const m = leaf[off];
    if (m) for (let i = 0; i < perStatus.length; i++) if (m & (1 << i)) perStatus[i][off] = 1;
  }
  for (const t of perStatus) aggregateTensor(grid.reconciler, t);
  const out = new Uint8Array(size);
  for (let off = 0; off < size; off++) {
    let m = hist[off];
    for (let i = 0; i < perStatus.length; i++) if (perStatus[i][off] > 0) m |= 1 << i;
    out[off] = m;
  }
  return out;
}

const ILLUSTRATIVE_BIT = statusBit('illustrative');

/**
 * A history point we summed from generated detail is itself generated: it is
 * relabelled `illustrative` (not `modelled`), so no sum of illustrative cells
 * passes for a model result. `masks` are the grid's basis masks by offset.
 */
export function labelSummedHistory(grid: Grid, masks: Uint8Array, sumSource: string): void {
  grid.nodes.forEach((n, off) => {
    if (!(masks[off] & ILLUSTRATIVE_BIT)) return;
    for (const p of n.history) {
      if (p.status === 'modelled' && p.source === sumSource) {
        p.status = 'illustrative';
        p.source = `${sumSource}: the detailed cells are illustrative (generated), so is their sum`;
      }
    }
  });
}
