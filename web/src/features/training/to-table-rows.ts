import type { GapRow, Status } from '../../api/types';
import { basisOf } from '../../adapters/basis';
import { foldText } from '../../i18n/fold';
import type { Namer } from '../meta/names';

/** One row of the planner table. */
export type PlannerRow = Pick<
  GapRow,
  'rank' | 'sector' | 'qualification' | 'openings' | 'expansion' | 'replacement' | 'newSupply'
  | 'imbalance' | 'imbalanceLower' | 'imbalanceUpper' | 'ratio' | 'confidence' | 'flag'
> & {
  key: string;
  sectorName: string;
  qualificationName: string;
  /** What the row's modelled figures rest on (the illustrative note and the status column read it). */
  basis: Status[];
  source: string;
};

export interface PlannerFilters {
  flag?: string;
  qualification?: string;
  /** Free text matched against sector and qualification names, accents ignored. */
  q?: string;
  /** Sectors to list (sections and new fields); totals and broad groups are left out when given. */
  sectors?: Set<string>;
}

/**
 * Detailed cells (a sector at a qualification level; totals left out) with names, ranked by
 * the size of the gap: rank 1 is the largest shortage (most negative imbalance), the last rank
 * the largest surplus. Ranks are given before filtering, so a filtered table keeps them.
 */
export function toPlannerRows(rows: GapRow[], names: Namer, filters: PlannerFilters = {}): PlannerRow[] {
  const q = filters.q ? foldText(filters.q) : '';
  return rows
    .filter((r) => r.sector !== 'TOTAL' && r.qualification !== 'ALL')
    .filter((r) => !filters.sectors || filters.sectors.size === 0 || filters.sectors.has(r.sector))
    .sort((a, b) => a.imbalance - b.imbalance)
    .map((r, i) => ({
      key: `${r.sector}|${r.qualification}`,
      rank: i + 1,
      sector: r.sector,
      sectorName: names.sector(r.sector),
      qualification: r.qualification,
      qualificationName: names.qualification(r.qualification),
      openings: r.openings,
      expansion: r.expansion,
      replacement: r.replacement,
      newSupply: r.newSupply,
      imbalance: r.imbalance,
      imbalanceLower: r.imbalanceLower,
      imbalanceUpper: r.imbalanceUpper,
      ratio: r.ratio,
      confidence: r.confidence,
      flag: r.flag,
      basis: basisOf(r),
      source: r.source,
    }))
    .filter((r) => !filters.flag || r.flag === filters.flag)
    .filter((r) => !filters.qualification || r.qualification === filters.qualification)
    .filter((r) => !q || foldText(`${r.sector} ${r.sectorName} ${r.qualificationName}`).includes(q));
}
