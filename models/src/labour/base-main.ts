/**
 * The main employment grid of computeBase (province × section × level): the national system it
 * is a share of, the grid allocated top-down from it, then its exit rates, other-entrant rates
 * and supply inputs.
 */
import { dimensionOf } from './base-dimensions';
import type { BreakSpec } from './breaks';
import { type Dimension, rootOf } from './hierarchy';
import { estimateExitRates } from './openings';
import { gridHistory, projectGrid, type Grid, type GridHistory } from './projection';
import { allocateMain, type RelBand } from './system/allocate-grid';
import { buildNationalSystem, type SystemResult } from './system/national-system';
import type { NationalSystem } from './system/types';
import type { GridBase } from './grid-base';
import { calibrateOtherEntrants, DEFAULT_OTHER_ENTRANTS_RATE, type OtherEntrantRates } from './other-entrants';
import { supplyInputs } from './supply';
import { employmentGridOptions, gridBaseOf, type BaseContext } from './base-context';

/** The main grid's result: the national system it is a share of, the grid base and the other-entrant rates it calibrated. */
export interface MainProjection {
  sys: SystemResult | null;
  main: GridBase | null;
  otherEntrants: OtherEntrantRates;
}

const now = () => performance.now();

/** The documented default other-entrant rates, used until (and unless) the main grid calibrates them. */
function defaultOtherEntrants(): OtherEntrantRates {
  return {
    rate: { ...DEFAULT_OTHER_ENTRANTS_RATE },
    basis: Object.fromEntries(Object.keys(DEFAULT_OTHER_ENTRANTS_RATE).map((q) => [q, 'default' as const])),
  };
}

/**
 * Backtest origins, to keep the whole outlook within its time budget: 3 for national and
 * regional cells, 2 for other province cells, 1 (3 held-out years) for the detailed cells.
 */
function backtestOrigins(dims: Dimension[], backtest: BaseContext['backtest']) {
  const leafOrigins = backtest === 'aggregates' ? 0 : 1;
  const bottoms = dims.map((d) => new Set(d.bottom));
  return (r: string, s: string, q: string) => (!bottoms[0].has(r) ? 3 : bottoms[1].has(s) && bottoms[2].has(q) ? leafOrigins : 2);
}

/** The national employment band as a share of its mean, from the base year on: the total the grid's bands scale to. */
function totalRelOf(system: NationalSystem): RelBand {
  const b = system.baseIndex + 1;
  const m = system.employment.mean.slice(b);
  return system.employment.intervals.map((iv) => ({
    level: iv.level,
    lower: m.map((v, t) => (v > 0 ? Math.max(0, 1 - iv.lower[b + t] / v) : 0)),
    upper: m.map((v, t) => (v > 0 ? Math.max(0, iv.upper[b + t] / v - 1) : 0)),
  }));
}

/**
 * The main grid (province × section × level), allocated top-down from the national system,
 * then its exit rates, other-entrant rates and supply inputs.
 */
export function projectMain(ctx: BaseContext): MainProjection {
  const { index, structure, horizon, levels, gridBreaks, timing } = ctx;
  const t0 = now();
  let otherEntrants = defaultOtherEntrants();
  const sectionCodes = new Set(structure.sectors.map((n) => n.code));
  const sector = dimensionOf(index, 'employment', 'sector', structure.sectors, (s) => sectionCodes.has(s));
  const shared = employmentGridOptions(ctx, sectionCodes, sector);
  const { dims } = shared;
  if (dims.some((d) => !d.codes.length)) return { sys: null, main: null, otherEntrants };
  const gridOpts = { ...shared, backtestOrigins: backtestOrigins(dims, ctx.backtest) };
  const hist = gridHistory(index, gridOpts);
  let sys: SystemResult | null = null;
  let grid: Grid | null = null;
  if (hist) {
    sys = nationalSystemFor(ctx, hist, dims, [...gridBreaks('labour_force'), ...gridBreaks('employment')][0]);
    const plan = { sectionPaths: sys.sectionPaths, sectionRel: sys.sectionShareRel, totalRel: totalRelOf(sys.system), forecaster: ctx.forecaster };
    grid = projectGrid(index, { ...gridOpts, topDown: (gh) => allocateMain(gh.reconciler, gh.years, horizon, levels, plan, gh.offset) }, hist);
  }
  timing.mainGrid = now() - t0;
  if (!grid) return { sys, main: null, otherEntrants };
  const t1 = now();
  const exits = estimateExitRates(index, grid);
  timing.mainExits = now() - t1;
  const t2 = now();
  if (ctx.otherEntrants !== 'default') otherEntrants = calibrateOtherEntrants(index, grid, exits.rate, ctx.entryRate);
  const supply = supplyInputs(index, grid, { otherEntrantsRate: otherEntrants.rate });
  timing.mainSupply = now() - t2;
  return { sys, main: gridBaseOf(index, grid, exits, supply), otherEntrants };
}
/** The national system from the main grid's history (sections, national total, levels). */
function nationalSystemFor(ctx: BaseContext, hist: GridHistory, dims: [Dimension, Dimension, Dimension], brk: BreakSpec | undefined): SystemResult {
  const { observations, index, horizon, levels, forecaster } = ctx;
  const [dr, ds, dq] = dims;
  const root = (d: Dimension) => rootOf(d)!;
  const [rRoot, sRoot, qRoot] = [root(dr), root(ds), root(dq)];
  const years = hist.periods.map(Number);
  const series = (r: string, s: string, q: string) => hist.years.map((t) => t[hist.offset(r, s, q)]);
  const sections = Object.fromEntries(ds.bottom.map((s) => [s, { years, values: series(rRoot, s, qRoot) }]));
  const last = hist.years.length - 1;
  return buildNationalSystem(observations, index, {
    baseYear: hist.baseYear,
    horizon,
    levels,
    forecaster,
    sections,
    broadOf: (s) => {
      const p = ds.parent.get(s);
      return p && p !== sRoot ? p : s;
    },
    national: { years, values: series(rRoot, sRoot, qRoot) },
    qualification:
      dq.bottom.length > 1
        ? {
            levels: dq.bottom,
            firstShares: dq.bottom.map((q) => hist.years[0][hist.offset(rRoot, sRoot, q)]),
            baseShares: dq.bottom.map((q) => hist.years[last][hist.offset(rRoot, sRoot, q)]),
          }
        : undefined,
    break: brk,
    exitShare: ctx.retirementExitShare,
    minUnemploymentRate: ctx.minUnemploymentRate,
  });
}
