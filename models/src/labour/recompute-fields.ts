/**
 * A new field's scenario employment: its own growth path (sector growth, the policy target's
 * attainment and the scenario's boost of the field), capped cell by cell by its parent section's
 * scenario path in the main grid (recompute-main.ts).
 */
import { aggregateTensor, cellOffset, type Reconciler } from './reconcile';
import type { Grid } from './projection';
import type { GridBase, ScenarioContext } from './grid-base';
import { leafEmployment, mainScenarioEmployment } from './recompute-main';
import type { ParentCap, ParentRef } from './scenario-cells';
import { growthMultipliers, sectorGrowthOf, type ScenarioCap } from './scenarios';
import { fieldBoostFactors } from './scenario-levers';
import { ancestors } from './structure';
import type { Scenario } from './types';
import { rootOf } from './hierarchy';

const parentRefCache = new WeakMap<GridBase, Map<GridBase, ParentRef[]>>();

/**
 * Parent cell of every node of a new field's grid in the main grid: the same region and level in
 * the parent section (the main grid's ALL when it lacks the level). A field region the main grid
 * lacks (the residual) gets the national parent minus the field's other provinces, as in base.ts.
 */
function parentRefs(field: GridBase, main: GridBase): ParentRef[] {
  let byMain = parentRefCache.get(field);
  if (!byMain) parentRefCache.set(field, (byMain = new Map()));
  const hit = byMain.get(main);
  if (hit) return hit;
  const parent = field.field!.parent;
  const mrec = main.grid.reconciler;
  const [mr, , mq] = mrec.dims;
  const rootR = rootOf(mr)!;
  const rootQ = rootOf(mq)!;
  const fr = field.grid.reconciler.dims[0];
  const refs = field.grid.nodes.map((n): ParentRef => {
    const q = cellOffset(mrec, [rootR, parent, n.qualification]) >= 0 ? n.qualification : rootQ;
    const plus = cellOffset(mrec, [n.region, parent, q]);
    if (plus >= 0 || !fr.bottom.includes(n.region)) return { plus, minus: [] };
    const minus = fr.bottom
      .filter((x) => x !== n.region)
      .map((x) => cellOffset(mrec, [x, parent, q]))
      .filter((o) => o >= 0);
    return { plus: cellOffset(mrec, [rootR, parent, q]), minus };
  });
  byMain.set(main, refs);
  return refs;
}

/**
 * Growth multiplier path of a sector (t = 1..H, index t−1), per sector and level: a new field's
 * cells of the target's level also move toward the target path by the scenario's attainment,
 * and by the scenario's boost of the field.
 */
function multipliersFor(gb: GridBase, scenario: Scenario): (s: string, q: string) => Float64Array {
  const ds = gb.grid.reconciler.dims[1];
  const H = gb.grid.horizon;
  const multBySector = new Map<string, Float64Array>();
  return (s, q) => {
    const key = gb.field && gb.target && (gb.target.qualification === 'ALL' || gb.target.qualification === q) ? `${s}|target` : s;
    let m = multBySector.get(key);
    if (!m) {
      const codes = gb.field ? [s, gb.field.parent, ...ancestors(ds, s)] : ancestors(ds, s);
      m = growthMultipliers(sectorGrowthOf(scenario, codes), H);
      if (key.endsWith('|target') && scenario.targetAttainment !== undefined && gb.target) {
        const { trend, path } = gb.target;
        const a = scenario.targetAttainment;
        for (let t = 0; t < H; t++) {
          const adj = trend[t] > 0 ? (trend[t] + a * (path[t] - trend[t])) / trend[t] : 1;
          m[t] *= adj;
        }
      }
      const boost = gb.field ? scenario.fieldBoost?.[gb.field.code] : undefined;
      if (boost) {
        const f = fieldBoostFactors(gb, boost);
        for (let t = 0; t < H; t++) m[t] *= f[t];
      }
      multBySector.set(key, m);
    }
    return m;
  };
}

/** A new field's parent section in the main grid, under the same scenario and cap; null for the main grid or without one. */
export function parentCapOf(gb: GridBase, scenario: Scenario, ctx: ScenarioContext, cap: ScenarioCap | null): ParentCap | null {
  const sys = ctx.system ?? null;
  const main = gb.field ? (ctx.main ?? sys?.main ?? null) : null;
  return main ? { main, emp: mainScenarioEmployment(main, scenario, cap), refs: parentRefs(gb, main) } : null;
}

/**
 * A new field's scenario employment of the cells `nodes` (offset `offset` in its grid), t = 1..H
 * (index t−1): its own growth path, capped cell by cell by its parent section's scenario path.
 */
export function fieldEmployment(run: {
  gb: GridBase;
  scenario: Scenario;
  cap: ScenarioCap | null;
  parent: ParentCap | null;
  rec: Reconciler;
  offset: number;
  nodes: Grid['nodes'];
  leaf: Uint8Array;
}): Float64Array[] {
  const { gb, scenario, cap, parent, rec, offset, nodes, leaf } = run;
  const H = gb.grid.horizon;
  const size = nodes.length;
  const multFor = multipliersFor(gb, scenario);
  const parentAt = (off: number, t: number): number => {
    const r = parent!.refs[off];
    if (r.plus < 0) return Infinity;
    let v = parent!.emp[t - 1][r.plus];
    for (const o of r.minus) v -= parent!.emp[t - 1][o];
    return Math.max(0, v);
  };
  const emp: Float64Array[] = Array.from({ length: H }, () => new Float64Array(size));
  for (let local = 0; local < size; local++) {
    if (!leaf[local]) continue;
    const node = nodes[local];
    const m = multFor(node.sector, node.qualification);
    for (let t = 1; t <= H; t++) {
      const v = leafEmployment(node.mean[t - 1], m[t - 1], cap, t - 1);
      emp[t - 1][local] = parent ? Math.min(v, parentAt(offset + local, t)) : v;
    }
  }
  for (const e of emp) aggregateTensor(rec, e);
  return emp;
}
