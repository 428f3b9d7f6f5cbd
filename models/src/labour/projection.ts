/**
 * Projected employment for every cell of a crossed hierarchy
 * (region × sector × qualification): history built bottom-up from the most
 * detailed cells, a declared series break treated, each cell fitted with the
 * engine's `auto` and forecast up to 10 years, then reconciled so that every
 * total equals the sum of its parts (reconcile.ts).
 */
import { applyBreak, type BreakSpec } from './breaks';
import { cellAccuracy, forecastCell } from './engine';
import type { Dimension } from './hierarchy';
import { cellId, type ObservationIndex } from './observations';
import { aggregateTensor, makeReconciler, reconcileStep, type Reconciler } from './reconcile';
import type { AppliedBreak, CellAccuracy, HistoryPoint, LevelInterval } from './types';
import type { IntervalKind, ModelWeight } from '../forecast/types';
import { MEASURED_STATUSES, type Unit } from '../data/observation';
import { planIntervals, type LeafPlan } from './system/allocate-grid';

/** One projected cell of a grid (means reconciled). */
export interface NodeProjection {
  region: string;
  sector: string;
  qualification: string;
  history: HistoryPoint[];
  /** Value in the base year (last history point). */
  base: number;
  /** Means for baseYear+1 … baseYear+horizon (top-down shares, or reconciled engine forecasts). */
  mean: number[];
  /** Intervals shifted with the mean by reconciliation (widths kept), lower bounds ≥ 0. */
  intervals: LevelInterval[];
  /**
   * Top-down grids only: half-width of the 80 % interval from the cell's OWN share uncertainty
   * (province, section, level and field shares, in quadrature), without the national level
   * component, per forecast year. The imbalance interval reads it (recompute.ts).
   */
  shareHalf80?: number[];
  models: ModelWeight[];
  intervalKind: IntervalKind;
  accuracy: CellAccuracy;
  break?: AppliedBreak;
}

/** The projection of one indicator over crossed dimensions. */
export interface Grid {
  indicator: string;
  unit: Unit;
  firstYear: number;
  baseYear: number;
  horizon: number;
  levels: number[];
  reconciler: Reconciler;
  /** One node per tensor position (see `cellOffset`). */
  nodes: NodeProjection[];
  /** Internal codes (e.g. a residual region) that are not shown. */
  hidden: Set<string>;
  /** 'shares' when the cells are allocated top-down (no reconciliation needed); absent = engine + OLS. */
  method?: 'shares';
}

export interface GridOptions {
  indicator: string;
  dims: [Dimension, Dimension, Dimension];
  horizon: number;
  levels: number[];
  breaks?: BreakSpec[];
  /** Fit from a break when at least this many points follow it, else splice. */
  minAfterBreak?: number;
  method?: string;
  /** Backtest origins for a node (0 = none); default 3 everywhere. */
  backtestOrigins?: (region: string, sector: string, qualification: string) => number;
  /**
   * Residual leaf codes (first dimension) whose history is the root's
   * observed value minus the other leaves: keeps a national total honest when
   * only some provinces have data. Not shown.
   */
  residual?: { code: string; root: string };
  /** Region totals not to show (incomplete because of the residual). */
  hiddenRegions?: string[];
  /** Source text for sums we computed. */
  sumSource?: string;
  /** Top-down allocation (issue 12): leaf means and band components from the grid's history. */
  topDown?: (history: GridHistory) => LeafPlan;
}

/** Source of a history point that is the sum of the detailed cells. */
export const SUM_SOURCE = 'Sum of the detailed cells (LMO)';

/** The break's reason text lives once in the outlook's assumptions, not on thousands of cells. */
export function withoutReason(b: AppliedBreak): AppliedBreak {
  const { reason: _reason, ...rest } = b;
  return rest;
}

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

/** The history of a grid: bottom cells from the data, every total their sum. */
export interface GridHistory {
  indicator: string;
  unit: Unit;
  firstYear: number;
  baseYear: number;
  reconciler: Reconciler;
  /** Aggregated history tensor per year (firstYear … baseYear). */
  years: Float64Array[];
  periods: string[];
  codesAt: (off: number) => [string, string, string];
  offset: (r: string, s: string, q: string) => number;
  brk?: BreakSpec;
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
  const periods = Array.from({ length: nYears }, (_, i) => String(firstYear + i));
  return { indicator, unit, firstYear, baseYear, reconciler, years, periods, codesAt, offset, brk };
}

/** Method label of the top-down cells (shown as the node's model). */
export const SHARES_METHOD = 'system-shares';

/**
 * Build, fit and reconcile one grid. With `topDown` (the labour model's
 * default), every cell's forecast is its parent's path × a compositional
 * share (system/allocate-grid.ts): coherent by construction, no clipping.
 * Without it (tests, other indicators), each cell is fitted by the engine and
 * the means are reconciled by OLS (reconcile.ts).
 * @returns null when the indicator has no data in these dimensions.
 */
