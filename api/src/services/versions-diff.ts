/**
 * What a dataset version changed against its parent, cell by cell: every
 * added, removed and changed cell, paged and sortable, with official cells
 * the upload replaced by non-official values first (then official revisions,
 * then the rest), names next to codes, and totals per indicator, unit and
 * PERIOD (a sum over 33 years of labour force means nothing; nor does a sum
 * of rates, so percent totals are left empty).
 */
import { sql, type SQL } from 'drizzle-orm';
import { getIndicator, getOccupation, getRegion, getSector, QUALIFICATIONS } from '@lmo/models';
import type { Db } from '../db/client';
import { notFound } from '../domain-error';
import { getVisibleVersion, type VersionInfo } from './dataset-versions';

/** `replaced`: official before, not official after (needed replaceOfficial); `revised`: official before and after. */
export type OfficialChange = 'replaced' | 'revised' | null;

export interface Names {
  vi: string;
  en: string;
}

export interface CellChange {
  indicator: string;
  period: string;
  region: string;
  sector: string;
  qualification: string;
  unit: string;
  names: { indicator: Names; region: Names; sector: Names; qualification: Names };
  kind: 'added' | 'removed' | 'changed';
  /** Null when the cell is new in this version. */
  before: number | null;
  /** Null when the cell was removed. */
  after: number | null;
  sourceBefore: string | null;
  sourceAfter: string | null;
  statusBefore: string | null;
  statusAfter: string | null;
  official: OfficialChange;
}

export const DIFF_SORTS = ['official', 'change', 'cell', 'period'] as const;
export type DiffSort = (typeof DIFF_SORTS)[number];

export interface VersionDiff {
  version: VersionInfo;
  parent: VersionInfo | null;
  counts: { added: number; removed: number; changed: number; unchanged: number; officialReplaced: number; officialRevised: number };
  /** Sums of the changed cells per indicator, unit and period; null for percentages (rates do not add up). */
  totals: { indicator: string; unit: string; period: string; cells: number; before: number | null; after: number | null }[];
  /** One page of the changed cells, in `sort` order. */
  cells: CellChange[];
  page: { offset: number; limit: number; total: number; sort: DiffSort };
  /** True when cells beyond this page exist. */
  truncated: boolean;
}

type Rows<T> = { rows: T[] };
const rowsOf = <T>(r: unknown) => (r as Rows<T>).rows;

const ORDER: Record<DiffSort, SQL> = {
  official: sql`case official when 'replaced' then 0 when 'revised' then 1 else 2 end, abs(coalesce(after, 0) - coalesce(before, 0)) desc, indicator, region, sector, qualification, period`,
  change: sql`abs(coalesce(after, 0) - coalesce(before, 0)) desc, indicator, region, sector, qualification, period`,
  cell: sql`indicator, region, sector, qualification, period`,
  period: sql`period, indicator, region, sector, qualification`,
};

const qualifications = new Map(QUALIFICATIONS.map((q) => [q.code, q]));
const named = (x: { vi: string; en: string } | undefined, code: string): Names => (x ? { vi: x.vi, en: x.en } : { vi: code, en: code });

function namesOf(c: { indicator: string; region: string; sector: string; qualification: string }): CellChange['names'] {
  return {
    indicator: named(getIndicator(c.indicator), c.indicator),
    region: named(getRegion(c.region), c.region),
    // The sector column also holds demographic groups (T:15-24, no names) and occupations.
    sector: named(getSector(c.sector) ?? getOccupation(c.sector), c.sector),
    qualification: named(qualifications.get(c.qualification), c.qualification),
  };
}

