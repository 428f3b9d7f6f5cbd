import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countSmallFlaggedOrRanked } from './composition/coherence';
import { makeDimension, type TreeNode } from './hierarchy';
import { levelTotals, otherEntrantsFromSystem, otherEntrantsUnder } from './other-entrants';
import type { Grid, NodeProjection } from './projection';
import { aggregateTensor, makeReconciler } from './reconcile';
import { applyScenario, mainScenarioEmployment, scenarioCapFactors, type GridBase, type ScenarioContext } from './recompute';
import { scenarioOfficial } from './scenario-official';
import { SCENARIOS } from './scenarios';
import type { NationalSystem } from './system/types';
import { DEFAULT_THRESHOLDS } from './imbalance';
import type { CellForecast, GapRow, Scenario } from './types';

const baseline = SCENARIOS[0];

/**
 * A hand-built grid: `leaves` maps "region|sector|level" to base employment and the path of the
 * next years; every total is the sum of its detailed cells; 80 % interval = mean ± `band` × mean.
 */
function handGrid(regions: TreeNode[], sectors: TreeNode[], levels: TreeNode[], leaves: Record<string, { base: number; path: number[] }>, band = 0.01): Grid {
  const dims = [makeDimension(regions), makeDimension(sectors), makeDimension(levels)] as const;
  const reconciler = makeReconciler([...dims]);
  const H = Object.values(leaves)[0].path.length;
  const size = dims.reduce((a, d) => a * d.codes.length, 1);
  const series = Array.from({ length: H + 1 }, () => new Float64Array(size));
  const codesAt: [string, string, string][] = [];
  for (const r of dims[0].codes) for (const s of dims[1].codes) for (const q of dims[2].codes) codesAt.push([r, s, q]);
  codesAt.forEach(([r, s, q], off) => {
    const l = leaves[`${r}|${s}|${q}`];
    if (!l) return;
    series[0][off] = l.base;
    l.path.forEach((v, t) => (series[t + 1][off] = v));
  });
  for (const x of series) aggregateTensor(reconciler, x);
  const nodes: NodeProjection[] = codesAt.map(([region, sector, qualification], off) => {
    const mean = Array.from({ length: H }, (_, t) => series[t + 1][off]);
    return {
      region,
      sector,
      qualification,
      history: [{ period: '2025', value: series[0][off], status: 'official', source: 'hand' }],
      base: series[0][off],
      mean,
      intervals: [{ level: 80, lower: mean.map((m) => m * (1 - band)), upper: mean.map((m) => m * (1 + band)) }],
      models: [],
      intervalKind: 'empirical',
      accuracy: { mase: null, smape: null, coverage80: null, coverage95: null, naiveMase: null, naiveSmape: null, origins: 0 },
    } as NodeProjection;
  });
  return { indicator: 'employment', unit: 'persons', firstYear: 2025, baseYear: 2025, horizon: H, levels: [80], reconciler, nodes, hidden: new Set() };
}

/** Grid base with no graduates, no exits data, no entrants data. */
function gridBase(grid: Grid, graduates: (off: number) => number[] = () => []): GridBase {
  const size = grid.nodes.length;
  const H = grid.horizon;
  const z = () => new Float64Array(H);
  return {
    grid,
    exits: { rate: new Float64Array(size).fill(0.02), observed: new Uint8Array(size) },
    supply: {
      gradMean: grid.nodes.map((_, off) => Float64Array.from({ length: H }, (_, t) => graduates(off)[t] ?? 0)),
      gradHalf80: grid.nodes.map(z),
      other: grid.nodes.map(z),
      otherFromData: new Uint8Array(size),
      latestGrad: new Float64Array(size),
      covered: new Uint8Array(size),
    },
  };
}

/** A hand-built national system (NationalSystem), constant rates. */
function handSystem(o: Partial<NationalSystem> & { H: number; lf?: number }): NationalSystem {
  const H = o.H;
  const lf = o.lf ?? 1e9;
  return {
    baseYear: 2025,
    years: Array.from({ length: H + 1 }, (_, i) => 2025 + i),
    baseIndex: 0,
    labourForce: { mean: new Array(H + 1).fill(lf), intervals: [] },
    employment: { mean: new Array(H + 1).fill(lf * 0.98), intervals: [] },
    unemploymentRate: new Array(H + 1).fill(2),
    population15: new Array(H + 1).fill(lf * 1.3),
    lfEntrants: new Array(H).fill(0),
    lfExits: new Array(H).fill(0),
    retirementRate: new Array(H).fill(0.02),
    deathRate: new Array(H).fill(0.005),
    entryMix: { none: 0.5, university: 0.5 },
    replacementByLevel: { none: 1, university: 1 },
    minUnemploymentRate: 0.01,
    cappedYears: [],
    methods: [],
    ...o,
  };
}

function ctxOf(gb: GridBase, system: NationalSystem | null, entryRate = 0.85): ScenarioContext {
  const others = system ? otherEntrantsFromSystem(system, levelTotals(gb.grid, gb.supply), entryRate, gb.grid.horizon) : null;
  return {
    thresholds: DEFAULT_THRESHOLDS,
    entryRate,
    gapHorizons: Array.from({ length: gb.grid.horizon }, (_, i) => i + 1),
    forecasts: true,
    system: system && others ? { system, main: gb, others } : null,
  };
}