export function projectGrid(index: ObservationIndex, opts: GridOptions, prebuilt?: GridHistory | null): Grid | null {
  const { indicator, horizon, levels } = opts;
  const gh = prebuilt ?? gridHistory(index, opts);
  if (!gh) return null;
  const { firstYear, baseYear, reconciler, years, periods, codesAt, brk, unit } = gh;
  const nYears = years.length;
  const size = years[0].length;
  const nodes: NodeProjection[] = new Array(size);
  const baseMeans: Float64Array[] = Array.from({ length: horizon }, () => new Float64Array(size));
  const method = opts.method ?? 'auto';
  const plan = opts.topDown?.(gh) ?? null;

  for (let off = 0; off < size; off++) {
    const [r, s, q] = codesAt(off);
    const values = years.map((t) => t[off]);
    const observed = index.cells.get(cellId(indicator, r, s, q));
    const history: HistoryPoint[] = values.map((v, i) => {
      const o = observed?.byYear.get(firstYear + i);
      // A published figure is shown as published, even where the detail (another vintage, or generated)
      // does not add up to it; other observations only where they are the sum.
      return o && (MEASURED_STATUSES.has(o.status) || Math.abs(o.value - v) <= 0.5 + 1e-9 * Math.abs(v))
        ? { period: periods[i], value: o.value, status: o.status, source: o.source }
        : { period: periods[i], value: v, status: 'modelled', source: opts.sumSource ?? SUM_SOURCE };
    });
    const base = values[nYears - 1];
    let node: NodeProjection;
    if (values.every((v) => v === 0) && (!plan || plan.means.every((m) => m[off] === 0))) {
      node = {
        region: r,
        sector: s,
        qualification: q,
        history,
        base,
        mean: new Array(horizon).fill(0),
        intervals: levels.map((level) => ({ level, lower: new Array(horizon).fill(0), upper: new Array(horizon).fill(0) })),
        models: [],
        intervalKind: 'none',
        accuracy: cellAccuracy({ values: [], start: periods[0], frequency: 1 }),
      };
    } else if (plan) {
      // Accuracy: the engine's backtest on the cell's own (break-treated) history, as the benchmark of this cell.
      const b = applyBreak(values, periods, brk, { minAfter: opts.minAfterBreak });
      const series = { values: b.values, start: b.start, frequency: 1 as const };
      const fitMethod = series.values.length >= 3 ? method : 'naive';
      node = {
        region: r,
        sector: s,
        qualification: q,
        history,
        base,
        mean: plan.means.map((m) => m[off]),
        intervals: [],
        models: [{ method: SHARES_METHOD, weight: 1 }],
        intervalKind: 'analytic',
        accuracy: cellAccuracy(series, { method: fitMethod, origins: opts.backtestOrigins ? opts.backtestOrigins(r, s, q) : 3 }),
        ...(b.applied ? { break: withoutReason(b.applied) } : {}),
      };
    } else {
      const b = applyBreak(values, periods, brk, { minAfter: opts.minAfterBreak });
      const series = { values: b.values, start: b.start, frequency: 1 as const };
      const fitMethod = series.values.length >= 3 ? method : 'naive';
      const { fit, forecast } = forecastCell(series, horizon, levels, fitMethod);
      node = {
        region: r,
        sector: s,
        qualification: q,
        history,
        base,
        mean: forecast.mean,
        intervals: forecast.intervals.map((iv) => ({ level: iv.level, lower: iv.lower, upper: iv.upper })),
        models: fit.models,
        intervalKind: fit.intervalKind,
        accuracy: cellAccuracy(series, { method: fitMethod, origins: opts.backtestOrigins ? opts.backtestOrigins(r, s, q) : 3 }),
        ...(b.applied ? { break: withoutReason(b.applied) } : {}),
      };
    }
    nodes[off] = node;
    for (let h = 0; h < horizon; h++) baseMeans[h][off] = node.mean[h];
  }

  if (plan) {
    const ivs = planIntervals(reconciler, plan, horizon, levels);
    const own = levels.includes(80) ? planIntervals(reconciler, plan, horizon, levels, { sharesOnly: true, only: [80] })[0] : null;
    for (let off = 0; off < size; off++) {
      const node = nodes[off];
      if (node.intervalKind === 'none') continue;
      node.intervals = ivs.map((iv) => ({ level: iv.level, lower: iv.lower.map((x) => x[off]), upper: iv.upper.map((x) => x[off]) }));
      if (own) node.shareHalf80 = own.lower.map((lo, t) => (own.upper[t][off] - lo[off]) / 2);
    }
  } else {
    for (let h = 0; h < horizon; h++) {
      const rec = reconcileStep(reconciler, baseMeans[h], true);
      for (let off = 0; off < size; off++) {
        const node = nodes[off];
        const shift = rec[off] - node.mean[h];
        node.mean[h] = rec[off];
        for (const iv of node.intervals) {
          iv.lower[h] = Math.max(0, iv.lower[h] + shift);
          iv.upper[h] = Math.max(iv.lower[h], iv.upper[h] + shift);
        }
      }
    }
  }
  const hidden = new Set([...(opts.residual ? [opts.residual.code] : []), ...(opts.hiddenRegions ?? [])]);
  return { indicator, unit, firstYear, baseYear, horizon, levels, reconciler, nodes, hidden, ...(plan ? { method: 'shares' as const } : {}) };
}