/** Differences between version `id` and its parent (everything is "added" for a first version). Unpromoted uploads are 404. */
export async function diffVersion(db: Db, id: number, options: { offset?: number; limit?: number; sort?: DiffSort } = {}): Promise<VersionDiff> {
  const { offset = 0, limit = 200, sort = 'official' } = options;
  const version = await getVisibleVersion(db, id);
  if (!version) throw notFound(`Dataset version ${id} does not exist.`);
  const parent = version.parentId ? await getVisibleVersion(db, version.parentId) : null;
  const parentId = parent?.id ?? -1;
  const joined = sql`
    with a as (select indicator, period, region, sector, qualification, value, unit, source_id, status from observations where dataset_version_id = ${id}),
         b as (select indicator, period, region, sector, qualification, value, unit, source_id, status from observations where dataset_version_id = ${parentId}),
         j as (
           select indicator, period, region, sector, qualification,
                  coalesce(a.unit, b.unit) as unit, b.value as before, a.value as after, b.source_id as source_before, a.source_id as source_after,
                  b.status as status_before, a.status as status_after,
                  -- Equal source ids are equal citations (sources are unique by text).
                  (a.value is not distinct from b.value and a.source_id is not distinct from b.source_id and a.status is not distinct from b.status) as same
           from a full outer join b using (indicator, period, region, sector, qualification)),
         d as (select *, case when status_before = 'official' and status_after is distinct from 'official' and status_after is not null then 'replaced'
                              when status_before = 'official' and status_after = 'official' then 'revised' end as official
               from j where not same)`;
  const [counts] = rowsOf<Record<string, number>>(
    await db.execute(sql`${joined}
    select count(*) filter (where before is null)::int as added, count(*) filter (where after is null)::int as removed,
           count(*) filter (where before is not null and after is not null)::int as changed,
           count(*) filter (where official = 'replaced')::int as replaced, count(*) filter (where official = 'revised')::int as revised,
           (select count(*) from j where same)::int as unchanged from d`),
  );
  const totals = rowsOf<Record<string, unknown>>(
    await db.execute(sql`${joined}
    select indicator, unit, period, count(*)::int as cells, sum(before)::float8 as before, sum(after)::float8 as after
    from d group by indicator, unit, period order by indicator, unit, period limit 1000`),
  );
  const cells = rowsOf<Record<string, unknown>>(
    await db.execute(sql`${joined}
    select d.*, sb.text as source_before_text, sa.text as source_after_text from d
      left join sources sb on sb.id = d.source_before left join sources sa on sa.id = d.source_after
    order by ${ORDER[sort]} limit ${limit} offset ${offset}`),
  );
  const n = (x: unknown) => (x === null || x === undefined ? null : Number(x));
  const s = (x: unknown) => (x === null || x === undefined ? null : String(x));
  const total = Number(counts.added) + Number(counts.removed) + Number(counts.changed);
  return {
    version,
    parent,
    counts: {
      added: Number(counts.added),
      removed: Number(counts.removed),
      changed: Number(counts.changed),
      unchanged: Number(counts.unchanged),
      officialReplaced: Number(counts.replaced),
      officialRevised: Number(counts.revised),
    },
    totals: totals.map((t) => ({
      indicator: String(t.indicator),
      unit: String(t.unit),
      period: String(t.period),
      cells: Number(t.cells),
      before: t.unit === 'percent' ? null : n(t.before),
      after: t.unit === 'percent' ? null : n(t.after),
    })),
    cells: cells.map((c) => {
      const key = {
        indicator: String(c.indicator),
        period: String(c.period),
        region: String(c.region),
        sector: String(c.sector),
        qualification: String(c.qualification),
      };
      const before = n(c.before);
      const after = n(c.after);
      return {
        ...key,
        unit: String(c.unit),
        names: namesOf(key),
        kind: before === null ? ('added' as const) : after === null ? ('removed' as const) : ('changed' as const),
        before,
        after,
        sourceBefore: s(c.source_before_text),
        sourceAfter: s(c.source_after_text),
        statusBefore: s(c.status_before),
        statusAfter: s(c.status_after),
        official: s(c.official) as OfficialChange,
      };
    }),
    page: { offset, limit, total, sort },
    truncated: offset + cells.length < total,
  };
}