const row = (gaps: GapRow[], r: string, s: string, q: string, h: number) =>
  gaps.find((g) => g.region === r && g.sector === s && g.qualification === q && g.horizon === h)!;

const R: TreeNode[] = [{ code: 'VN' }, { code: 'P1', parent: 'VN' }, { code: 'P2', parent: 'VN' }];
const S: TreeNode[] = [{ code: 'TOTAL' }, { code: 'A', parent: 'TOTAL' }, { code: 'C', parent: 'TOTAL' }];
const Q: TreeNode[] = [{ code: 'ALL' }, { code: 'none', parent: 'ALL' }, { code: 'university', parent: 'ALL' }];

describe('openings (hand-worked, net expansion)', () => {
  // Agriculture shrinks, manufacturing grows; replacement 2.5 %/yr (2 % retirement + 0.5 % deaths).
  const leaves = {
    'P1|A|none': { base: 100_000, path: [95_000, 90_000] },
    'P1|C|none': { base: 50_000, path: [52_000, 55_000] },
    'P1|C|university': { base: 10_000, path: [11_000, 12_000] },
    'P2|A|none': { base: 40_000, path: [40_000, 40_000] },
  };
  const gb = gridBase(handGrid(R, S, Q, leaves));
  const system = handSystem({ H: 2 });
  const { gaps } = applyScenario(gb, baseline, ctxOf(gb, system));

  it('gives a shrinking cell negative expansion and still replaces its retirees', () => {
    const g = row(gaps, 'P1', 'A', 'none', 2);
    expect(g.expansion).toBe(-10_000);
    // 0.025 × (100,000 + 95,000) = 4,875
    expect(g.replacement).toBe(4875);
    expect(g.openings).toBe(-5125);
  });

  it('adds up: national expansion = Σ parts = change in national employment', () => {
    const vn = row(gaps, 'VN', 'TOTAL', 'ALL', 2);
    expect(vn.expansion).toBe(vn.employmentEnd - vn.employmentBase);
    expect(vn.expansion).toBe(-10_000 + 5000 + 2000 + 0);
    const parts = gaps.filter(
      (g) => g.horizon === 2 && ['P1', 'P2'].includes(g.region) && ['A', 'C'].includes(g.sector) && ['none', 'university'].includes(g.qualification),
    );
    expect(parts.reduce((a, g) => a + g.expansion, 0)).toBe(vn.expansion);
  });

  it('computes imbalance share on base employment and never flags or ranks a small cell', () => {
    const uni = row(gaps, 'P1', 'C', 'university', 2);
    // 10,000 workers but openings 2,000 + 0.025 × (10,000 + 11,000) = 2,525 ≥ 500: assessed; no supply ⇒ −25 %
    expect(uni.imbalanceShare).toBeCloseTo(-2525 / 10_000, 6);
    expect(uni.flag).toBe('shortage');
    const h1 = row(gaps, 'P2', 'A', 'none', 1);
    // 40,000 workers, openings 0 + 1,000 = 1,000: assessed. P2 TOTAL/university: 0 workers ⇒ too small.
    expect(h1.flag).not.toBe('too-small');
    const empty = row(gaps, 'P2', 'C', 'university', 1);
    expect(empty.flag).toBe('too-small');
    expect(empty.rank).toBeNull();
    expect(empty.imbalanceShare).toBeNull();
  });
});

describe('replacement from age (two cohorts)', () => {
  // Two cohorts of 1,000 employed: young 800 (death 0.1 %/yr, none retire), old 200 (one fifth cross the
  // retirement age each year, death 1 %/yr). Rates on all employment:
  //   retirement = 40 / 1,000 = 4 %; deaths = (0.8 + 2) / 1,000 = 0.28 %.
  // Attainment: 30 % of the young, 10 % of the old hold a university degree (older cohorts less attained):
  //   university replacement = (0.3×0.8 + 0.1×(40 + 2)) / (240 + 20) = 4.44 / 260; multiplier = that ÷ 4.28 %.
  const overall = 0.04 + 0.0028;
  const uniRate = (0.3 * 800 * 0.001 + 0.1 * (40 + 2)) / 260;
  const noneRate = (0.7 * 800 * 0.001 + 0.9 * (40 + 2)) / 740;
  const system = handSystem({
    H: 1,
    retirementRate: [0.04],
    deathRate: [0.0028],
    replacementByLevel: { university: uniRate / overall, none: noneRate / overall },
  });
  const leaves = { 'P1|C|university': { base: 260_000, path: [260_000] }, 'P1|C|none': { base: 740_000, path: [740_000] } };
  const gb = gridBase(handGrid(R.slice(0, 2), [S[0], S[2]], Q, leaves));
  const { gaps } = applyScenario(gb, baseline, ctxOf(gb, system));

  it('replaces each level at its own cohort-weighted rate, and the total at the overall rate', () => {
    expect(row(gaps, 'P1', 'C', 'university', 1).replacement).toBe(Math.round(260_000 * uniRate)); // 4,440
    expect(row(gaps, 'P1', 'C', 'none', 1).replacement).toBe(Math.round(740_000 * noneRate)); // 38,360
    expect(row(gaps, 'VN', 'TOTAL', 'ALL', 1).replacement).toBe(42_800); // 4.28 % of 1 m
  });

  it('lets measured exits data override the age-based rate of a cell', () => {
    const off = gb.grid.nodes.findIndex((n) => n.region === 'P1' && n.sector === 'C' && n.qualification === 'none');
    const measured: GridBase = {
      ...gb,
      exits: { rate: gb.exits.rate.map((r, i) => (i === off ? 0.01 : r)), observed: gb.exits.observed.map((o, i) => (i === off ? 1 : o)) },
    };
    expect(row(applyScenario(measured, baseline, ctxOf(measured, system)).gaps, 'P1', 'C', 'none', 1).replacement).toBe(7400);
  });
});

