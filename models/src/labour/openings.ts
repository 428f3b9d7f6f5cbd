/**
 * Job openings = expansion demand + replacement demand (Cedefop, BLS, COPS).
 *
 * - Expansion demand over a horizon is the NET change in employment from the base year to the end
 *   of the horizon (negative in a shrinking cell). It adds up: a total's expansion is the sum of its
 *   parts', which is its own change in employment (national expansion = ΔE).
 * - Replacement demand: retirements and deaths of the employed must be refilled. Each year's
 *   replacement = rate × employment at the start of the year, where
 *   rate(level, year) = (retirementRate + deathRate)(year) × replacementByLevel[level]
 *   from the national system (demography): the employed crossing the statutory retirement ages and
 *   cohort shrinkage (UN WPP), through the NATIONAL age profile of employment. Every sector and
 *   province shares that age profile: an ASSUMPTION (the data give no age profile by sector), stated
 *   in the outlook's assumptions. Older cohorts hold less attainment, hence the per-level multipliers.
 * - Measured `exits` data (official, international or survey status) of a cell, or the most detailed
 *   cell covering it, override the age-based rate for that cell (one constant rate over the horizon).
 *   Modelled or illustrative exits (such as the generated seeds) are not used: they would only
 *   replay a generator's assumptions.
 * - Without a national system (hand-built bases, partial data) the documented default rates by
 *   sector below are used, labelled `default`.
 */
import { ancestors } from './structure';
import { cellId, type ObservationIndex } from './observations';
import type { Grid } from './projection';
import type { Dimension } from './hierarchy';
import { MEASURED_STATUSES, type ObservationStatus } from '../data/observation';
import type { NationalSystem } from './system/types';

/** The assumption behind sector replacement rates, in both languages (shown with the flags). */
export const REPLACEMENT_PROFILE_ASSUMPTION = {
  vi: 'Tỷ lệ thay thế (nghỉ hưu + tử vong) của mọi ngành và tỉnh lấy theo cơ cấu tuổi của việc làm toàn quốc (giả định: số liệu không có cơ cấu tuổi theo ngành); nhân hệ số theo trình độ vì lớp tuổi lớn có trình độ thấp hơn.',
  en: 'Replacement rates (retirements + deaths) of every sector and province follow the national age profile of employment (an assumption: the data have no age profile by sector), times a per-level multiplier because older cohorts hold less attainment.',
};

/**
 * Default exit rates (share of employment leaving per year) by sector, used
 * only where there is no national system and no measured `exits` data. Assumptions, not official figures: they reflect
 * Viet Nam's age structure as described in GSO LFS reports — an older
 * workforce in agriculture and household activities (more retirements),
 * young workforces in FDI manufacturing, ICT and finance — and retirement ages
 * rising under the 2019 Labour Code. About 2.5% a year overall.
 */
export const DEFAULT_EXIT_RATES: Record<string, number> = {
  A: 0.035,
  B: 0.025,
  C: 0.02,
  D: 0.022,
  E: 0.028,
  F: 0.028,
  G: 0.025,
  H: 0.027,
  I: 0.027,
  J: 0.015,
  K: 0.018,
  L: 0.025,
  M: 0.018,
  N: 0.025,
  O: 0.03,
  P: 0.028,
  Q: 0.025,
  R: 0.025,
  S: 0.03,
  T: 0.04,
  U: 0.02,
  semiconductors: 0.015,
  'ai-digital': 0.015,
  hydrogen: 0.02,
  'carbon-markets': 0.018,
};

/** Rate used for a sector missing from DEFAULT_EXIT_RATES. */
export const FALLBACK_EXIT_RATE = 0.025;

/** Openings of one detailed cell over a horizon. */
export interface CellOpenings {
  expansion: number;
  replacement: number;
  openings: number;
}

/**
 * Openings over the first `h` years of `path`.
 * @param base employment in the base year
 * @param path projected employment for base+1, base+2, …
 * @param rate share of employment to replace each year: one number, or one per year (index 0 = base+1)
 * @returns expansion = path[h−1] − base (net, may be negative), replacement = Σ rate_t × employment at the start of year t
 */
export function cellOpenings(base: number, path: readonly number[], rate: number | ArrayLike<number>, h: number): CellOpenings {
  const expansion = path[h - 1] - base;
  let stock = base;
  let replacement = 0;
  for (let t = 0; t < h; t++) {
    replacement += (typeof rate === 'number' ? rate : rate[t]) * stock;
    stock = path[t];
  }
  return { expansion, replacement, openings: expansion + replacement };
}

