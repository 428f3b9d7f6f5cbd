/**
 * Code lists of the long format (regions, sectors, qualifications, indicators)
 * and their hierarchies. Split by dimension into `codes-*.ts`; import from here.
 */
import { REGIONS } from './codes-regions';
import { SECTORS } from './codes-sectors';
import { QUALIFICATIONS } from './codes-qualifications';

export * from './codes-normalize';
export * from './codes-regions';
export * from './codes-sectors';
export * from './codes-qualifications';
export * from './codes-indicators';
export * from './codes-breakdowns';

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
