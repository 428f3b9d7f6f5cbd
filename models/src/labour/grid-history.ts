/**
 * A grid's history before projection: the years with data, the bottom cells read from the
 * observations (a residual region as the root minus the other leaves), every total their sum,
 * and the declared break that applies to it.
 */
import type { Dimension } from './hierarchy';
import { cellId, type ObservationIndex } from './observations';
import { aggregateTensor, makeReconciler } from './reconcile';
import { MEASURED_STATUSES, type Unit } from '../data/observation';
import type { GridHistory, GridOptions } from './grid-types';

/**
 * A declared break matters only if some value before it was measured on the
 * old basis: official, international or survey data. Modelled and
 * illustrative values (e.g. seed cells back-cast to the 2021 basis) are
 * already consistent, so they are not spliced. Only cells whose values enter
 * the grid count: the bottom cells, and `extraRegions` (a residual's root).
 * An official national total on the old basis that the grid does not use
 * (it sums the detailed cells) must not shift those cells.
 */
export function crossesBreak(index: ObservationIndex, indicator: string, dims: Dimension[], period: string, extraRegions: readonly string[] = []): boolean {
  const [r, s, q] = dims.map((d) => new Set(d.bottom));
  const extra = new Set(extraRegions);
  for (const c of index.byIndicator.get(indicator) ?? []) {
    if ((!r.has(c.region) && !extra.has(c.region)) || !s.has(c.sector) || !q.has(c.qualification)) continue;
    for (const [year, o] of c.byYear) if (String(year) < period && MEASURED_STATUSES.has(o.status)) return true;
  }
  return false;
}

/**
 * Years with data for any bottom cell of the grid. Totals do not count: the
 * grid's history is the sum of its bottom cells, so a national series that
 * starts earlier (e.g. official employment from 2011 above provinces from
 * 2015) would only add years of zeros.
 */
function yearSpan(index: ObservationIndex, indicator: string, dims: Dimension[], extraRegions: readonly string[] = []): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  const [rs, ss, qs] = dims.map((d) => new Set(d.bottom));
  // A residual's root enters the grid too (the residual is root − the other leaves).
  for (const r of extraRegions) rs.add(r);
  for (const c of index.byIndicator.get(indicator) ?? []) {
    if (!rs.has(c.region) || !ss.has(c.sector) || !qs.has(c.qualification)) continue;
    for (const y of c.byYear.keys()) {
      if (y < lo) lo = y;
      if (y > hi) hi = y;
    }
  }
  return Number.isFinite(lo) ? [lo, hi] : null;
}
/**
 * Build a grid's history. Missing detailed cells count as 0 (a cell with no
 * workers); totals are always sums of the detailed cells.
 * @returns null when the indicator has no data in these dimensions.
 */
export function gridHistory(index: ObservationIndex, opts: GridOptions): GridHistory | null {
  const { indicator, dims } = opts;
  const span = yearSpan(index, indicator, dims, opts.residual ? [opts.residual.root] : []);
  if (!span) return null;
  const [firstYear, baseYear] = span;
  const nYears = baseYear - firstYear + 1;
  const reconciler = makeReconciler(dims);
  const size = reconciler.shape.reduce((a, b) => a * b, 1);
  const [dr, ds, dq] = dims;
  const nS = ds.codes.length;
  const nQ = dq.codes.length;
  const codesAt = (off: number): [string, string, string] => [dr.codes[Math.floor(off / (nS * nQ))], ds.codes[Math.floor(off / nQ) % nS], dq.codes[off % nQ]];
  const offset = (r: string, s: string, q: string) => (dr.index.get(r)! * nS + ds.index.get(s)!) * nQ + dq.index.get(q)!;
  let unit: Unit = 'persons';
  const isBottom = dims.map((d) => new Set(d.bottom));
  const years: Float64Array[] = [];
  for (let y = 0; y < nYears; y++) years.push(new Float64Array(size));
  for (let off = 0; off < size; off++) {
    const [r, s, q] = codesAt(off);
    if (!isBottom[0].has(r) || !isBottom[1].has(s) || !isBottom[2].has(q)) continue;
    if (opts.residual && r === opts.residual.code) continue;
    const c = index.cells.get(cellId(indicator, r, s, q));
    if (!c) continue;
    unit = c.unit;
    for (const [year, o] of c.byYear) if (year >= firstYear) years[year - firstYear][off] = o.value;
  }
  if (opts.residual) {
    const { code, root } = opts.residual;
    for (let off = 0; off < size; off++) {
      const [r, s, q] = codesAt(off);
      if (r !== code || !isBottom[1].has(s) || !isBottom[2].has(q)) continue;
      const rootObs = index.cells.get(cellId(indicator, root, s, q));
      if (!rootObs) continue;
      for (let y = 0; y < nYears; y++) {
        const o = rootObs.byYear.get(firstYear + y);
        if (!o) continue;
        let others = 0;
        for (const leaf of dr.bottom) {
          if (leaf === code) continue;
          const c = index.cells.get(cellId(indicator, leaf, s, q));
          others += c?.byYear.get(firstYear + y)?.value ?? 0;
        }
        years[y][off] = Math.max(0, o.value - others);
      }
    }
  }
  for (const t of years) aggregateTensor(reconciler, t);
  const brk = opts.breaks?.find((b) => b.indicator === indicator && crossesBreak(index, indicator, dims, b.period, opts.residual ? [opts.residual.root] : []));
  const shownBreak = brk ? undefined : opts.breaks?.find((b) => b.indicator === indicator)?.period;
  const periods = Array.from({ length: nYears }, (_, i) => String(firstYear + i));
  return { indicator, unit, firstYear, baseYear, reconciler, years, periods, codesAt, offset, brk, shownBreak };
}