/**
 * Two provinces in manufacturing (C) over two years, 30,000 university graduates a year recorded
 * in P1, 100,000 labour-force entrants a year and no exits: the supply tests' fixture.
 */
function supplyFixture(leaves: Record<string, { base: number; path: number[] }>) {
  const grid = handGrid(R, [S[0], S[2]], Q, leaves);
  const uniOff = grid.nodes.findIndex((n) => n.region === 'P1' && n.sector === 'C' && n.qualification === 'university');
  const graduates = (off: number) => (off === uniOff ? [30_000, 30_000] : []);
  const gb = gridBase(grid, graduates);
  const system = handSystem({ H: 2, lfEntrants: [100_000, 100_000], retirementRate: [0, 0], deathRate: [0, 0] });
  return { grid, gb, system, graduates };
}

describe('graduate mobility (scenario lever)', () => {
  // All university graduates are recorded in P1; P2 has three times P1's university jobs.
  const { gb, system } = supplyFixture({
    'P1|C|none': { base: 600_000, path: [600_000, 600_000] },
    'P2|C|none': { base: 400_000, path: [400_000, 400_000] },
    'P1|C|university': { base: 100_000, path: [100_000, 100_000] },
    'P2|C|university': { base: 300_000, path: [300_000, 300_000] },
  });

  it('moves the movers’ share of graduates to provinces by their jobs at that level, and nothing else', () => {
    const stay = applyScenario(gb, baseline, ctxOf(gb, system)).gaps;
    const half = applyScenario(gb, { ...baseline, id: 'move', graduateMobility: 0.5 }, ctxOf(gb, system)).gaps;
    // Half of P1's 30,000 leave and are shared 1 : 3 like the university jobs: P1 keeps 15,000 + 3,750.
    const moved = 0.85 * (30_000 - 18_750);
    expect(row(half, 'P1', 'C', 'university', 1).newSupply).toBeCloseTo(row(stay, 'P1', 'C', 'university', 1).newSupply - moved, -1);
    expect(row(half, 'P2', 'C', 'university', 1).newSupply).toBeCloseTo(row(stay, 'P2', 'C', 'university', 1).newSupply + moved, -1);
    for (const q of ['university', 'none', 'ALL']) expect(row(half, 'VN', 'TOTAL', q, 2).newSupply).toBe(row(stay, 'VN', 'TOTAL', q, 2).newSupply);
    expect(row(half, 'P1', 'C', 'none', 2).newSupply).toBe(row(stay, 'P1', 'C', 'none', 2).newSupply);
  });

  it('keeps every province’s new supply at or above 0 and the national total fixed for any share', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (m) => {
        const gaps = applyScenario(gb, { ...baseline, id: 'm', graduateMobility: m }, ctxOf(gb, system)).gaps;
        const provinces = ['P1', 'P2'].map((r) => row(gaps, r, 'TOTAL', 'ALL', 2).newSupply);
        expect(Math.min(...provinces)).toBeGreaterThanOrEqual(0);
        expect(Math.abs(provinces[0] + provinces[1] - row(gaps, 'VN', 'TOTAL', 'ALL', 2).newSupply)).toBeLessThanOrEqual(1);
        expect(row(gaps, 'VN', 'TOTAL', 'ALL', 2).newSupply).toBe(200_000);
      }),
      { numRuns: 25 },
    );
  });
});

