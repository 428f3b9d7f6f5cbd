/**
 * Job openings = expansion demand + replacement demand (Cedefop, BLS, COPS).
 *
 * - Expansion demand over a horizon: growth in employment from the base year
 *   to the end of the horizon, floored at zero in each detailed cell
 *   (province × section × level). A shrinking cell creates no openings but
 *   still has replacement needs. Totals are sums of the detailed cells, so
 *   they add up; at a total, expansion counts jobs created in growing cells,
 *   not the net change.
 * - Replacement demand: workers leaving employment for good (retirement,
 *   death, leaving the labour force, emigration) must be replaced. Each year's
 *   exits = exit rate × employment at the start of the year.
 *
 * Exit rates: from `exits` observations where the data have them (exits ÷
 * employment of the same cell over the years both exist, at the most detailed
 * cell available), else a documented default by sector below. The data carry
 * no age breakdown, so the age-cohort method (BLS/Cedefop) is not possible here.
 */
import { ancestors } from './structure';
import { cellId, type ObservationIndex } from './observations';
import type { Grid } from './projection';
import type { Dimension } from './hierarchy';

/**
 * Default exit rates (share of employment leaving per year) by sector, used
 * where no `exits` data exist. Assumptions, not official figures: they reflect
 * Viet Nam's age structure as described in GSO LFS reports — an older
 * workforce in agriculture and household activities (more retirements),
 * young workforces in FDI manufacturing, ICT and finance — and retirement ages
 * rising under the 2019 Labour Code. About 2.5% a year overall.
 */
export const DEFAULT_EXIT_RATES: Record<string, number> = {
  A: 0.035, B: 0.025, C: 0.02, D: 0.022, E: 0.028, F: 0.028,
  G: 0.025, H: 0.027, I: 0.027, J: 0.015, K: 0.018, L: 0.025,
  M: 0.018, N: 0.025, O: 0.03, P: 0.028, Q: 0.025, R: 0.025,
  S: 0.03, T: 0.04, U: 0.02,
  semiconductors: 0.015, 'ai-digital': 0.015, hydrogen: 0.02, 'carbon-markets': 0.018,
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
 * @param exitRate share of employment leaving each year
 */
export function cellOpenings(base: number, path: readonly number[], exitRate: number, h: number): CellOpenings {
  const expansion = Math.max(0, path[h - 1] - base);
  let stock = base;
  let replacement = 0;
  for (let t = 0; t < h; t++) {
    replacement += exitRate * stock;
    stock = path[t];
  }
  return { expansion, replacement, openings: expansion + replacement };
}

/** Exit rate of every bottom cell of a grid, and where it came from. */
export interface ExitRates {
  /** By tensor offset (only bottom cells are meaningful). */
  rate: Float64Array;
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
 * Exit rates for every bottom cell of `grid`: the observed rate of the most
 * detailed cell covering it that has `exits` data and employment in the same
 * years (qualification first, then sector, then region), else the default.
 * Observed rates are capped at 20% a year to absorb data errors.
 */
export function estimateExitRates(index: ObservationIndex, grid: Grid, fieldParent?: string): ExitRates {
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
        if (o && p.value > 0) {
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
