/**
 * Which flow series (graduates, entrants) covers each bottom cell of a grid, and the
 * cell's share of it. Flows are published for larger areas than a province and
 * sometimes without a level breakdown, so a cell takes the most detailed series
 * that covers it; sub-national series are forecast top-down from the national one.
 */
import { ancestors } from './structure';
import type { IndexedCell, ObservationIndex } from './observations';
import type { Grid } from './projection';
import { rootOf } from './hierarchy';

/** A flow's forecast over the horizon: mean, 80 % half-width and the latest observed value. */
export interface FlowSeries {
  mean: number[];
  half80: number[];
  latest: number;
}

/** The series covering a cell and the cell's share of it. */
export interface FlowAllocation {
  f: FlowSeries;
  share: number;
}

/**
 * The allocator of a grid's bottom cells: `(indicator, offset)` → the covering series and share,
 * or null when no series covers the cell. Forecasts are made once per series (cached), with
 * `forecast` (supply.ts `forecastFlow`, passed in so this module does not depend on supply.ts).
 */
export function flowAllocator(
  index: ObservationIndex,
  grid: Grid,
  forecast: (cell: IndexedCell | undefined) => FlowSeries | null,
): (indicator: string, off: number) => FlowAllocation | null {
  const { reconciler, nodes, baseYear } = grid;
  const [dr, ds, dq] = reconciler.dims;
  const nodeAt = new Map<string, number>();
  nodes.forEach((n, off) => nodeAt.set(`${n.region}|${n.sector}|${n.qualification}`, off));
  const flows = new Map<string, FlowSeries | null>();
  const rootRegion = rootOf(dr)!;
  const direct = (id: string, cell = index.cells.get(id)) => {
    if (!flows.has(id)) flows.set(id, forecast(cell));
    return flows.get(id)!;
  };
  /** The national cell of a flow, or the sum of the areas' cells when the data give no national figure. */
  const nationalCells = new Map<string, IndexedCell | undefined>();
  const nationalCell = (indicator: string, s: string, q: string): IndexedCell | undefined => {
    const id = `${indicator}|${rootRegion}|${s}|${q}`;
    if (nationalCells.has(id)) return nationalCells.get(id);
    let cell = index.cells.get(id);
    if (!cell) {
      const byYear = new Map<number, IndexedCell['byYear'] extends Map<number, infer O> ? O : never>();
      for (const r of dr.bottom) {
        const c = index.cells.get(`${indicator}|${r}|${s}|${q}`);
        if (!c) continue;
        for (const [y, o] of c.byYear) {
          const prev = byYear.get(y);
          byYear.set(y, prev ? { ...prev, value: prev.value + o.value, status: 'modelled' } : { ...o, region: rootRegion });
        }
      }
      cell = byYear.size ? { indicator, region: rootRegion, sector: s, qualification: q, unit: 'persons', byYear } : undefined;
    }
    nationalCells.set(id, cell);
    return cell;
  };
  /**
   * A sub-national flow is forecast top-down: the national series of the same
   * field and level is fitted, and the area keeps its share of the last three
   * observed years. Short provincial series are noisy, and this fits ~100
   * series instead of thousands. Areas with planned future values keep them.
   */
  const flow = (indicator: string, r: string, s: string, q: string): FlowSeries | null => {
    const id = `${indicator}|${r}|${s}|${q}`;
    if (flows.has(id)) return flows.get(id)!;
    const cell = index.cells.get(id);
    const root = r === rootRegion ? undefined : nationalCell(indicator, s, q);
    let result: FlowSeries | null;
    if (!cell) result = null;
    else if (!root || [...cell.byYear.keys()].some((y) => y > baseYear)) result = direct(id);
    else {
      const national = direct(`${indicator}|${rootRegion}|${s}|${q}`, root);
      const years = [...cell.byYear.keys()]
        .filter((y) => y <= baseYear && root.byYear.has(y))
        .sort((a, b) => b - a)
        .slice(0, 3);
      const part = years.reduce((a, y) => a + cell.byYear.get(y)!.value, 0);
      const whole = years.reduce((a, y) => a + root.byYear.get(y)!.value, 0);
      if (!national || whole <= 0) result = direct(id);
      else {
        const share = part / whole;
        const latestYear = Math.max(...[...cell.byYear.keys()].filter((y) => y <= baseYear));
        result = {
          mean: national.mean.map((v) => v * share),
          half80: national.half80.map((v) => v * share),
          latest: cell.byYear.get(latestYear)?.value ?? national.latest * share,
        };
      }
    }
    flows.set(id, result);
    return result;
  };
  const bottomQ = new Set(dq.bottom);

  // When a flow is broken down by level anywhere, its all-levels totals are sums of those
  // levels and must not be shared out again (that would count graduates twice, and give
  // graduates to the no-qualification level).
  const byLevel = new Map<string, boolean>();
  const hasLevels = (indicator: string) => {
    if (!byLevel.has(indicator))
      byLevel.set(
        indicator,
        (index.byIndicator.get(indicator) ?? []).some((c) => bottomQ.has(c.qualification)),
      );
    return byLevel.get(indicator)!;
  };
  return (indicator: string, off: number): FlowAllocation | null => {
    const n = nodes[off];
    for (const q of hasLevels(indicator) ? [n.qualification] : ancestors(dq, n.qualification)) {
      for (const s of ancestors(ds, n.sector)) {
        for (const r of ancestors(dr, n.region)) {
          const f = flow(indicator, r, s, q);
          if (!f) continue;
          const cover = nodeAt.get(`${r}|${s}|${q}`);
          if (cover === undefined) continue;
          const total = nodes[cover].base;
          let share: number;
          if (total > 0) share = n.base / total;
          else {
            // No employment to share by: split evenly among the bottom cells it covers.
            const count = dr.members[dr.index.get(r)!].length * ds.members[ds.index.get(s)!].length * dq.members[dq.index.get(q)!].length;
            share = 1 / count;
          }
          return { f, share };
        }
      }
    }
    return null;
  };
}
