/**
 * Apply a scenario to a base projection: adjusted employment paths (kept within the national
 * labour-force ceiling), then openings, new supply and imbalance for every cell and horizon. Works
 * on the detailed cells and re-adds every total, so all figures of one scenario are coherent (a
 * province's TOTAL is the sum of its sections, VN the sum of provinces, and likewise for openings,
 * supply and imbalance; expansion is net, so VN expansion = the change in national employment).
 *
 * Replacement and other entrants come from the national system (`ScenarioContext.system`):
 * age-based replacement rates by level (measured `exits` data override a cell), and the
 * demographic inflow of other entrants by level shared by base employment. Without a system the
 * documented default rates are used. Mobility between sections is no longer added to supply: with
 * net expansion, the jobs a shrinking section sheds already lower the openings of every total that
 * contains it, so adding its workers to the supply of growing sections counted them twice.
 *
 * The main grid's cap factors and scenario employment are in recompute-main.ts, a new field's
 * employment (capped by its parent section) in recompute-fields.ts; the rows in recompute-gaps.ts
 * and recompute-forecasts.ts.
 */
import { makeReconciler, type Reconciler } from './reconcile';
import type { Grid } from './projection';
import { entrantInputsUnder, levelTotals, otherEntrantsFromSystem } from './other-entrants';
import { scenarioSystem } from './scenario-levers';
import type { BaseProjection } from './base';
import type { GridBase, ScenarioContext, SystemInputs } from './grid-base';
import { fieldEmployment, parentCapOf } from './recompute-fields';
import { scenarioForecasts } from './recompute-forecasts';
import { scenarioGaps } from './recompute-gaps';
import { mainScenarioEmployment, scenarioCapFactors } from './recompute-main';
import type { ScenarioCells } from './scenario-cells';
import type { NationalSystem } from './system/types';
import type { CellForecast, GapRow, Scenario } from './types';

export type { GridBase, ScenarioContext, SystemInputs } from './grid-base';
export { baselineCapFactors, mainScenarioEmployment, scenarioCapFactors } from './recompute-main';

/** The national system of a base projection (`BaseProjection.system`), or null. */
export function systemOf(base: BaseProjection): NationalSystem | null {
  // `?? null`: hand-built bases in tests may omit it.
  return base.system ?? null;
}

const systemInputsCache = new WeakMap<BaseProjection, SystemInputs | null>();

/**
 * Scenario-independent inputs from the national system, once per base: other entrants by level
 * (other-entrants.ts: demographic inflow × entry mix − graduates already counted, floored at 0; the
 * unqualified level takes the residual of the inflow) over the main grid's base employment, and the main grid on which the labour-force cap is computed.
 */
export function systemInputsOf(base: BaseProjection): SystemInputs | null {
  if (systemInputsCache.has(base)) return systemInputsCache.get(base)!;
  const system = systemOf(base);
  let inputs: SystemInputs | null = null;
  if (system) {
    const grid = base.main ?? base.fields[0];
    const others = grid ? otherEntrantsFromSystem(system, levelTotals(grid.grid, grid.supply), base.entryRate, base.horizon) : null;
    inputs = { system, main: base.main, others };
  }
  systemInputsCache.set(base, inputs);
  return inputs;
}

/**
 * The system inputs under a scenario's labour-force levers (`scenarioSystem`: labour force,
 * entrants, retirement), with other entrants reading its entrants; the base's when it has none.
 */
export function systemInputsUnder(inputs: SystemInputs | null, scenario: Scenario | undefined): SystemInputs | null {
  if (!inputs || !scenario) return inputs;
  const system = scenarioSystem(inputs.system, scenario);
  return system === inputs.system ? inputs : { ...inputs, system, others: inputs.others && entrantInputsUnder(inputs.others, system) };
}

/** Result of applying a scenario to (part of) a grid. */
export interface ScenarioResult {
  forecasts: CellForecast[];
  gaps: GapRow[];
}

const sliceReconcilers = new WeakMap<Grid, Reconciler>();

