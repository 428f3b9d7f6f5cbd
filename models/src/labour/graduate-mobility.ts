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

/** National sums of one grid's detailed cells by sector × level (the offset's last two axes). */
interface Pool {
  /** Graduates and their 80 % half-widths per forecast year (index t − 1), by sector × level. */
  grad: Float64Array[];
  half: Float64Array[];
  /** Base-year employment by sector × level. */
  base: Float64Array;
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
  const [br, bs, bq] = [new Set(dr.bottom), new Set(ds.bottom), new Set(dq.bottom)];
  const H = supply.gradMean[0]?.length ?? 0;
  const pool: Pool = {
    grad: Array.from({ length: H }, () => new Float64Array(width)),
    half: Array.from({ length: H }, () => new Float64Array(width)),
    base: new Float64Array(width),
    width,
  };
  grid.nodes.forEach((n, off) => {
    if (!br.has(n.region) || !bs.has(n.sector) || !bq.has(n.qualification)) return;
    const k = off % width;
    pool.base[k] += n.base;
    for (let t = 0; t < H; t++) {
      pool.grad[t][k] += supply.gradMean[off][t];
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
  if (!(pool.base[k] > 0)) return own;
  const w = gb.grid.nodes[off].base / pool.base[k];
  return {
    mean: (1 - mobility) * own.mean + mobility * pool.grad[t - 1][k] * w,
    half: (1 - mobility) * own.half + mobility * pool.half[t - 1][k] * w,
  };
}
