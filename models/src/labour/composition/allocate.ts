/**
 * Turning a parent's level path and its parts' share paths into part levels,
 * top-down through a hierarchy (VN → regions → provinces; TOTAL → broad →
 * sections; cell → qualification levels), so every parent equals the sum of its
 * children by construction.
 */

/**
 * Part levels = parent × share, year by year. Shares of each year are
 * renormalised to sum to 1 (so slightly off inputs still add up), and the
 * largest part takes the parent minus the others, so the parts add up to the
 * parent to rounding of a single subtraction. Every part is ≥ 0 and ≤ parent
 * when the parent is ≥ 0.
 * @param parent parent level per year.
 * @param shares part name → share per year (same length as `parent`, ≥ 0).
 */
export function allocate(parent: readonly number[], shares: Record<string, readonly number[]>): Record<string, number[]> {
  const names = Object.keys(shares);
  if (names.length === 0) throw new Error('allocate needs at least one part.');
  const out: Record<string, number[]> = Object.fromEntries(names.map((k) => [k, new Array<number>(parent.length)]));
  for (const k of names) {
    if (shares[k]!.length !== parent.length) throw new Error(`Shares of "${k}" cover ${shares[k]!.length} years, the parent ${parent.length}.`);
  }
  for (let t = 0; t < parent.length; t++) {
    const s = names.map((k) => {
      const v = shares[k]![t]!;
      if (!Number.isFinite(v) || v < 0) throw new Error(`Share of "${k}" in year ${t + 1} is ${v}.`);
      return v;
    });
    const total = s.reduce((a, b) => a + b, 0);
    if (!(total > 0)) throw new Error(`Shares of year ${t + 1} sum to ${total}.`);
    let largest = 0;
    s.forEach((v, i) => {
      if (v > s[largest]!) largest = i;
    });
    let others = 0;
    names.forEach((k, i) => {
      if (i === largest) return;
      const v = parent[t]! * (s[i]! / total);
      out[k]![t] = v;
      others += v;
    });
    // Never below 0 (nor, for a positive parent, above it): the others are at most the parent.
    const rest = parent[t]! - others;
    out[names[largest]!]![t] = parent[t]! >= 0 ? Math.max(0, rest) : rest;
  }
  return out;
}

/** Shares of the children of each parent id: parent id → child id → share per year. */
export type ShareTree = Record<string, Record<string, readonly number[]>>;

/**
 * Allocate a whole hierarchy top-down from the root's level path. Ids must be
 * unique across the tree (prefix them, e.g. "R:North", "P:01", when dimensions
 * could collide). A node without an entry in `tree` is a leaf.
 * @returns id → level path for the root and every descendant.
 * @throws when a node is reached twice (not a tree).
 */
export function allocateTree(rootId: string, rootPath: readonly number[], tree: ShareTree): Record<string, number[]> {
  const out: Record<string, number[]> = { [rootId]: [...rootPath] };
  const queue = [rootId];
  while (queue.length > 0) {
    const id = queue.shift()!;
    const children = tree[id];
    if (!children) continue;
    const parts = allocate(out[id]!, children);
    for (const [child, path] of Object.entries(parts)) {
      if (child in out) throw new Error(`Node "${child}" appears twice in the share tree.`);
      out[child] = path;
      queue.push(child);
    }
  }
  return out;
}

/**
 * Round to whole numbers that add up to `total` (default: Σ values rounded) by
 * largest remainder: floor everything, then give the missing units to the
 * largest fractional parts (ties: earlier first). For display only — the model
 * keeps unrounded values. Values must be ≥ 0.
 */
export function roundLargestRemainder(values: readonly number[], total?: number): number[] {
  if (values.some((v) => !(v >= 0))) throw new Error('roundLargestRemainder needs values ≥ 0.');
  const target = Math.round(total ?? values.reduce((a, b) => a + b, 0));
  if (values.length === 0 && target === 0) return [];
  if (values.length === 0 || target < 0) throw new Error(`Cannot round ${values.length} values to a total of ${target}.`);
  const floors = values.map((v) => Math.floor(v));
  let missing = target - floors.reduce((a, b) => a + b, 0);
  const order = values.map((v, i) => ({ i, r: v - Math.floor(v) })).sort((a, b) => b.r - a.r || a.i - b.i);
  const out = [...floors];
  // If rounding the total went the other way, take units back from the smallest remainders.
  for (let j = 0; missing > 0; j = (j + 1) % order.length, missing--) out[order[j]!.i]! += 1;
  for (let j = order.length - 1; missing < 0; j = (j - 1 + order.length) % order.length) {
    if (out[order[j]!.i]! > 0) {
      out[order[j]!.i]! -= 1;
      missing++;
    }
  }
  return out;
}

/**
 * Round an allocated tree for display so every rounded parent still equals the
 * sum of its rounded children: the root is rounded, then each parent's rounded
 * value is split among its children by largest remainder, year by year.
 */
export function roundTree(rootId: string, levels: Record<string, readonly number[]>, tree: ShareTree): Record<string, number[]> {
  const out: Record<string, number[]> = { [rootId]: levels[rootId]!.map((v) => Math.round(v)) };
  const queue = [rootId];
  while (queue.length > 0) {
    const id = queue.shift()!;
    const children = Object.keys(tree[id] ?? {});
    if (children.length === 0) continue;
    for (const c of children) out[c] = new Array<number>(out[id]!.length);
    out[id]!.forEach((total, t) => {
      const r = roundLargestRemainder(
        children.map((c) => levels[c]![t]!),
        total,
      );
      children.forEach((c, i) => (out[c]![t] = r[i]!));
    });
    queue.push(...children);
  }
  return out;
}
