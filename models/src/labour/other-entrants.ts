/**
 * Other entrants: people entering work at a level without a new qualification counted in the
 * graduates data (school leavers without a certificate, re-entrants, returning migrants).
 *
 * Issue 12: they come from the demographic model, not from a residual of past demand. The national
 * system gives labour-force entrants per year (`lfEntrants`: young cohorts entering + re-entrants)
 * and their entry mix over levels (`entryMix`, from the qualification stock-flow calibrated on the
 * trained share). Per qualified level and year:
 *   other = max(0, lfEntrants × entryMix[level] − baseEntryRate × graduates[level])
 * (graduates already counted in new supply are taken out, floored at 0; the mix is renormalised over
 * the levels the data have).
 *
 * New supply never outruns the labour force: every entrant counted as new supply is one of the
 * system's labour-force entrants, so the national new supply over a horizon equals the demographic
 * inflow and the national imbalance matches what the system says of the labour force and
 * employment. Graduates beyond their level's share of the inflow are people already in the labour
 * force (in-service and second-degree learners) who move up a level: they add supply at their new
 * level and leave the level they held. That level is taken to be the unqualified one
 * (`UNQUALIFIED_LEVEL`), an ASSUMPTION: about seven workers in ten hold no certificate (GSO's
 * trained share), so most upgraders start there. Its other entrants are the RESIDUAL
 *   other[none] = max(0, lfEntrants − Σ qualified (entering graduates + other entrants) − entering graduates[none]),
 * recomputed per scenario with the scenario's entry rates (`otherEntrantsAt`): more graduates from
 * training capacity are the same people better trained, not more people. The participation lever
 * adds its extra labour force to the system's entrants year by year (`Scenario.entrantsChange`,
 * applied by `scenarioSystem`, read here through `entrantInputsUnder`); a later
 * retirement age adds no entrants (its workers stay, and lower replacement openings instead).
 * Other entrants are shared among the detailed cells of their level by base-year employment (an
 * ASSUMPTION: entrants look for work where the jobs of their level are). Cells with uploaded
 * `entrants` data keep their data, and the level's demographic other entrants net them out before
 * the rest is shared, so data for some cells do not add people on top of the inflow.
 *
 * The old calibration from the stock-flow identity (other = Δemployment + exits − graduates) made
 * past supply equal past demand by construction; it is retired (`calibrateOtherEntrants` now only
 * returns the documented defaults, used when no national system is available). Before this rule,
 * graduates were added on top of the inflow, so national new supply ran about 4 million above the
 * labour-force entrants over ten years on the baseline data: a surplus the system's own labour
 * force and employment contradicted.
 */
import type { ObservationIndex } from './observations';
import type { Grid } from './projection';
import type { SupplyInputs } from './supply';
import type { NationalSystem } from './system/types';

/**
 * Other entrants per year as a share of base-year employment, by level, used only WITHOUT a
 * national system. `none`: about 1.9% — young people entering work without any certificate
 * (roughly 0.7 m a year: a cohort of ~1.5 m, about half without a qualification) over ~37 m
 * employed without one. Assumption (unconfirmed); 0 for qualified levels, whose entrants are the graduates.
 */
export const DEFAULT_OTHER_ENTRANTS_RATE: Record<string, number> = {
  none: 0.019,
  elementary: 0,
  intermediate: 0,
  college: 0,
  university: 0,
};

/** Other-entrant rates by level and how they were obtained. */
export interface OtherEntrantRates {
  rate: Record<string, number>;
  basis: Record<string, 'calibrated' | 'default'>;
}

/**
 * @deprecated Issue 12 retired the stock-flow residual (it closed the books, so past supply equalled
 * past demand by construction). Kept for callers: returns the documented default rates, basis
 * `default`, for every bottom level of the grid. New supply uses `otherEntrantsFromSystem`.
 */
export function calibrateOtherEntrants(_index: ObservationIndex, grid: Grid, _exitRate?: Float64Array, _entryRate?: number): OtherEntrantRates {
  const rate: Record<string, number> = { ...DEFAULT_OTHER_ENTRANTS_RATE };
  const basis: Record<string, 'calibrated' | 'default'> = {};
  for (const q of grid.reconciler.dims[2].bottom) basis[q] = 'default';
  return { rate, basis };
}

