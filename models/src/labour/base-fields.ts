/**
 * The new fields' grids of computeBase (province × the field × level), each allocated within its
 * parent section's cells of the main grid (`fieldLeaves`), and the fields' target paths.
 */
import { makeDimension, rootOf } from './hierarchy';
import { estimateExitRates } from './openings';
import { projectGrid, type Grid, type GridHistory } from './projection';
import { allocateField, type FieldLeafInput, type RelBand } from './system/allocate-grid';
import { relativeBand } from './system/aggregate-band';
import type { GridBase } from './grid-base';
import type { OtherEntrantRates } from './other-entrants';
import { supplyInputs } from './supply';
import { targetPath, workforceLevelOf } from './targets';
import type { TargetSpec } from './types';
import { employmentGridOptions, gridBaseOf, type BaseContext, type FieldSpec } from './base-context';

/**
 * One new field's grid (province × the field × level), allocated within its parent section's cells of the main grid when there is one.
 * Unlike the main grid it keeps the default backtest origins, and its default exit rates are its parent section's.
 */
function projectField(ctx: BaseContext, f: FieldSpec, mainGrid: Grid | undefined, otherEntrants: OtherEntrantRates): GridBase | null {
  const { index, horizon, levels, forecaster } = ctx;
  const shared = employmentGridOptions(ctx, new Set([f.code]), makeDimension([{ code: f.code }]));
  const grid = projectGrid(index, {
    ...shared,
    ...(mainGrid
      ? { topDown: (gh) => allocateField(gh.reconciler, gh.years[0].length, horizon, levels, fieldLeaves(gh, mainGrid, f.parent, levels), forecaster) }
      : {}),
  });
  if (!grid) return null;
  const exits = estimateExitRates(index, grid, f.parent);
  return gridBaseOf(index, grid, exits, supplyInputs(index, grid, { otherEntrantsRate: otherEntrants.rate }), f);
}

/** The grids of the new fields that have employment data, in structure order. */
export function projectFields(ctx: BaseContext, mainGrid: Grid | undefined, otherEntrants: OtherEntrantRates): GridBase[] {
  const employment = ctx.index.byIndicator.get('employment') ?? [];
  const fields: GridBase[] = [];
  for (const f of ctx.structure.fields) {
    if (!employment.some((c) => c.sector === f.code)) continue;
    const field = projectField(ctx, f, mainGrid, otherEntrants);
    if (field) fields.push(field);
  }
  return fields;
}

/**
 * Target paths of the new fields, which feed the policy scenarios. Only a decision that
 * gives people to train yields a workforce path (an assumption, targets.ts).
 */
export function attachTargets(fields: GridBase[], targetSpecs: readonly TargetSpec[], horizon: number, levels: number[]): void {
  for (const gb of fields) {
    const spec = targetSpecs.find((s) => s.field === gb.field!.code);
    if (!spec) continue;
    const root = rootOf(gb.grid.reconciler.dims[0]);
    const node = gb.grid.nodes.find((n) => n.region === root && n.qualification === spec.qualification);
    if (!node || node.history.length === 0) continue;
    const level = workforceLevelOf(spec, node.history[node.history.length - 1].value, gb.grid.baseYear);
    if (level === null) continue;
    const path = targetPath(
      node.history.map((p) => p.value),
      gb.grid.baseYear,
      level,
      spec.year,
      horizon,
      levels,
    );
    gb.target = { qualification: spec.qualification, trend: node.mean, path: path.mean };
  }
}

/** A main-grid node's relative band from its own shares only (`shareHalf80`, symmetric; every level gets the 80 % one). */
function nodeShareRel(node: Grid['nodes'][number], levels: number[]): RelBand | undefined {
  const h = node.shareHalf80;
  if (!h) return undefined;
  const rel = node.mean.map((m, t) => (m > 0 ? (h[t] ?? 0) / m : 0));
  return levels.map((level) => ({ level, lower: rel, upper: rel }));
}
/** Leaves of a new field's grid with their parent section's cells in the main grid (residual region: national − other provinces). */
function fieldLeaves(gh: GridHistory, main: Grid, parent: string, levels: number[]): FieldLeafInput[] {
  const [fr, , fq] = gh.reconciler.dims;
  const byKey = new Map(main.nodes.map((n) => [`${n.region}|${n.sector}|${n.qualification}`, n]));
  const mr = main.reconciler.dims[0];
  const mainRoot = rootOf(mr)!;
  const mq = main.reconciler.dims[2];
  const mainQRoot = rootOf(mq)!;
  const years = gh.periods.map(Number);
  const histAt = (n: Grid['nodes'][number]) => new Map(n.history.map((p) => [Number(p.period), p.value]));
  const out: FieldLeafInput[] = [];
  for (const p of fr.bottom) {
    for (const q of fq.bottom) {
      const off = gh.offset(p, gh.reconciler.dims[1].codes[0], q);
      const history = gh.years.map((t) => t[off]);
      const qq = byKey.has(`${mainRoot}|${parent}|${q}`) ? q : mainQRoot;
      let node = byKey.get(`${p}|${parent}|${qq}`);
      let parentHistory: number[];
      let parentPath: number[];
      if (!node) {
        // Residual region (or a province the main grid lacks): the national parent minus the field's other provinces.
        node = byKey.get(`${mainRoot}|${parent}|${qq}`);
        if (!node) continue;
        const others = fr.bottom
          .filter((x) => x !== p)
          .map((x) => byKey.get(`${x}|${parent}|${qq}`))
          .filter((n): n is Grid['nodes'][number] => !!n);
        const h0 = histAt(node);
        const ho = others.map(histAt);
        parentHistory = years.map((y) => (h0.has(y) ? Math.max(0, h0.get(y)! - ho.reduce((a, m) => a + (m.get(y) ?? 0), 0)) : NaN));
        parentPath = node.mean.map((v, t) => Math.max(0, v - others.reduce((a, n) => a + n.mean[t], 0)));
      } else {
        const h = histAt(node);
        parentHistory = years.map((y) => h.get(y) ?? NaN);
        parentPath = node.mean;
      }
      out.push({
        offset: off,
        history,
        parentHistory,
        parentPath,
        parentRel: relativeBand(node.mean, node.intervals, levels),
        parentShareRel: nodeShareRel(node, levels),
      });
    }
  }
  return out;
}
