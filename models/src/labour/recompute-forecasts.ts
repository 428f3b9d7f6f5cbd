/**
 * Employment forecasts of a scenario run: every shown cell's scenario path with its intervals
 * scaled like its mean, national employment kept within the labour force, and a new field's
 * bounds kept within its parent section's.
 */
import { basisFromMask } from './basis';
import type { Grid } from './projection';
import { historyMask, type ParentCap, type ScenarioCells } from './scenario-cells';
import type { NationalSystem } from './system/types';
import type { CellForecast } from './types';
import { rootOf } from './hierarchy';

type Intervals = CellForecast['forecast']['intervals'];

const round = Math.round;

const sourceCache = new WeakMap<object, string>();

function forecastSource(grid: Grid, node: Grid['nodes'][number]): string {
  let s = sourceCache.get(node);
  if (!s) {
    const hist: string[] = [];
    for (const p of node.history) if (!hist.includes(p.source)) hist.push(p.source);
    const models = node.models.map((m) => m.method).join('+') || 'none';
    s = `LMO model: engine forecast (${models}) of ${grid.indicator}, reconciled across regions, sectors and levels (OLS). History: ${hist.join('; ')}`;
    sourceCache.set(node, s);
  }
  return s;
}

/** A node's intervals scaled like its mean (`scales[t]` = scenario ÷ base path), rounded, around `mean`. */
function scaledIntervals(node: Grid['nodes'][number], mean: number[], scales: number[]): CellForecast['forecast']['intervals'] {
  return node.intervals.map((iv) => ({
    level: iv.level,
    lower: iv.lower.map((v, t) => Math.min(round(v * scales[t]), mean[t])),
    upper: iv.upper.map((v, t) => Math.max(round(v * scales[t]), mean[t])),
  }));
}

/**
 * National employment's bounds within the labour force, as the system's own band is built
 * (system/national-system.ts): upper ≤ the labour force's upper bound × (1 − minUnemploymentRate)
 * of the same level (never below the mean). A growth scenario scales the band up with the mean, so
 * without this its upper bound could exceed any labour force the system allows.
 */
function withinLabourForce(intervals: CellForecast['forecast']['intervals'], mean: number[], system: NationalSystem): CellForecast['forecast']['intervals'] {
  const lf = system.labourForce;
  const minU = system.minUnemploymentRate;
  return intervals.map((iv) => {
    const band = lf.intervals.find((x) => x.level === iv.level);
    return {
      level: iv.level,
      lower: iv.lower,
      upper: iv.upper.map((v, t) => {
        const ceiling = (band?.upper ?? lf.mean)[system.baseIndex + t + 1];
        return ceiling === undefined || !Number.isFinite(ceiling) ? v : Math.max(mean[t], Math.min(v, Math.floor(ceiling * (1 - minU))));
      }),
    };
  });
}

/**
 * A new field cell's bounds within the same bounds of its parent section (scaled to the parent's
 * scenario path), when the cell has exactly one parent cell: a part's bound never exceeds its whole's.
 */
function withinParent(intervals: Intervals, mean: number[], parent: ParentCap, off: number, H: number): Intervals {
  const pr = parent.refs[off];
  if (!pr || pr.plus < 0 || pr.minus.length !== 0) return intervals;
  const pNode = parent.main.grid.nodes[pr.plus];
  const pMean = Array.from({ length: H }, (_, t) => parent.emp[t][pr.plus]);
  const pIv = scaledIntervals(
    pNode,
    pMean,
    pMean.map((v, t) => (pNode.mean[t] > 0 ? v / pNode.mean[t] : 1)),
  );
  return intervals.map((iv) => {
    const p = pIv.find((x) => x.level === iv.level);
    if (!p) return iv;
    return {
      level: iv.level,
      lower: iv.lower.map((v, t) => Math.min(v, p.lower[t], mean[t])),
      upper: iv.upper.map((v, t) => Math.max(Math.min(v, p.upper[t]), mean[t])),
    };
  });
}

/** Employment forecasts of the computed cells (hidden regions left out). */
export function scenarioForecasts(cells: ScenarioCells): CellForecast[] {
  const { gb, offset, size, H, nodes, hidden, emp, sys, parent } = cells;
  const { grid } = gb;
  const forecasts: CellForecast[] = [];
  const roots = grid.reconciler.dims.map((d) => rootOf(d));
  const isRoot = (local: number) =>
    !gb.field && nodes[local].region === roots[0] && nodes[local].sector === roots[1] && nodes[local].qualification === roots[2];
  const periods = Array.from({ length: H }, (_, i) => String(grid.baseYear + i + 1));
  for (let local = 0; local < size; local++) {
    const node = nodes[local];
    if (hidden[local]) continue;
    const mean = new Array<number>(H);
    const scales = new Array<number>(H);
    for (let t = 0; t < H; t++) {
      scales[t] = node.mean[t] > 0 ? emp[t + 1][local] / node.mean[t] : 1;
      mean[t] = emp[t + 1][local];
    }
    let intervals = scaledIntervals(node, mean, scales);
    if (isRoot(local) && sys) intervals = withinLabourForce(intervals, mean, sys.system);
    if (parent) intervals = withinParent(intervals, mean, parent, offset + local, H);
    forecasts.push({
      indicator: grid.indicator,
      region: node.region,
      sector: node.sector,
      qualification: node.qualification,
      unit: grid.unit,
      history: node.history,
      forecast: { periods, mean, intervals },
      models: node.models,
      intervalKind: node.intervalKind,
      accuracy: node.accuracy,
      ...(node.break ? { break: node.break } : {}),
      ...(node.basisChanges ? { basisChanges: node.basisChanges } : {}),
      reconciliation: 'ols',
      status: 'modelled',
      basis: basisFromMask(gb.basis?.[offset + local] ?? historyMask(node)),
      source: forecastSource(grid, node),
    });
  }
  return forecasts;
}