/** National totals of a grid's detailed cells by level: base employment and graduates per year. */
export interface LevelTotals {
  levels: string[];
  /** Σ base-year employment of the detailed cells of each level. */
  base: Record<string, number>;
  /** Σ graduates (before the entry rate) of each level, per forecast year. */
  graduates: Record<string, Float64Array>;
  /** The cells whose other entrants come from uploaded `entrants` data: their Σ per level (persons per year) and Σ base. */
  fromData?: EntrantsFromData;
}

/** Other entrants that `entrants` data give, summed by level: the demographic inflow nets them out. */
export interface EntrantsFromData {
  other: Record<string, Float64Array>;
  base: Record<string, number>;
}

/** Sum the detailed (bottom) cells of `grid` by level. */
export function levelTotals(grid: Grid, supply: SupplyInputs): LevelTotals {
  const [dr, ds, dq] = grid.reconciler.dims;
  const br = new Set(dr.bottom);
  const bs = new Set(ds.bottom);
  const base: Record<string, number> = {};
  const graduates: Record<string, Float64Array> = {};
  const fromData: EntrantsFromData = { other: {}, base: {} };
  for (const q of dq.bottom) {
    base[q] = 0;
    graduates[q] = new Float64Array(grid.horizon);
    fromData.base[q] = 0;
    fromData.other[q] = new Float64Array(grid.horizon);
  }
  grid.nodes.forEach((n, off) => {
    const q = n.qualification;
    if (!br.has(n.region) || !bs.has(n.sector) || base[q] === undefined) return;
    base[q] += n.base;
    addInto(graduates[q], supply.gradMean[off]);
    if (!supply.otherFromData?.[off]) return;
    fromData.base[q] += n.base;
    addInto(fromData.other[q], supply.other[off]);
  });
  return { levels: [...dq.bottom], base, graduates, fromData };
}

function addInto(acc: Float64Array, x: ArrayLike<number>): void {
  for (let t = 0; t < acc.length && t < x.length; t++) acc[t] += x[t];
}

/** The level without a qualification: upgraders leave it, so its other entrants are the residual. */
export const UNQUALIFIED_LEVEL = 'none';

/** The national inputs of other entrants (from the system): inflow, entry mix, graduates and base employment by level. */
export interface EntrantInputs {
  levels: string[];
  /** Labour-force entrants per forecast year. */
  inflow: number[];
  /** Entry mix renormalised over `levels`. */
  mix: Record<string, number>;
  /** The BASE share of graduates entering (qualified levels' other entrants net out graduates at it). */
  entryRate: number;
  graduates: Record<string, Float64Array>;
  base: Record<string, number>;
  /** Cells with `entrants` data keep it; the level's demographic other entrants net it out (absent: none). */
  fromData?: EntrantsFromData;
}

/**
 * Other entrants of year t (0-based) per base-year worker of the cells WITHOUT `entrants` data, by
 * level (module comment), with `entry(q)` the share of level q's graduates entering that year:
 * qualified levels net out their graduates at the base entry rate; the unqualified level, when the
 * grid has it, takes the residual. Cells with `entrants` data keep their data, and the level's
 * demographic other entrants net them out (floored at 0), so the national total stays the inflow
 * unless the data alone exceed it: uploaded data are never overridden.
 */
export function otherEntrantsAt(inp: EntrantInputs, entry: (q: string) => number, t: number): Record<string, number> {
  const out: Record<string, number> = {};
  const inflow = inp.inflow[t] ?? 0;
  const residual = inp.levels.includes(UNQUALIFIED_LEVEL);
  const data = (q: string) => dataEntrants(inp, q, t);
  const perWorker = (q: string, persons: number) => {
    const modelled = modelledBase(inp, q);
    return modelled > 0 ? Math.max(0, persons - data(q)) / modelled : 0;
  };
  let counted = 0;
  for (const q of inp.levels) {
    const g = inp.graduates[q]?.[t] ?? 0;
    counted += entry(q) * g;
    if (residual && q === UNQUALIFIED_LEVEL) continue;
    const other = Math.max(0, inflow * (inp.mix[q] ?? 0) - inp.entryRate * g);
    counted += Math.max(other, data(q));
    out[q] = perWorker(q, other);
  }
  if (residual) out[UNQUALIFIED_LEVEL] = perWorker(UNQUALIFIED_LEVEL, Math.max(0, inflow - counted));
  return out;
}

