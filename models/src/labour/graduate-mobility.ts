/**
 * The graduate-mobility lever: a share m of graduates take work outside the province where the data
 * place them (where they study). Without data on moves after graduating, the movers are shared
 * among provinces like the jobs of their sector and level (base-year employment), and the rest
 * stay: g' = (1 − m)·g + m·G·e / E, with G and E the sums over every province of the cell's
 * sector × level. Each sector × level keeps its national total, so national new supply, other
 * entrants and every national figure are unchanged; only the split between provinces moves.
 * Bands move the same way (graduates of one series are fully correlated across areas: supply.ts).
 */
import type { GridBase } from './grid-base';
import { rootOf } from './hierarchy';

/** National sums of one grid's detailed cells by sector × level (the offset's last two axes). */
interface Pool {
  /** Graduates and their 80 % half-widths per forecast year (index t − 1), by sector × level. */
  grad: Float64Array[];
  half: Float64Array[];
  /** Offset of the root region's cell of a sector × level: its base is the sum of the provinces'. */
  rootAt: number;
  /** Sector × level positions of one region: the offset modulo this. */
  width: number;
}

const POOLS = new WeakMap<GridBase, Pool>();

/** The grid's pool, computed once per grid base (it does not depend on the scenario). */
function poolOf(gb: GridBase): Pool {
  const cached = POOLS.get(gb);
  if (cached) return cached;
  const { grid, supply } = gb;
  const [dr, ds, dq] = grid.reconciler.dims;
  const width = ds.codes.length * dq.codes.length;
  const H = supply.gradMean[0]?.length ?? 0;
  const pool: Pool = {
    grad: Array.from({ length: H }, () => new Float64Array(width)),
    half: Array.from({ length: H }, () => new Float64Array(width)),
    rootAt: dr.index.get(rootOf(dr)!)! * width,
    width,
  };
  // Graduates sit on detailed cells only (every total holds zeros: supply.ts), so summing a sector
  // × level over all regions is summing it over the provinces.
  supply.gradMean.forEach((mean, off) => {
    const k = off % width;
    for (let t = 0; t < H; t++) {
      pool.grad[t][k] += mean[t];
      pool.half[t][k] += supply.gradHalf80[off][t];
    }
  });
  POOLS.set(gb, pool);
  return pool;
}

/**
 * Graduates (mean and 80 % half-width) of the detailed cell at tensor offset `off` in forecast year
 * t (1..H) after a share `mobility` (0–1) moved. A sector × level with no base employment anywhere
 * has nowhere to share movers by: its graduates stay.
 */
export function graduatesAfterMobility(gb: GridBase, off: number, t: number, mobility: number): { mean: number; half: number } {
  const own = { mean: gb.supply.gradMean[off][t - 1], half: gb.supply.gradHalf80[off][t - 1] };
  if (!(mobility > 0)) return own;
  const pool = poolOf(gb);
  const k = off % pool.width;
  const total = gb.grid.nodes[pool.rootAt + k].base;
  if (!(total > 0)) return own;
  const w = gb.grid.nodes[off].base / total;
  return {
    mean: (1 - mobility) * own.mean + mobility * pool.grad[t - 1][k] * w,
    half: (1 - mobility) * own.half + mobility * pool.half[t - 1][k] * w,
  };
}
