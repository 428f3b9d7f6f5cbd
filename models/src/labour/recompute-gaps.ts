/**
 * Gap rows of a scenario run: for every cell and requested horizon, openings (net expansion +
 * replacement), new supply and their imbalance, summed over the years up to the horizon on the
 * detailed cells and re-added to every total; ranked within a horizon by region and level.
 */
import { basisFromMask } from './basis';
import { imbalanceOf, rankBlock } from './imbalance';
import { replacementRatePath } from './openings';
import { aggregateTensor } from './reconcile';
import { historyMask, type ScenarioCells } from './scenario-cells';
import { otherEntrantsAt } from './other-entrants';
import { entryRateAt } from './scenario-levers';
import { graduatesAfterMobility } from './graduate-mobility';
import { aggregateSupplyHalf } from './supply';
import type { Grid } from './projection';
import type { GapRow } from './types';
import { rootOf } from './hierarchy';

/** Short, because it repeats on every row; the outlook's `assumptions` hold the method. */
const GAP_SOURCE = 'LMO model (modelled): openings vs new supply, see assumptions';

/**
 * Persons are whole numbers. Detailed cells are rounded BEFORE totals are
 * added up, so every total is the exact sum of the figures shown for its parts
 * (and the stored JSON carries no 15-digit noise).
 */
const round = Math.round;
const round3 = (x: number) => Math.round(x * 1000) / 1000;
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** Per-run working state: running sums per detailed cell (base year → current year) and what every horizon reuses. */
interface Running {
  repl: Float64Array;
  supply: Float64Array;
  half: Float64Array;
  /** Replacement rate path of a level from the national system (cached). */
  rateOf: (q: string) => Float64Array;
  groupOfLocal: number[];
  groupOfRow: number[];
  worse: Uint8Array;
  iv80Of: (Grid['nodes'][number]['intervals'][number] | undefined)[];
  /** One horizon's figures per computed cell (overwritten for every horizon). */
  expansion: Float64Array;
  replacement: Float64Array;
  newSupply: Float64Array;
  supplyHalf: Float64Array;
}

/** Comparable rows for ranking: same region and aggregation level of sector and qualification. */
function rankGroups({ gb, nodes }: ScenarioCells): number[] {
  const [, ds, dq] = gb.grid.reconciler.dims;
  const bottomS = new Set(ds.bottom);
  const sectorRoot = rootOf(ds);
  const qualRoot = rootOf(dq);
  const groupIds = new Map<string, number>();
  return nodes.map((n) => {
    const kind = `${n.region}|${gb.field ? 'field' : n.sector === sectorRoot ? 'total' : bottomS.has(n.sector) ? 'section' : 'group'}|${n.qualification === qualRoot ? 'all' : 'level'}`;
    let id = groupIds.get(kind);
    if (id === undefined) groupIds.set(kind, (id = groupIds.size));
    return id;
  });
}

/**
 * Add year t's replacement demand and new supply of every detailed cell to the running sums.
 * Replacement rates per level come from the national system (measured exits override a cell).
 */
function accumulateYear(cells: ScenarioCells, t: number, sums: Running): void {
  const {
    gb: { exits, supply },
    scenario,
    ctx,
    offset,
    size,
    nodes,
    leaf,
    emp,
    sys,
  } = cells;
  const xr = scenario.exitRate;
  const mobility = scenario.graduateMobility ?? 0;
  const entry = (q: string, t: number) => entryRateAt(scenario, ctx.entryRate, q, t);
  const { rateOf, repl: cumRepl, supply: cumSupply, half: cumHalf } = sums;
  // Per level, under this scenario's entry rates and system (outlook.ts contextOf): extra graduates come out of the unqualified residual.
  const others = sys?.others ? otherEntrantsAt(sys.others, (q) => entry(q, t), t - 1) : null;
  for (let local = 0; local < size; local++) {
    if (!leaf[local]) continue;
    const off = offset + local;
    const q = nodes[local].qualification;
    const rate = sys && !exits.observed[off] ? rateOf(q)[t - 1] : exits.rate[off];
    cumRepl[local] += rate * xr * emp[t - 1][local];
    const other = others && !supply.otherFromData?.[off] ? (others[q] ?? 0) * nodes[local].base : supply.other[off][t - 1];
    const e = entry(q, t);
    // Without the lever (every stored scenario) the graduates are read as they are: no call, no object.
    const g = mobility > 0 ? graduatesAfterMobility(cells.gb, off, t, mobility) : null;
    cumSupply[local] += e * (g ? g.mean : supply.gradMean[off][t - 1]) + other;
    cumHalf[local] += e * (g ? g.half : supply.gradHalf80[off][t - 1]);
  }
}