function sliceReconciler(grid: Grid): Reconciler {
  let r = sliceReconcilers.get(grid);
  if (!r) {
    r = makeReconciler(grid.reconciler.dims.slice(1));
    sliceReconcilers.set(grid, r);
  }
  return r;
}

/**
 * The cells to compute (the whole grid, or the one bottom region `region`) and their adjusted
 * employment E'_t, t = 0..H (0 = base year). In years where the national ceiling binds, cells are
 * scaled and rounded DOWN, so Σ cells stays ≤ the ceiling after rounding. A new field is part of
 * its parent section: each detailed cell is capped by the parent's scenario path (same region and
 * level), so no field cell or total ever exceeds its parent.
 */
function scenarioCells(gb: GridBase, scenario: Scenario, ctx: ScenarioContext, region?: string): ScenarioCells {
  const { grid } = gb;
  const [dr, ds, dq] = grid.reconciler.dims;
  const nSQ = ds.codes.length * dq.codes.length;
  const H = grid.horizon;
  const rec = region === undefined ? grid.reconciler : sliceReconciler(grid);
  const size = (region === undefined ? dr.codes.length : 1) * nSQ;
  const offset = region === undefined ? 0 : dr.index.get(region)! * nSQ;
  const [bottomR, bottomS, bottomQ] = [new Set(dr.bottom), new Set(ds.bottom), new Set(dq.bottom)];
  const nodes = grid.nodes.slice(offset, offset + size);
  const leaf = new Uint8Array(size);
  const hidden = new Uint8Array(size);
  nodes.forEach((n, local) => {
    leaf[local] = bottomR.has(n.region) && bottomS.has(n.sector) && bottomQ.has(n.qualification) ? 1 : 0;
    if (grid.hidden.has(n.region)) hidden[local] = 1;
  });
  const sys = ctx.system ?? null;
  const cap = sys?.main ? scenarioCapFactors(sys.main, scenario, sys.system) : null;
  const parent = parentCapOf(gb, scenario, ctx, cap);
  const baseYear = Float64Array.from(nodes, (n) => n.base);
  // Any grid but a new field has the main grid's scenario employment: computed once per scenario and
  // shared with the fields it caps (one region's cells are a view on it; its figures are whole
  // numbers, so its sums do not depend on the order they are added in).
  const later = gb.field
    ? fieldEmployment({ gb, scenario, cap, parent, rec, offset, nodes, leaf })
    : mainScenarioEmployment(gb, scenario, cap).map((e) => e.subarray(offset, offset + size));
  return { gb, scenario, ctx, rec, offset, size, H, nodes, leaf, hidden, emp: [baseYear, ...later], sys, parent };
}

/**
 * Apply `scenario` to a grid base: scenario employment of the cells, then their gap rows
 * (recompute-gaps.ts) and, when asked, their forecasts (recompute-forecasts.ts).
 * @param regions restrict to these region codes (each must be a bottom code,
 *   e.g. a province); default: every region of the grid.
 */
export function applyScenario(gb: GridBase, scenario: Scenario, ctx: ScenarioContext, regions?: string[]): ScenarioResult {
  if (regions && regions.length !== 1) {
    // One region at a time; ranks are per region, so the pieces are the same as a joint run.
    const parts = regions.map((r) => applyScenario(gb, scenario, ctx, [r]));
    return { forecasts: parts.flatMap((p) => p.forecasts), gaps: parts.flatMap((p) => p.gaps) };
  }
  const r = regions?.[0];
  if (r !== undefined && !gb.grid.reconciler.dims[0].bottom.includes(r)) {
    // A total region was asked for: compute everything, keep only it.
    const all = applyScenario(gb, scenario, ctx);
    return { forecasts: all.forecasts.filter((f) => f.region === r), gaps: all.gaps.filter((g) => g.region === r) };
  }
  const cells = scenarioCells(gb, scenario, ctx, r);
  const gaps = scenarioGaps(cells);
  return { forecasts: ctx.forecasts ? scenarioForecasts(cells) : [], gaps };
}