/**
 * Age-based replacement rate of a level for each forecast year t = 0..h−1 (base+1 …):
 * (retirementRate[t] + deathRate[t]) × replacementByLevel[level] (1 when the level has no
 * multiplier). Years beyond the system's forecast hold its last rate.
 */
export function replacementRatePath(system: NationalSystem, level: string, h: number): Float64Array {
  const out = new Float64Array(h);
  const n = Math.min(system.retirementRate.length, system.deathRate.length);
  const mult = system.replacementByLevel[level] ?? 1;
  for (let t = 0; t < h; t++) {
    const k = n === 0 ? -1 : Math.min(t, n - 1);
    out[t] = k < 0 ? 0 : Math.max(0, (system.retirementRate[k] + system.deathRate[k]) * mult);
  }
  return out;
}

/** Exit rate of every bottom cell of a grid, and where it came from. */
export interface ExitRates {
  /** By tensor offset (only bottom cells are meaningful): the measured rate where `observed`, else the sector default. */
  rate: Float64Array;
  /** 1 where MEASURED `exits` data give the rate (they then override the age-based rate). */
  observed: Uint8Array;
}

/** Default exit rate of a sector, walking up to its parent section if needed. */
export function defaultExitRate(sectorDim: Dimension | undefined, sector: string, fieldParent?: string): number {
  if (DEFAULT_EXIT_RATES[sector] !== undefined) return DEFAULT_EXIT_RATES[sector];
  if (fieldParent && DEFAULT_EXIT_RATES[fieldParent] !== undefined) return DEFAULT_EXIT_RATES[fieldParent];
  if (sectorDim) for (const a of ancestors(sectorDim, sector)) if (DEFAULT_EXIT_RATES[a] !== undefined) return DEFAULT_EXIT_RATES[a];
  return FALLBACK_EXIT_RATE;
}

/**
 * Exit rates for every bottom cell of `grid`: the rate of the most detailed
 * cell covering it that has MEASURED `exits` data (status in `statuses`,
 * default official/international/survey) and employment in the same years
 * (qualification first, then sector, then region), else the sector default.
 * Measured rates are capped at 20% a year to absorb data errors.
 */
export function estimateExitRates(
  index: ObservationIndex,
  grid: Grid,
  fieldParent?: string,
  statuses: ReadonlySet<ObservationStatus> = MEASURED_STATUSES,
): ExitRates {
  const { reconciler, nodes } = grid;
  const [dr, ds, dq] = reconciler.dims;
  const size = nodes.length;
  const rate = new Float64Array(size);
  const observed = new Uint8Array(size);
  const nodeAt = new Map<string, number>();
  nodes.forEach((n, off) => nodeAt.set(`${n.region}|${n.sector}|${n.qualification}`, off));
  const cache = new Map<string, number | null>();
  const observedRate = (r: string, s: string, q: string): number | null => {
    const k = `${r}|${s}|${q}`;
    if (cache.has(k)) return cache.get(k)!;
    let result: number | null = null;
    const exits = index.cells.get(cellId('exits', r, s, q));
    const off = nodeAt.get(k);
    if (exits && off !== undefined) {
      let ex = 0;
      let emp = 0;
      for (const p of nodes[off].history) {
        const o = exits.byYear.get(Number(p.period));
        if (o && p.value > 0 && statuses.has(o.status)) {
          ex += o.value;
          emp += p.value;
        }
      }
      if (emp > 0) result = Math.min(0.2, ex / emp);
    }
    cache.set(k, result);
    return result;
  };
  const bottom = new Set(dr.bottom);
  const sBottom = new Set(ds.bottom);
  const qBottom = new Set(dq.bottom);
  nodes.forEach((n, off) => {
    if (!bottom.has(n.region) || !sBottom.has(n.sector) || !qBottom.has(n.qualification)) return;
    const ra = ancestors(dr, n.region);
    const sa = ancestors(ds, n.sector);
    const qa = ancestors(dq, n.qualification);
    for (const q of qa) {
      for (const s of sa) {
        for (const r of ra) {
          const v = observedRate(r, s, q);
          if (v !== null) {
            rate[off] = v;
            observed[off] = 1;
            return;
          }
        }
      }
    }
    rate[off] = defaultExitRate(ds, n.sector, fieldParent);
  });
  return { rate, observed };
}