/** The gap rows of one horizon t for every shown cell, totals re-added from the detailed cells, then ranked. */
function pushGapRows(cells: ScenarioCells, t: number, sums: Running, gaps: GapRow[]): void {
  const { gb, ctx, rec, offset, size, nodes, leaf, hidden, emp } = cells;
  const { grid, supply } = gb;
  const { repl: cumRepl, supply: cumSupply, half: cumHalf, groupOfLocal, groupOfRow, worse, iv80Of, expansion, replacement, newSupply, supplyHalf } = sums;
  for (let local = 0; local < size; local++) {
    const isLeaf = leaf[local] === 1;
    expansion[local] = isLeaf ? emp[t][local] - emp[0][local] : 0;
    replacement[local] = isLeaf ? round(cumRepl[local]) : 0;
    newSupply[local] = isLeaf ? round(cumSupply[local]) : 0;
    supplyHalf[local] = isLeaf ? cumHalf[local] : 0;
  }
  for (const x of [expansion, replacement, newSupply]) aggregateTensor(rec, x);
  aggregateSupplyHalf(rec, supplyHalf, supply.gradCorrelation ?? 1); // supply.ts: linear over areas, equicorrelated across series
  const period = String(grid.baseYear + t);
  const blockStart = gaps.length;
  for (let local = 0; local < size; local++) {
    const node = nodes[local];
    if (hidden[local]) continue;
    const baseMean = node.mean[t - 1];
    const scale = baseMean > 0 ? emp[t][local] / baseMean : 1;
    // The cell's own employment uncertainty: on top-down grids its share band only. The national
    // level (labour force, economy-wide demand) moves openings and new supply alike (entrants
    // come from the same demographic labour force), so it is common to both sides and left out.
    const own = node.shareHalf80;
    const iv80 = iv80Of[local];
    const empHalf = own ? own[t - 1] * scale : iv80 ? ((iv80.upper[t - 1] - iv80.lower[t - 1]) / 2) * scale : 0;
    const openings = expansion[local] + replacement[local];
    const imb = imbalanceOf(
      {
        openings,
        replacement: replacement[local],
        expansion: expansion[local],
        newSupply: newSupply[local],
        halfWidth80: Math.sqrt(empHalf * empHalf + supplyHalf[local] * supplyHalf[local]),
        employmentBase: node.base,
        worseThanNaive: worse[local] === 1,
      },
      ctx.thresholds,
    );
    groupOfRow.push(groupOfLocal[local]);
    gaps.push({
      region: node.region,
      sector: node.sector,
      qualification: node.qualification,
      horizon: t,
      period,
      employmentBase: node.base,
      employmentEnd: emp[t][local],
      openings,
      expansion: expansion[local],
      replacement: replacement[local],
      newSupply: newSupply[local],
      imbalance: imb.imbalance,
      imbalanceLower: round(imb.imbalanceLower),
      imbalanceUpper: round(imb.imbalanceUpper),
      imbalanceShare: imb.imbalanceShare === null ? null : round6(imb.imbalanceShare),
      ratio: imb.ratio === null ? null : round3(imb.ratio),
      flag: imb.flag,
      confidence: imb.confidence,
      rank: null,
      status: 'modelled',
      basis: basisFromMask(gb.gapBasis?.[offset + local] ?? historyMask(node)),
      source: GAP_SOURCE,
    });
  }
  // Rank within this horizon's rows, by region and aggregation level.
  rankBlock(gaps, blockStart, gaps.length, groupOfRow);
}

/** Cells whose backtest MASE is over 1.2 × the naive method's: their flags get low confidence. */
function worseThanNaive({ nodes, size }: ScenarioCells): Uint8Array {
  const worse = new Uint8Array(size);
  nodes.forEach((n, local) => {
    const a = n.accuracy;
    if (a.mase !== null && a.naiveMase !== null && a.mase > 1.2 * a.naiveMase) worse[local] = 1;
  });
  return worse;
}

/** Gap rows of every requested horizon (ascending), for the computed cells of a scenario run. */
export function scenarioGaps(cells: ScenarioCells): GapRow[] {
  const { ctx, size, H, sys, nodes } = cells;
  const horizons = [...new Set(ctx.gapHorizons)].filter((h) => h >= 1 && h <= H).sort((a, b) => a - b);
  const gaps: GapRow[] = [];
  const levelRate = new Map<string, Float64Array>();
  const sums: Running = {
    repl: new Float64Array(size),
    supply: new Float64Array(size),
    half: new Float64Array(size),
    rateOf: (q) => {
      let r = levelRate.get(q);
      if (!r) levelRate.set(q, (r = replacementRatePath(sys!.system, q, H)));
      return r;
    },
    groupOfLocal: rankGroups(cells),
    groupOfRow: [],
    worse: worseThanNaive(cells),
    iv80Of: nodes.map((n) => n.intervals.find((iv) => iv.level === 80) ?? n.intervals[0]),
    expansion: new Float64Array(size),
    replacement: new Float64Array(size),
    newSupply: new Float64Array(size),
    supplyHalf: new Float64Array(size),
  };
  let k = 0;
  for (let t = 1; t <= H; t++) {
    accumulateYear(cells, t, sums);
    if (horizons[k] !== t) continue;
    k++;
    pushGapRows(cells, t, sums, gaps);
  }
  return gaps;
}
