import type { GapRow, RegionMeta, Status } from '../../api/types';
import type { Lang } from '../../i18n/format';
import { basisOf } from '../../adapters/basis';
import { shareOf } from '../../components/flag-scale';
import { foldText } from '../../i18n/fold';
import { nameOf, type Namer } from '../meta/names';

/** One row of the planner table. */
export type PlannerRow = Pick<
  GapRow,
  | 'rank'
  | 'sector'
  | 'qualification'
  | 'openings'
  | 'expansion'
  | 'replacement'
  | 'newSupply'
  | 'imbalance'
  | 'imbalanceLower'
  | 'imbalanceUpper'
  | 'imbalanceShare'
  | 'ratio'
  | 'confidence'
  | 'flag'
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

/** The model's rank order (models/src/labour/imbalance.ts): lowest share, then the larger shortage, then codes. */
function compareForRank(a: GapRow, b: GapRow): number {
  return (
    (shareOf(a) ?? Infinity) - (shareOf(b) ?? Infinity) ||
    a.imbalance - b.imbalance ||
    a.sector.localeCompare(b.sector) ||
    a.qualification.localeCompare(b.qualification)
  );
}

/**
 * Detailed cells (a sector at a qualification level; totals left out) with names, ranked the way
 * the model ranks: rank 1 is the largest shortage relative to base employment (lowest
 * `imbalanceShare`). Cells too small to assess are never ranked (rank null, listed last). Ranks are
 * given over the listed cells before filtering, so a filtered table keeps them.
 */
export function toPlannerRows(rows: GapRow[], names: Namer, filters: PlannerFilters = {}): PlannerRow[] {
  const q = filters.q ? foldText(filters.q) : '';
  const listed = rows
    .filter((r) => r.sector !== 'TOTAL' && r.qualification !== 'ALL')
    .filter((r) => !filters.sectors || filters.sectors.size === 0 || filters.sectors.has(r.sector));
  const ranked = listed.filter((r) => r.flag !== 'too-small').sort(compareForRank);
  const small = listed.filter((r) => r.flag === 'too-small').sort(compareForRank);
  return [...ranked, ...small]
    .map((r, i) => ({
      key: `${r.sector}|${r.qualification}`,
      rank: r.flag === 'too-small' ? null : i + 1,
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
      imbalanceShare: shareOf(r),
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

/** The area choices of the planner: provinces by name, larger areas with their level (`levelName`, e.g. "vùng"). */
export function plannerAreaOptions(
  regions: readonly RegionMeta[] | undefined,
  lang: Lang,
  levelName: (level: string) => string,
): { value: string; label: string }[] {
  return (regions ?? []).map((r) => ({ value: r.code, label: r.level === 'province' ? nameOf(r, lang) : `${nameOf(r, lang)} (${levelName(r.level)})` }));
}