/** Base employment of level q's cells whose other entrants are modelled (the cells without `entrants` data). */
const modelledBase = (inp: EntrantInputs, q: string) => (inp.base[q] ?? 0) - (inp.fromData?.base[q] ?? 0);

/** Level q's other entrants in year t (0-based) that `entrants` data give. */
const dataEntrants = (inp: EntrantInputs, q: string, t: number) => inp.fromData?.other[q]?.[t] ?? 0;

/**
 * The inputs of other entrants from the national system (documented above).
 * @param totals national base employment and graduates by level (the main grid's detailed cells)
 * @param entryRate the BASE share of graduates entering the labour market
 * @param h forecast years; years beyond the system's flows hold its last value
 */
export function otherEntrantsFromSystem(system: NationalSystem, totals: LevelTotals, entryRate: number, h: number): EntrantInputs {
  const inflow = inflowOf(system, h);
  // The grid's levels may not match the mix's (partial data, or a grid with one level): the mix is
  // renormalised over the grid's levels, or, when none match, replaced by base-employment shares.
  const mixSum = totals.levels.reduce((a, q) => a + (system.entryMix[q] ?? 0), 0);
  const baseSum = totals.levels.reduce((a, q) => a + (totals.base[q] ?? 0), 0);
  const mix = Object.fromEntries(
    totals.levels.map((q) => [q, mixSum > 0 ? (system.entryMix[q] ?? 0) / mixSum : baseSum > 0 ? (totals.base[q] ?? 0) / baseSum : 0]),
  );
  return { levels: totals.levels, inflow, mix, entryRate, graduates: totals.graduates, base: totals.base, fromData: totals.fromData };
}

/** The system's labour-force entrants per forecast year, h years (beyond its flows the last value holds). */
function inflowOf(system: NationalSystem, h: number): number[] {
  const n = system.lfEntrants.length;
  return Array.from({ length: h }, (_, t) => (n ? system.lfEntrants[Math.min(t, n - 1)] : 0));
}

/**
 * The inputs under a scenario's system (`scenarioSystem`): its labour-force entrants, which the
 * participation lever moves; everything else is the base's. The same object when they agree.
 */
export function entrantInputsUnder(inp: EntrantInputs, system: NationalSystem): EntrantInputs {
  const inflow = inflowOf(system, inp.inflow.length);
  return inflow.every((x, t) => x === inp.inflow[t]) ? inp : { ...inp, inflow };
}

/** A scenario's entering graduates and other entrants per level and year. */
export interface EntrantPaths {
  /** Other entrants (from the model and from `entrants` data) per base-year worker of the level. */
  perWorker: Record<string, number[]>;
  /** Persons. */
  graduatesEntering: Record<string, number[]>;
  otherEntrants: Record<string, number[]>;
}

/**
 * One scenario's entering graduates and other entrants per level and year, with `entry(q, t)` the
 * share of level q's graduates entering in forecast year t (1-based, as `entryRateAt`): what its
 * assumptions show.
 */
export function otherEntrantsUnder(inp: EntrantInputs, entry: (q: string, t: number) => number, h: number): EntrantPaths {
  const out: EntrantPaths = { perWorker: {}, graduatesEntering: {}, otherEntrants: {} };
  for (const q of inp.levels) {
    out.perWorker[q] = [];
    out.graduatesEntering[q] = [];
    out.otherEntrants[q] = [];
  }
  for (let t = 0; t < h; t++) {
    const pw = otherEntrantsAt(inp, (q) => entry(q, t + 1), t);
    for (const q of inp.levels) {
      const base = inp.base[q] ?? 0;
      const persons = (pw[q] ?? 0) * modelledBase(inp, q) + dataEntrants(inp, q, t);
      out.perWorker[q].push(base > 0 ? persons / base : 0);
      out.graduatesEntering[q].push(entry(q, t + 1) * (inp.graduates[q]?.[t] ?? 0));
      out.otherEntrants[q].push(persons);
    }
  }
  return out;
}
