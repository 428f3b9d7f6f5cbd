/**
 * The additive hierarchies of the code lists, as parent links: what
 * reconciliation and coherence checks sum along.
 */
import { REGIONS } from './regions';
import { SECTORS } from './sectors';
import { QUALIFICATIONS } from './qualifications';

/** A node of an additive hierarchy: `code` sums into `parent`. */
export interface CodeNode {
  code: string;
  parent: string | null;
}

/** Country → 6 regions → 34 provinces (current geography). */
export const REGION_TREE: CodeNode[] = REGIONS.map(({ code, parent }) => ({ code, parent }));

/** TOTAL → A, B-F, G-U → sections. New fields are excluded: they are parts of a section, not additions. */
export const SECTOR_TREE: CodeNode[] = SECTORS.filter((s) => s.additive).map(({ code, parent }) => ({ code, parent }));

/** ALL → five levels. */
export const QUALIFICATION_TREE: CodeNode[] = QUALIFICATIONS.map(({ code, parent }) => ({ code, parent }));
