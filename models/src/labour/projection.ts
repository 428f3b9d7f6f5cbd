/**
 * Projected employment for every cell of a crossed hierarchy
 * (region × sector × qualification): history built bottom-up from the most
 * detailed cells, a declared series break treated, each cell fitted with the
 * engine's `auto` and forecast up to 10 years, then reconciled so that every
 * total equals the sum of its parts (reconcile.ts).
 *
 * The shapes live in grid-types.ts, the history in grid-history.ts.
 */
import { applyBreak, shownBasisChanges } from './breaks';
import { cellAccuracy, forecastCell } from './engine';
import { cellId, type IndexedCell, type ObservationIndex } from './observations';
import { reconcileStep, type Reconciler } from './reconcile';
import type { AppliedBreak, HistoryPoint } from './types';
import { MEASURED_STATUSES } from '../data/observation';
import { planIntervals, type LeafPlan } from './system/allocate-grid';
import { gridHistory } from './grid-history';
import type { Grid, GridHistory, GridOptions, NodeProjection } from './grid-types';

export type { Grid, GridHistory, GridOptions, NodeProjection } from './grid-types';
export { crossesBreak, gridHistory } from './grid-history';

/** Source of a history point that is the sum of the detailed cells. */
export const SUM_SOURCE = 'Sum of the detailed cells (LMO)';

/** The break's reason text lives once in the outlook's assumptions, not on thousands of cells. */
export function withoutReason(b: AppliedBreak): AppliedBreak {
  const { reason: _reason, ...rest } = b;
  return rest;
}

/** Method label of the top-down cells (shown as the node's model). */
export const SHARES_METHOD = 'system-shares';

/**
 * A cell's history as shown: a published figure as published, even where the detail (another
 * vintage, or generated) does not add up to it; other observations only where they are the sum.
 */
function cellHistory(observed: IndexedCell | undefined, values: number[], gh: GridHistory, sumSource: string | undefined): HistoryPoint[] {
  const { firstYear, periods } = gh;
  return values.map((v, i) => {
    const o = observed?.byYear.get(firstYear + i);
    return o && (MEASURED_STATUSES.has(o.status) || Math.abs(o.value - v) <= 0.5 + 1e-9 * Math.abs(v))
      ? { period: periods[i], value: o.value, status: o.status, source: o.source }
      : { period: periods[i], value: v, status: 'modelled', source: sumSource ?? SUM_SOURCE };
  });
}

/**
 * One cell's projection before reconciliation (offset `off` in the grid): zeros for an empty
 * cell, the plan's means for a top-down grid (intervals come later from the plan), else the
 * engine's fit and forecast.
 */
function projectNode(index: ObservationIndex, opts: GridOptions, gh: GridHistory, plan: LeafPlan | null, off: number): NodeProjection {
  const { indicator, horizon, levels } = opts;
  const { years, periods, codesAt, brk } = gh;
  const method = opts.method ?? 'auto';
  const [r, s, q] = codesAt(off);
  const values = years.map((t) => t[off]);
  const history = cellHistory(index.cells.get(cellId(indicator, r, s, q)), values, gh, opts.sumSource);
  const base = values[years.length - 1];
  // A declared break the grid did not need (its values are all on the new basis) can still show,
  // where published old-basis figures sit beside the back-cast sums.
  const changes = shownBasisChanges(history, gh.shownBreak);
  const cell = { region: r, sector: s, qualification: q, history, base, ...(changes.length ? { basisChanges: changes } : {}) };
  if (values.every((v) => v === 0) && (!plan || plan.means.every((m) => m[off] === 0))) {
    return {
      ...cell,
      mean: new Array(horizon).fill(0),
      intervals: levels.map((level) => ({ level, lower: new Array(horizon).fill(0), upper: new Array(horizon).fill(0) })),
      models: [],
      intervalKind: 'none',
      accuracy: cellAccuracy({ values: [], start: periods[0], frequency: 1 }),
    };
  }
  const b = applyBreak(values, periods, brk, { minAfter: opts.minAfterBreak });
  const series = { values: b.values, start: b.start, frequency: 1 as const };
  const fitMethod = series.values.length >= 3 ? method : 'naive';
  // A top-down cell's accuracy is the engine's backtest on its own (break-treated) history, as its benchmark (`benchmark`).
  const accuracy = cellAccuracy(series, { method: fitMethod, origins: opts.backtestOrigins ? opts.backtestOrigins(r, s, q) : 3 });
  const brokeAt = b.applied ? { break: withoutReason(b.applied) } : {};
  if (plan) {
    return {
      ...cell,
      mean: plan.means.map((m) => m[off]),
      intervals: [],
      models: [{ method: SHARES_METHOD, weight: 1 }],
      intervalKind: 'analytic',
      // The line is the system's shares; the backtest is of `fitMethod` on the cell's history.
      accuracy: { ...accuracy, benchmark: fitMethod },
      ...brokeAt,
    };
  }
  const { fit, forecast } = forecastCell(series, horizon, levels, fitMethod);
  return {
    ...cell,
    mean: forecast.mean,
    intervals: forecast.intervals.map((iv) => ({ level: iv.level, lower: iv.lower, upper: iv.upper })),
    models: fit.models,
    intervalKind: fit.intervalKind,
    accuracy,
    ...brokeAt,
  };
}

/** A top-down grid's bands, from the plan's band components (and the cells' own-share 80 % half-widths). */
function setPlanIntervals(nodes: NodeProjection[], reconciler: Reconciler, plan: LeafPlan, horizon: number, levels: number[]): void {
  const ivs = planIntervals(reconciler, plan, horizon, levels);
  const own = levels.includes(80) ? planIntervals(reconciler, plan, horizon, levels, { sharesOnly: true, only: [80] })[0] : null;
  for (let off = 0; off < nodes.length; off++) {
    const node = nodes[off];
    if (node.intervalKind === 'none') continue;
    node.intervals = ivs.map((iv) => ({ level: iv.level, lower: iv.lower.map((x) => x[off]), upper: iv.upper.map((x) => x[off]) }));
    if (own) node.shareHalf80 = own.lower.map((lo, t) => (own.upper[t][off] - lo[off]) / 2);
  }
}

/** Reconciles the engine's means year by year (OLS), shifting each cell's intervals with its mean (widths kept, bounds ≥ 0). */
function reconcileNodes(nodes: NodeProjection[], reconciler: Reconciler, baseMeans: Float64Array[]): void {
  for (let h = 0; h < baseMeans.length; h++) {
    const rec = reconcileStep(reconciler, baseMeans[h], true);
    for (let off = 0; off < nodes.length; off++) {
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
  const { firstYear, baseYear, reconciler, years, unit } = gh;
  const size = years[0].length;
  const nodes: NodeProjection[] = new Array(size);
  const baseMeans: Float64Array[] = Array.from({ length: horizon }, () => new Float64Array(size));
  const plan = opts.topDown?.(gh) ?? null;
  for (let off = 0; off < size; off++) {
    const node = projectNode(index, opts, gh, plan, off);
    nodes[off] = node;
    for (let h = 0; h < horizon; h++) baseMeans[h][off] = node.mean[h];
  }
  if (plan) setPlanIntervals(nodes, reconciler, plan, horizon, levels);
  else reconcileNodes(nodes, reconciler, baseMeans);
  const hidden = new Set([...(opts.residual ? [opts.residual.code] : []), ...(opts.hiddenRegions ?? [])]);
  return { indicator, unit, firstYear, baseYear, horizon, levels, reconciler, nodes, hidden, ...(plan ? { method: 'shares' as const } : {}) };
}
