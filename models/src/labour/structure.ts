/**
 * The shape of the labour-market hierarchy the model forecasts over:
 * regions (VN → regions → provinces), sectors (TOTAL → VSIC sections, maybe
 * via groups), qualifications (ALL → levels), and the new fields, which sit
 * inside a parent section but are NOT added again into TOTAL.
 */
import type { Dimension, TreeNode } from './hierarchy';

/** Codes and parent links of every dimension. */
export interface LabourStructure {
  regions: TreeNode[];
  /** `TOTAL` and the sections whose sum it is (optionally section groups in between). */
  sectors: TreeNode[];
  /** New fields: a code and the section it is part of (e.g. `semiconductors` in `C`). */
  fields: { code: string; parent: string }[];
  qualifications: TreeNode[];
}

/** A code, then its parent, grandparent, … (most specific first). */
export function ancestors(dim: Dimension, code: string): string[] {
  const out: string[] = [];
  let c: string | null | undefined = code;
  while (c) {
    out.push(c);
    c = dim.parent.get(c) ?? null;
  }
  return out;
}

/** Depth of a code (roots are 0). */
export function depth(dim: Dimension, code: string): number {
  return ancestors(dim, code).length - 1;
}
