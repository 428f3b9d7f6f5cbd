/**
 * The dimensions of a projection grid (region, sector, level) as the data
 * give them: only codes with data and their ancestors, plus a hidden residual
 * region when the national figure shows provinces are missing.
 */
import { makeDimension, type Dimension, type TreeNode, rootOf } from './hierarchy';
import type { ObservationIndex } from './observations';

/** Code of the hidden residual region used when only some provinces have data. */
export const REST_REGION = '_rest';

/** Codes present in the data, plus their ancestors, kept in structure order. */
function restrict(nodes: readonly TreeNode[], present: Set<string>): TreeNode[] {
  const parent = new Map(nodes.map((n) => [n.code, n.parent ?? null]));
  const keep = new Set<string>();
  for (const c of present) {
    let x: string | null | undefined = c;
    while (x && parent.has(x) && !keep.has(x)) {
      keep.add(x);
      x = parent.get(x);
    }
  }
  return nodes.filter((n) => keep.has(n.code));
}

/**
 * Region dimension for an indicator and set of sectors: the codes with data
 * and their parents. When the national (root) value is observed and exceeds
 * the sum of the provinces with data (some provinces are missing), a hidden
 * residual region keeps the national figure honest, and the regional totals in
 * between, which cannot be known, are hidden too. Missing provinces with no
 * such evidence count as 0, like any missing detailed cell.
 */
export function regionDimension(
  index: ObservationIndex,
  indicator: string,
  sectors: Set<string>,
  regions: readonly TreeNode[],
): { dim: Dimension; residual?: { code: string; root: string }; hidden: string[] } {
  const cells = (index.byIndicator.get(indicator) ?? []).filter((c) => sectors.has(c.sector));
  const present = new Set(cells.map((c) => c.region));
  const nodes = restrict(regions, present);
  const sub = makeDimension(nodes);
  const root = rootOf(sub);
  if (!root || sub.bottom.includes(root) || !present.has(root)) return { dim: sub, hidden: [] };
  // Evidence of missing provinces: a detailed cell of the root (a section × level the grid sums) exceeds
  // the sum of the provinces' same cells, counting a province cell without data as 0 — else the root's
  // own figures would be lost when only some provinces (even a single one) have data.
  const bottom = new Set(sub.bottom);
  const levels = new Set(cells.filter((c) => c.qualification !== 'ALL').map((c) => c.qualification));
  const sums = new Map<string, number>();
  for (const c of cells) {
    if (!bottom.has(c.region)) continue;
    for (const [y, o] of c.byYear) {
      const k = `${c.sector}|${c.qualification}|${y}`;
      sums.set(k, (sums.get(k) ?? 0) + o.value);
    }
  }
  const missing = cells.some(
    (c) =>
      c.region === root &&
      levels.has(c.qualification) &&
      [...c.byYear].some(([y, o]) => o.value > (sums.get(`${c.sector}|${c.qualification}|${y}`) ?? 0) + 0.5),
  );
  if (!missing) return { dim: sub, hidden: [] };
  const dim = makeDimension([...nodes, { code: REST_REGION, parent: root }]);
  const hidden = dim.codes.filter((c) => c !== root && dim.children.get(c)!.length > 0);
  return { dim, residual: { code: REST_REGION, root }, hidden };
}

/** The sector or qualification dimension of an indicator: codes with data (optionally only in some sectors) and their ancestors. */
export function dimensionOf(
  index: ObservationIndex,
  indicator: string,
  pick: 'sector' | 'qualification',
  nodes: readonly TreeNode[],
  filter?: (sector: string) => boolean,
): Dimension {
  const present = new Set<string>();
  for (const c of index.byIndicator.get(indicator) ?? []) if (!filter || filter(c.sector)) present.add(c[pick]);
  return makeDimension(restrict(nodes, present));
}
