/**
 * Adapter: which served gap rows a compare view shows and how it names them. Each page's compare
 * (regions, sectors, training planner) reads the same GET /api/gaps rows under two scenarios;
 * these picks are the only place that decides which of them are rows of the view, so the
 * components only render.
 */
import type { GapRow, RegionMeta } from '../api/types';
import type { UrlState } from '../router/url-state';

/** Which gap rows a view shows and how it names them; `undefined` key = not a row of the view. */
export interface GapPick {
  keyOf(row: GapRow): string | undefined;
  labelOf(row: GapRow): string;
  /** `change` (default): largest |Δ imbalance| first; `served`: the order of A's rows. */
  order?: 'change' | 'served';
}

/** The map's two views (the URL's `view`): provinces only, or regions only. */
export type AreaView = NonNullable<UrlState['view']>;

const LEVEL_OF_VIEW: Record<AreaView, RegionMeta['level']> = { provinces: 'province', regions: 'region' };

/**
 * The areas the regions map shows. The `region=all` gaps answer holds every level (country,
 * regions, provinces); the code lists of /api/meta say which level an area is, and only the
 * view's level is kept. An area the code lists do not know is left out.
 */
export function areaPick(regions: readonly Pick<RegionMeta, 'code' | 'level'>[] | undefined, view: AreaView, regionName: (code: string) => string): GapPick {
  const levelOf = new Map((regions ?? []).map((r) => [r.code, r.level]));
  const level = LEVEL_OF_VIEW[view];
  return {
    keyOf: (r) => (levelOf.get(r.region) === level ? r.region : undefined),
    labelOf: (r) => regionName(r.region),
  };
}

/** The levels of one sector, in the order served (the sector page lists its levels in order). */
export function sectorLevelPick(sector: string, qualificationName: (code: string) => string): GapPick {
  return {
    keyOf: (r) => (r.sector === sector ? r.qualification : undefined),
    labelOf: (r) => qualificationName(r.qualification),
    order: 'served',
  };
}

/**
 * The training planner's cells: a detail sector (`sectors`) with one qualification level (not the
 * `ALL` total), only `qualification` when the level filter is set.
 */
export function plannerCellPick(
  sectors: ReadonlySet<string>,
  qualification: string | undefined,
  names: { sector(code: string): string; qualification(code: string): string },
): GapPick {
  return {
    keyOf: (r) =>
      sectors.has(r.sector) && r.qualification !== 'ALL' && (!qualification || r.qualification === qualification)
        ? `${r.sector}|${r.qualification}`
        : undefined,
    labelOf: (r) => `${names.sector(r.sector)} · ${names.qualification(r.qualification)}`,
  };
}
