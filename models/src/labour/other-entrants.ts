/**
 * Other entrants: people entering work at a level without a new qualification counted in the
 * graduates data (school leavers without a certificate, re-entrants, returning migrants).
 *
 * Issue 12: they come from the demographic model, not from a residual. The national system gives
 * labour-force entrants per year (`lfEntrants`: young cohorts entering + re-entrants) and their
 * entry mix over levels (`entryMix`, from the qualification stock-flow calibrated on the trained
 * share). Per level and year:
 *   other = max(0, lfEntrants × entryMix[level] − baseEntryRate × graduates[level])
 * (graduates already counted in new supply are taken out, floored at 0; the mix is renormalised over
 * the levels the data have), then shared among the
 * detailed cells of that level by base-year employment (an ASSUMPTION: entrants look for work where
 * the jobs of their level are). Graduates are taken at the base projection (no scenario change), so
 * the training-capacity lever still adds graduates on top of the demographic inflow.
 *
 * The old calibration from the stock-flow identity (other = Δemployment + exits − graduates) made
 * past supply equal past demand by construction; it is retired (`calibrateOtherEntrants` now only
 * returns the documented defaults, used when no national system is available).
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
}

/** Sum the detailed (bottom) cells of `grid` by level. */
export function levelTotals(grid: Grid, supply: SupplyInputs): LevelTotals {
  const [dr, ds, dq] = grid.reconciler.dims;
  const br = new Set(dr.bottom);
  const bs = new Set(ds.bottom);
  const base: Record<string, number> = {};
  const graduates: Record<string, Float64Array> = {};
  for (const q of dq.bottom) {
    base[q] = 0;
    graduates[q] = new Float64Array(grid.horizon);
  }
  grid.nodes.forEach((n, off) => {
    if (!br.has(n.region) || !bs.has(n.sector) || base[n.qualification] === undefined) return;
    base[n.qualification] += n.base;
    const g = supply.gradMean[off];
    const acc = graduates[n.qualification];
    for (let t = 0; t < acc.length && t < g.length; t++) acc[t] += g[t];
  });
  return { levels: [...dq.bottom], base, graduates };
}

/** Other entrants from the demographic model, by level. */
export interface SystemOtherEntrants {
  /** Per level, other entrants per base-year worker of that level, per forecast year. */
  perWorker: Record<string, Float64Array>;
  /** Per level, persons per year: entrants × mix, graduates entering, other entrants. */
  entrants: Record<string, number[]>;
  graduatesEntering: Record<string, number[]>;
  otherEntrants: Record<string, number[]>;
}

/**
 * Other entrants per level and year from the national system (documented above).
 * @param totals national base employment and graduates by level (the main grid's detailed cells)
 * @param entryRate the BASE share of graduates entering the labour market
 * @param h forecast years; years beyond the system's flows hold its last value
 */
export function otherEntrantsFromSystem(system: NationalSystem, totals: LevelTotals, entryRate: number, h: number): SystemOtherEntrants {
  const perWorker: Record<string, Float64Array> = {};
  const entrants: Record<string, number[]> = {};
  const graduatesEntering: Record<string, number[]> = {};
  const otherEntrants: Record<string, number[]> = {};
  const n = system.lfEntrants.length;
  // The grid's levels may not match the mix's (partial data, or a grid with one level): the mix is
  // renormalised over the grid's levels, or, when none match, replaced by base-employment shares.
  const mixSum = totals.levels.reduce((a, q) => a + (system.entryMix[q] ?? 0), 0);
  const baseSum = totals.levels.reduce((a, q) => a + (totals.base[q] ?? 0), 0);
  const mixOf = (q: string) => (mixSum > 0 ? (system.entryMix[q] ?? 0) / mixSum : baseSum > 0 ? (totals.base[q] ?? 0) / baseSum : 0);
  for (const q of totals.levels) {
    const mix = mixOf(q);
    const b = totals.base[q] ?? 0;
    const pw = new Float64Array(h);
    entrants[q] = [];
    graduatesEntering[q] = [];
    otherEntrants[q] = [];
    for (let t = 0; t < h; t++) {
      const inflow = n ? system.lfEntrants[Math.min(t, n - 1)] * mix : 0;
      const grads = entryRate * (totals.graduates[q]?.[t] ?? 0);
      const other = Math.max(0, inflow - grads);
      entrants[q].push(inflow);
      graduatesEntering[q].push(grads);
      otherEntrants[q].push(other);
      pw[t] = b > 0 ? other / b : 0;
    }
    perWorker[q] = pw;
  }
  return { perWorker, entrants, graduatesEntering, otherEntrants };
}