describe('new supply from the demographic model', () => {
  // 100,000 labour-force entrants a year, half with a university degree; 30,000 university graduates × 0.85 = 25,500
  // already counted ⇒ other entrants: none 50,000, university 24,500, shared by base employment.
  const { grid, gb, system, graduates } = supplyFixture({
    'P1|C|none': { base: 600_000, path: [600_000, 600_000] },
    'P2|C|none': { base: 400_000, path: [400_000, 400_000] },
    'P1|C|university': { base: 100_000, path: [100_000, 100_000] },
  });

  it('adds graduates entering and other entrants by level, no residual', () => {
    const { gaps } = applyScenario(gb, baseline, ctxOf(gb, system));
    expect(row(gaps, 'P1', 'C', 'none', 1).newSupply).toBe(30_000);
    expect(row(gaps, 'P2', 'C', 'none', 1).newSupply).toBe(20_000);
    expect(row(gaps, 'P1', 'C', 'university', 1).newSupply).toBe(50_000); // 25,500 + 24,500
    expect(row(gaps, 'VN', 'TOTAL', 'ALL', 2).newSupply).toBe(200_000);
  });

  it('keeps the training lever: more graduates are the same entrants better trained, not more people', () => {
    const more: Scenario = { ...baseline, id: 'more', trainingCapacityChange: 0.2 };
    const { gaps } = applyScenario(gb, more, ctxOf(gb, system));
    expect(row(gaps, 'P1', 'C', 'university', 1).newSupply).toBe(Math.round(0.85 * 1.2 * 30_000 + 24_500));
    // The unqualified residual: 100,000 − 30,600 − 24,500 = 44,900, shared 60/40.
    expect(row(gaps, 'P1', 'C', 'none', 1).newSupply).toBe(26_940);
    expect(row(gaps, 'P2', 'C', 'none', 1).newSupply).toBe(17_960);
    expect(row(gaps, 'VN', 'TOTAL', 'ALL', 1).newSupply).toBe(100_000);
  });

  it('floors qualified other entrants at 0 and takes upgraders out of the unqualified residual', () => {
    const few = handSystem({ H: 2, lfEntrants: [40_000, 40_000], entryMix: { none: 0.5, university: 0.5 } });
    const o = otherEntrantsUnder(otherEntrantsFromSystem(few, levelTotals(gb.grid, gb.supply), 0.85, 2), () => 0.85, 2);
    expect(o.otherEntrants.university).toEqual([0, 0]);
    // 25,500 graduates enter at university against 20,000 entrants there: 5,500 were already in the
    // labour force, so the unqualified level keeps 40,000 − 25,500 = 14,500, not 20,000.
    expect(o.otherEntrants.none.map(Math.round)).toEqual([14_500, 14_500]);
    expect(row(applyScenario(gb, baseline, ctxOf(gb, few)).gaps, 'VN', 'TOTAL', 'ALL', 1).newSupply).toBe(40_000);
  });

  it('nets uploaded entrants data out of the inflow: cells with data keep them, the others share the rest', () => {
    // P2's unqualified cell has entrants data of 12,000 a year; the level's demographic other entrants
    // (50,000) net them out, so P1 gets the remaining 38,000 and the national total stays the inflow.
    const p2None = grid.nodes.findIndex((n) => n.region === 'P2' && n.sector === 'C' && n.qualification === 'none');
    const withData = gridBase(grid, graduates);
    withData.supply.other[p2None] = Float64Array.from([12_000, 12_000]);
    withData.supply.otherFromData![p2None] = 1;
    const { gaps } = applyScenario(withData, baseline, ctxOf(withData, system));
    expect(row(gaps, 'P2', 'C', 'none', 1).newSupply).toBe(12_000);
    expect(row(gaps, 'P1', 'C', 'none', 1).newSupply).toBe(38_000);
    expect(row(gaps, 'VN', 'TOTAL', 'ALL', 2).newSupply).toBe(200_000);
    const o = otherEntrantsUnder(otherEntrantsFromSystem(system, levelTotals(withData.grid, withData.supply), 0.85, 2), () => 0.85, 2);
    expect(o.otherEntrants.none).toEqual([50_000, 50_000]);
    // Data above the level's share are kept, not overridden: the other cells get none.
    withData.supply.other[p2None] = Float64Array.from([70_000, 70_000]);
    const over = applyScenario(withData, baseline, ctxOf(withData, system)).gaps;
    expect(row(over, 'P2', 'C', 'none', 1).newSupply).toBe(70_000);
    expect(row(over, 'P1', 'C', 'none', 1).newSupply).toBe(0);
  });

  it('never lets national new supply exceed the labour-force entrants while the residual is positive', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 30_000, max: 300_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: -0.9, max: 1, noNaN: true }),
        (inflow, uni, change) => {
          const sys = handSystem({
            H: 2,
            lfEntrants: [inflow, inflow],
            entryMix: { none: 1 - uni, university: uni },
            retirementRate: [0, 0],
            deathRate: [0, 0],
          });
          const sc: Scenario = { ...baseline, id: 'x', trainingCapacityChange: change };
          const total = applyScenario(gb, sc, ctxOf(gb, sys)).gaps.find(
            (g) => g.region === 'VN' && g.sector === 'TOTAL' && g.qualification === 'ALL' && g.horizon === 2,
          )!;
          const graduates = 2 * 0.85 * Math.max(0, 1 + change) * 30_000;
          const qualified = graduates + 2 * Math.max(0, inflow * uni - 0.85 * 30_000);
          // Whole persons are rounded per cell: 3 cells.
          expect(total.newSupply).toBeCloseTo(Math.max(2 * inflow, qualified), -1);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('flags', () => {
  const leaves = {
    'P1|A|none': { base: 100_000, path: [100_000] },
    'P1|C|none': { base: 4_000, path: [4_000] },
  };
  const system = handSystem({ H: 1, retirementRate: [0.02], deathRate: [0], lfEntrants: [2_080], entryMix: { none: 1 } });

  it('marks a flag whose 80 % interval spans both thresholds as uncertain', () => {
    // openings 2,000; supply 2,000 (0 imbalance) but employment band ± 5 % ⇒ ± 5,000 > 2 % of 100,000
    const gb = gridBase(handGrid(R.slice(0, 2), S, [Q[0], Q[1]], leaves, 0.05));
    const { gaps } = applyScenario(gb, baseline, ctxOf(gb, system));
    const g = row(gaps, 'P1', 'A', 'none', 1);
    expect(g.imbalanceShare).toBeCloseTo(0, 6);
    expect(g.flag).toBe('uncertain');
    expect(g.confidence).toBe('low');
    expect(g.rank).not.toBeNull();
  });

  it('never flags or ranks a cell under 5,000 workers', () => {
    const gb = gridBase(handGrid(R.slice(0, 2), S, [Q[0], Q[1]], leaves, 0.001));
    const { gaps } = applyScenario(gb, baseline, ctxOf(gb, system));
    const small = row(gaps, 'P1', 'C', 'none', 1);
    expect(small.flag).toBe('too-small');
    expect(small.rank).toBeNull();
    expect(row(gaps, 'P1', 'A', 'none', 1).rank).toBe(1);
  });
});

describe('scenarios inside the labour force', () => {
  const leaves = {
    'P1|A|none': { base: 500_000, path: [500_000, 500_000, 500_000] },
    'P1|C|none': { base: 480_000, path: [490_000, 500_000, 510_000] },
  };
  const gb = gridBase(handGrid(R.slice(0, 2), S, [Q[0], Q[1]], leaves));
  // Labour force 1.04 m, at least 2 % unemployed ⇒ employment ≤ 1,019,200.
  const system = handSystem({ H: 3, lf: 1_040_000, minUnemploymentRate: 0.02 });
  const high: Scenario = { ...baseline, id: 'high', sectorGrowth: { '*': 0.02 } };

  it('scales every cell down by the same factor where a scenario pushes employment above the ceiling', () => {
    const { forecasts } = applyScenario(gb, high, ctxOf(gb, system));
    const vn = forecasts.find((f) => f.region === 'VN' && f.sector === 'TOTAL' && f.qualification === 'ALL')!;
    for (const v of vn.forecast.mean) expect(v).toBeLessThanOrEqual(1_019_200);
    expect(vn.forecast.mean[2]).toBeGreaterThan(1_019_200 - 3); // capped, not cut further (rounding down ≤ 1 per cell)
    const a = forecasts.find((f) => f.region === 'P1' && f.sector === 'A' && f.qualification === 'none')!;
    const c = forecasts.find((f) => f.region === 'P1' && f.sector === 'C' && f.qualification === 'none')!;
    // sector mix of the scenario kept: A / C = 500,000 / 510,000 in year 3
    expect(a.forecast.mean[2] / c.forecast.mean[2]).toBeCloseTo(500_000 / 510_000, 4);
  });

  it('keeps the national upper bound within the labour force too', () => {
    const { forecasts } = applyScenario(gb, high, ctxOf(gb, system));
    const vn = forecasts.find((f) => f.region === 'VN' && f.sector === 'TOTAL' && f.qualification === 'ALL')!;
    for (const iv of vn.forecast.intervals) for (const v of iv.upper) expect(v).toBeLessThanOrEqual(1_019_200);
  });

  it('leaves the baseline alone when it fits', () => {
    const { forecasts } = applyScenario(gb, baseline, ctxOf(gb, system));
    const vn = forecasts.find((f) => f.region === 'VN' && f.sector === 'TOTAL' && f.qualification === 'ALL')!;
    expect(vn.forecast.mean).toEqual([990_000, 1_000_000, 1_010_000]);
  });
});

describe('scenarios grow DEMAND before the labour-force cap', () => {
  // The stored baseline is capped: demand 1.1 m a year, ceiling = LF × (1 − 2 %) = 1.0 m, so c = 1 / 1.1.
  const leaves = {
    'P1|A|none': { base: 500_000, path: [500_000, 500_000] },
    'P1|C|none': { base: 500_000, path: [500_000, 500_000] },
  };
  const gb = gridBase(handGrid(R.slice(0, 2), S, [Q[0], Q[1]], leaves));
  const lf = 1_000_000 / 0.98;
  const system = handSystem({ H: 2, lf, minUnemploymentRate: 0.02, demandBeforeCap: [1_100_000, 1_100_000] });
  const vnOf = (fs: CellForecast[]) => fs.find((f) => f.region === 'VN' && f.sector === 'TOTAL' && f.qualification === 'ALL')!;
  const low: Scenario = { ...baseline, id: 'low', sectorGrowth: { '*': -0.15 } };

  it('gives a low-growth scenario its own demand (above the capped baseline) when it is below the ceiling', () => {
    const { forecasts } = applyScenario(gb, low, ctxOf(gb, system));
    // demand × growth: 1.1 m × 0.85 = 935,000; 1.1 m × 0.85² = 794,750 (not 850,000 / 722,500 from the capped baseline)
    expect(vnOf(forecasts).forecast.mean).toEqual([935_000, 794_750]);
    const parts = forecasts.filter((f) => f.region === 'P1' && f.qualification === 'none' && f.sector !== 'TOTAL');
    for (let t = 0; t < 2; t++) {
      expect(parts.reduce((a, f) => a + f.forecast.mean[t], 0)).toBe(vnOf(forecasts).forecast.mean[t]);
      expect(vnOf(forecasts).forecast.mean[t]).toBeLessThanOrEqual(lf);
    }
  });

  it('caps a scenario whose demand is still above the ceiling at the same ceiling, and leaves the baseline as stored', () => {
    const mild: Scenario = { ...baseline, id: 'mild', sectorGrowth: { '*': -0.02 } }; // demand 1.078 m > 1.0 m
    const m = vnOf(applyScenario(gb, mild, ctxOf(gb, system)).forecasts).forecast.mean;
    for (const v of m) {
      expect(v).toBeLessThanOrEqual(1_000_000);
      expect(v).toBeGreaterThan(1_000_000 - 3);
    }
    expect(vnOf(applyScenario(gb, baseline, ctxOf(gb, system)).forecasts).forecast.mean).toEqual([1_000_000, 1_000_000]);
  });
});

describe('properties (fast-check)', () => {
  const cell = fc.record({
    base: fc.integer({ min: 0, max: 200_000 }),
    g1: fc.double({ min: -0.3, max: 0.3, noNaN: true }),
    g2: fc.double({ min: -0.3, max: 0.3, noNaN: true }),
  });
  const keys = ['P1|A|none', 'P1|A|university', 'P1|C|none', 'P1|C|university', 'P2|A|none', 'P2|A|university', 'P2|C|none', 'P2|C|university'];
  const arb = fc.record({
    cells: fc.array(cell, { minLength: keys.length, maxLength: keys.length }),
    entrants: fc.integer({ min: 0, max: 100_000 }),
    band: fc.double({ min: 0, max: 0.2, noNaN: true }),
  });

  it('Σ expansion over the parts = the parent’s expansion, and no flagged or ranked cell is below the minimum size', () => {
    fc.assert(
      fc.property(arb, ({ cells, entrants, band }) => {
        const leaves: Record<string, { base: number; path: number[] }> = {};
        keys.forEach((k, i) => {
          const c = cells[i];
          leaves[k] = { base: c.base, path: [Math.round(c.base * (1 + c.g1)), Math.round(c.base * (1 + c.g1) * (1 + c.g2))] };
        });
        const gb = gridBase(handGrid(R, S, Q, leaves, band));
        const system = handSystem({ H: 2, lfEntrants: [entrants, entrants] });
        const { gaps } = applyScenario(gb, baseline, ctxOf(gb, system));
        for (const h of [1, 2]) {
          for (const [parent, children] of [['VN', ['P1', 'P2']]] as const) {
            for (const s of ['TOTAL', 'A', 'C'])
              for (const q of ['ALL', 'none', 'university']) {
                const p = row(gaps, parent, s, q, h);
                expect(children.reduce((a, r) => a + row(gaps, r, s, q, h).expansion, 0)).toBe(p.expansion);
                expect(p.expansion).toBe(p.employmentEnd - p.employmentBase);
              }
          }
          for (const r of ['VN', 'P1', 'P2']) {
            const t = row(gaps, r, 'TOTAL', 'ALL', h);
            expect(row(gaps, r, 'A', 'ALL', h).expansion + row(gaps, r, 'C', 'ALL', h).expansion).toBe(t.expansion);
            expect(row(gaps, r, 'TOTAL', 'none', h).expansion + row(gaps, r, 'TOTAL', 'university', h).expansion).toBe(t.expansion);
          }
        }
        expect(
          countSmallFlaggedOrRanked(
            gaps.map((g) => ({ size: g.employmentBase, openings: g.openings, replacement: g.replacement, expansion: g.expansion, flag: g.flag, rank: g.rank })),
          ),
        ).toBe(0);
        for (const g of gaps) if (g.flag === 'too-small') expect(g.rank).toBeNull();
      }),
      { numRuns: 60 },
    );
  });
});

describe('entry mix over the grid’s levels', () => {
  it('renormalises the mix over the levels the grid has, or uses employment shares when none match', () => {
    const totals = { levels: ['none', 'college'], base: { none: 300, college: 100 }, graduates: { none: new Float64Array(1), college: new Float64Array(1) } };
    const under = (sys: NationalSystem) => otherEntrantsUnder(otherEntrantsFromSystem(sys, totals, 0.85, 1), () => 0.85, 1);
    const part = under(handSystem({ H: 1, lfEntrants: [1000], entryMix: { none: 0.3, college: 0.1, university: 0.6 } }));
    expect(part.otherEntrants.none[0]).toBeCloseTo(750, 9);
    expect(part.otherEntrants.college[0]).toBeCloseTo(250, 9);
    const none = under(handSystem({ H: 1, lfEntrants: [1000], entryMix: { university: 1 } }));
    expect(none.otherEntrants.none[0]).toBeCloseTo(750, 9);
  });
});

describe('new fields never exceed their parent section, in any scenario', () => {
  // Section J and its "of which" field ai-digital: the field is 95 % of J in P1 (college), and the
  // high-growth scenario gives the field +4 %/yr against J's +2 %/yr, so unchecked it overtakes J.
  const SJ: TreeNode[] = [{ code: 'TOTAL' }, { code: 'A', parent: 'TOTAL' }, { code: 'J', parent: 'TOTAL' }];
  const QC: TreeNode[] = [{ code: 'ALL' }, { code: 'none', parent: 'ALL' }, { code: 'college', parent: 'ALL' }];
  const H = 5;
  const flat = (v: number) => ({ base: v, path: new Array(H).fill(v) });
  const main = gridBase(
    handGrid(
      R,
      SJ,
      QC,
      {
        'P1|A|none': flat(200_000),
        'P1|J|college': flat(15_056),
        'P1|J|none': flat(2_000),
        'P2|A|none': flat(100_000),
        'P2|J|college': flat(2_399),
        'P2|J|none': flat(1_000),
      },
      0.05,
    ),
  );
  const fieldGrid = handGrid(
    R,
    [{ code: 'ai-digital' }],
    QC,
    {
      'P1|ai-digital|college': flat(14_300),
      'P1|ai-digital|none': flat(100),
      'P2|ai-digital|college': flat(2_300),
      'P2|ai-digital|none': flat(900),
    },
    0.2,
  );
  const field: GridBase = { ...gridBase(fieldGrid), field: { code: 'ai-digital', parent: 'J' } };
  const high = SCENARIOS.find((x) => x.id === 'high-growth')!;
  const ctx = (system: NationalSystem | null): ScenarioContext => ({ ...ctxOf(main, system), main });

  for (const [label, system] of [
    ['with a national system', handSystem({ H })],
    ['without one', null],
  ] as const) {
    it(`caps every field cell, mean and bounds, by its parent's scenario path (${label})`, () => {
      const parents = applyScenario(main, high, ctx(system)).forecasts;
      const { forecasts, gaps } = applyScenario(field, high, ctx(system));
      expect(forecasts.length).toBe(9);
      for (const f of forecasts) {
        const p = parents.find((x) => x.region === f.region && x.sector === 'J' && x.qualification === f.qualification)!;
        f.forecast.mean.forEach((v, t) => expect(v).toBeLessThanOrEqual(p.forecast.mean[t]));
        for (const iv of f.forecast.intervals) {
          const piv = p.forecast.intervals.find((x) => x.level === iv.level)!;
          iv.upper.forEach((v, t) => expect(v).toBeLessThanOrEqual(piv.upper[t]));
          iv.lower.forEach((v, t) => {
            expect(v).toBeLessThanOrEqual(piv.lower[t]);
            expect(v).toBeLessThanOrEqual(f.forecast.mean[t]);
          });
        }
      }
      // The binding cell: Hà Nội-like college, capped at J's path (15,056 × 1.02^t, rounded).
      const hn = forecasts.find((f) => f.region === 'P1' && f.qualification === 'college')!;
      expect(hn.forecast.mean[H - 1]).toBe(Math.round(15_056 * 1.02 ** H));
      // Totals still add up, and the gap rows use the capped path.
      const vn = forecasts.find((f) => f.region === 'VN' && f.qualification === 'ALL')!;
      const leaves = forecasts.filter((f) => f.region !== 'VN' && f.qualification !== 'ALL');
      vn.forecast.mean.forEach((v, t) => expect(leaves.reduce((a, f) => a + f.forecast.mean[t], 0)).toBe(v));
      expect(row(gaps, 'P1', 'ai-digital', 'college', H).employmentEnd).toBe(hn.forecast.mean[H - 1]);
    });
  }

  it("serves the main grid's rows, whole or one province, from the employment its fields are capped by", () => {
    // A grid base of its own: cap factors are cached per grid base and scenario, not per system.
    const own: GridBase = { ...main };
    const system = handSystem({ H, lf: 300_000 });
    const c: ScenarioContext = { ...ctxOf(own, system), main: own };
    const cap = scenarioCapFactors(own, high, system);
    // The ceiling binds here, so the shared figures are the capped (rounded-down) ones.
    expect(Array.from(cap.capped)).toContain(1);
    const emp = mainScenarioEmployment(own, high, cap);
    const offsetOf = (f: CellForecast) =>
      own.grid.nodes.findIndex((n) => n.region === f.region && n.sector === f.sector && n.qualification === f.qualification);
    const whole = applyScenario(own, high, c).forecasts;
    const p2 = applyScenario(own, high, c, ['P2']).forecasts;
    expect(whole.length).toBe(own.grid.nodes.length);
    expect(p2.length).toBe(9);
    for (const f of [...whole, ...p2]) f.forecast.mean.forEach((v, t) => expect(v).toBe(emp[t][offsetOf(f)]));
  });

  it('leaves a field that stays below its parent on its own path', () => {
    const low = SCENARIOS.find((x) => x.id === 'low-growth')!;
    const { forecasts } = applyScenario(field, low, ctx(null));
    const p2 = forecasts.find((f) => f.region === 'P2' && f.qualification === 'none')!;
    // −(0.04/2) − 0.01 = −3 %/yr on 900; J none in P2 is 1,000 × 0.97^t, above it
    expect(p2.forecast.mean[0]).toBe(Math.round(900 * 0.97));
  });
});

describe('the served unemployment rate follows each scenario’s employment', () => {
  // National labour force 1.04 m flat (±2 % at 80 %), u_min 1 %; the baseline fills it to the
  // ceiling (1,029,600, rate 1 %), low growth (−1 %/yr, C −1.75 %/yr) leaves more people unemployed.
  const H = 3;
  const lfMean = 1_040_000;
  const leaves = {
    'P1|A|none': { base: 500_000, path: [514_800, 514_800, 514_800] },
    'P1|C|none': { base: 500_000, path: [514_800, 514_800, 514_800] },
  };
  const gb = gridBase(handGrid(R.slice(0, 2), S, [Q[0], Q[1]], leaves, 0.01));
  const system = handSystem({ H, lf: lfMean, minUnemploymentRate: 0.01 });
  system.labourForce.intervals = [{ level: 80, lower: new Array(H + 1).fill(lfMean * 0.98), upper: new Array(H + 1).fill(lfMean * 1.02) }];
  const periods = ['2026', '2027', '2028'];
  const hist = [{ period: '2025', value: 0, status: 'official' as const, source: 'GSO' }];
  const cell = (indicator: string, mean: number[], method: string, unit: CellForecast['unit'] = 'persons'): CellForecast => ({
    indicator,
    region: 'VN',
    sector: 'TOTAL',
    qualification: 'ALL',
    unit,
    history: hist,
    forecast: { periods, mean, intervals: [{ level: 80, lower: mean, upper: mean }] },
    models: [{ method, weight: 1 }],
    intervalKind: 'analytic',
    accuracy: { mase: null, smape: null, coverage80: null, coverage95: null, naiveMase: null, naiveSmape: null, origins: 0 },
    status: 'modelled',
    source: 'system',
  });
  // The base projection's series: the baseline's (rate 1 % and 10,400 unemployed every year).
  const official = [
    cell('labour_force', [lfMean, lfMean, lfMean], 'national-system'),
    cell('unemployment_rate', [1, 1, 1], 'national-system', 'percent'),
    cell('unemployed', [10_400, 10_400, 10_400], 'national-system'),
  ];
  official[0].forecast.intervals = [{ level: 80, lower: [lfMean * 0.98, lfMean * 0.98, lfMean * 0.98], upper: [lfMean * 1.02, lfMean * 1.02, lfMean * 1.02] }];
  const low = SCENARIOS.find((x) => x.id === 'low-growth')!;

  it('serves 100 × (1 − E/LF) and LF − E of the scenario, not the baseline’s rate', () => {
    const { forecasts } = applyScenario(gb, low, ctxOf(gb, system));
    const e = forecasts.find((f) => f.region === 'VN' && f.sector === 'TOTAL' && f.qualification === 'ALL')!;
    expect(e.forecast.mean[0]).toBeLessThan(1_029_600 - 5000);
    const served = scenarioOfficial(official, forecasts, system);
    const ur = served.find((f) => f.indicator === 'unemployment_rate')!;
    const un = served.find((f) => f.indicator === 'unemployed')!;
    e.forecast.mean.forEach((v, t) => {
      expect(ur.forecast.mean[t]).toBeCloseTo(100 * (1 - v / lfMean), 3);
      expect(un.forecast.mean[t]).toBe(lfMean - v);
      expect(v).toBeLessThanOrEqual(lfMean * (1 - system.minUnemploymentRate));
    });
    expect(ur.forecast.mean[2]).toBeGreaterThan(ur.forecast.mean[0]);
    // Band as the baseline builds it: the employment band at the labour force mean, floored at u_min.
    const eIv = e.forecast.intervals[0];
    const iv = ur.forecast.intervals[0];
    ur.forecast.mean.forEach((u, t) => {
      expect(iv.upper[t]).toBeCloseTo(100 * (1 - eIv.lower[t] / lfMean), 3);
      expect(iv.lower[t]).toBeCloseTo(100 * (1 - Math.min(eIv.upper[t], lfMean * 0.99) / lfMean), 3);
      expect(iv.lower[t]).toBeGreaterThanOrEqual(1 - 1e-9);
      expect(iv.lower[t]).toBeLessThanOrEqual(u);
      expect(iv.upper[t]).toBeGreaterThanOrEqual(u);
    });
    // The labour force itself is the system's, the same in every scenario.
    expect(served[0]).toBe(official[0]);
  });

  it('gives the baseline its own (capped) rate back, and leaves the series alone without a system', () => {
    const { forecasts } = applyScenario(gb, baseline, ctxOf(gb, system));
    const ur = scenarioOfficial(official, forecasts, system).find((f) => f.indicator === 'unemployment_rate')!;
    for (const u of ur.forecast.mean) expect(u).toBeCloseTo(1, 3);
    expect(scenarioOfficial(official, forecasts, null)).toEqual(official);
  });
});
