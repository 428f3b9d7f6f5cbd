/**
 * One dimension of the labour-market hierarchy (regions, sectors or
 * qualification levels) as a tree whose leaves are the "bottom" codes that
 * every total is a sum of. The three dimensions are crossed, so a cell
 * (region, sector, qualification) is a total when any coordinate is one.
 */

/** A code and the code it adds into (none for the root). */
export interface TreeNode {
  code: string;
  parent?: string | null;
}

/** One dimension: codes in a fixed order, and which bottom codes each one sums. */
export interface Dimension {
  /** All codes, in a stable order (roots first is not required). */
  codes: string[];
  /** Codes with no children: every other code is a sum of some of these. */
  bottom: string[];
  /** Position of a code in `codes`. */
  index: Map<string, number>;
  /** For each code (by position in `codes`), positions in `bottom` that it sums. */
  members: number[][];
  /** Children of each code (codes), for display. */
  children: Map<string, string[]>;
  /** Parent of each code, null for roots. */
  parent: Map<string, string | null>;
}

/** The dimension's root: its first code without a parent (undefined for an empty dimension). */
export function rootOf(d: Pick<Dimension, 'codes' | 'parent'>): string | undefined {
  return d.codes.find((c) => !d.parent.get(c));
}

/**
 * Build a dimension from parent links. Codes whose parent is missing from the
 * list become roots.
 * @throws Error on a cycle or a duplicate code.
 */
export function makeDimension(nodes: readonly TreeNode[]): Dimension {
  const codes: string[] = [];
  const index = new Map<string, number>();
  for (const n of nodes) {
    if (index.has(n.code)) throw new Error(`Duplicate code "${n.code}" in a hierarchy dimension.`);
    index.set(n.code, codes.length);
    codes.push(n.code);
  }
  const parent = new Map<string, string | null>();
  const children = new Map<string, string[]>();
  for (const c of codes) children.set(c, []);
  for (const n of nodes) {
    const p = n.parent && index.has(n.parent) ? n.parent : null;
    parent.set(n.code, p);
    if (p) children.get(p)!.push(n.code);
  }
  const bottom = codes.filter((c) => children.get(c)!.length === 0);
  const bottomIndex = new Map(bottom.map((c, i) => [c, i]));
  const members: number[][] = codes.map(() => []);
  for (const leaf of bottom) {
    let c: string | null = leaf;
    let guard = 0;
    while (c !== null) {
      members[index.get(c)!].push(bottomIndex.get(leaf)!);
      c = parent.get(c) ?? null;
      if (++guard > codes.length) throw new Error(`Cycle in hierarchy at "${leaf}".`);
    }
  }
  return { codes, bottom, index, members, children, parent };
}

/** Solve A x = b for a small symmetric positive definite A (Gaussian elimination with pivoting). */
function solve(a: number[][], b: number[][]): number[][] {
  const n = a.length;
  const m = a.map((row, i) => [...row, ...b[i]]);
  const w = m[0]?.length ?? 0;
  for (let col = 0; col < n; col++) {
    let piv = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[piv][col])) piv = r;
    [m[col], m[piv]] = [m[piv], m[col]];
    const d = m[col][col];
    if (Math.abs(d) < 1e-12) throw new Error('Singular summing matrix in reconciliation.');
    for (let k = col; k < w; k++) m[col][k] /= d;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r][col];
      if (f === 0) continue;
      for (let k = col; k < w; k++) m[r][k] -= f * m[col][k];
    }
  }
  return m.map((row) => row.slice(n));
}

/**
 * The OLS reconciliation projection P = S (S'S)⁻¹ S' of one dimension
 * (n×n over `codes`). For crossed dimensions the full projection is the
 * Kronecker product of these, so it can be applied one axis at a time.
 */
export function olsProjection(dim: Dimension): Float64Array {
  const n = dim.codes.length;
  const m = dim.bottom.length;
  // S is n×m with S[i][j] = 1 when code i sums bottom j.
  const sts: number[][] = Array.from({ length: m }, () => new Array<number>(m).fill(0));
  for (const mem of dim.members) for (const a of mem) for (const b of mem) sts[a][b] += 1;
  const st: number[][] = Array.from({ length: m }, () => new Array<number>(n).fill(0));
  dim.members.forEach((mem, i) => {
    for (const j of mem) st[j][i] = 1;
  });
  const g = solve(sts, st); // m×n = (S'S)⁻¹ S'
  const p = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      let s = 0;
      for (const j of dim.members[i]) s += g[j][k];
      p[i * n + k] = s;
    }
  }
  return p;
}
