/**
 * Version history for analysts: what an upload changed (diff against its
 * parent) and rollback. A rollback moves the `is_current` pointer back to an
 * earlier version (no data are copied, its stored results are reused) and is
 * recorded in the audit log; the next upload then builds on that version.
 */
import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditLog, datasetVersions } from '../db/schema';
import { notFoundProblem } from '../http/problem';
import { getVersion, toVersionInfo, type VersionInfo } from './dataset-versions';

export interface CellChange {
  indicator: string;
  period: string;
  region: string;
  sector: string;
  qualification: string;
  unit: string;
  /** Null when the cell is new in this version. */
  before: number | null;
  /** Null when the cell was removed. */
  after: number | null;
  sourceBefore: string | null;
  sourceAfter: string | null;
}

export interface VersionDiff {
  version: VersionInfo;
  parent: VersionInfo | null;
  counts: { added: number; removed: number; changed: number; unchanged: number };
  /** Sums of the values of the added, removed and changed cells, per indicator and unit. */
  totals: { indicator: string; unit: string; cells: number; before: number; after: number }[];
  /** The changed cells, largest absolute change first, at most `limit`. */
  cells: CellChange[];
  truncated: boolean;
}

type Rows<T> = { rows: T[] };
const rowsOf = <T>(r: unknown) => (r as Rows<T>).rows;

/** An upload version not promoted yet (or left by a crash): never listed, diffed or rolled back to. */
const isBeingBuilt = (row: typeof datasetVersions.$inferSelect) => row.kind === 'upload' && row.fingerprint === null;

/** Versions analysts can see, newest first (uploads still being stored are left out). */
export async function listVisibleVersions(db: Db, limit = 100): Promise<VersionInfo[]> {
  const rows = await db.select().from(datasetVersions)
    .where(sql`not (${datasetVersions.kind} = 'upload' and ${datasetVersions.fingerprint} is null)`)
    .orderBy(desc(datasetVersions.id)).limit(limit);
  return rows.map(toVersionInfo);
}

/** Differences between version `id` and its parent (everything is "added" for a first version). */
export async function diffVersion(db: Db, id: number, limit = 200): Promise<VersionDiff> {
  const version = await getVersion(db, id);
  if (!version) throw notFoundProblem(`Dataset version ${id} does not exist.`);
  const parent = version.parentId ? await getVersion(db, version.parentId) : null;
  const parentId = parent?.id ?? -1;
  const joined = sql`
    with a as (select indicator, period, region, sector, qualification, value, unit, source, status from observations where dataset_version_id = ${id}),
         b as (select indicator, period, region, sector, qualification, value, unit, source, status from observations where dataset_version_id = ${parentId}),
         d as (
           select indicator, period, region, sector, qualification,
                  coalesce(a.unit, b.unit) as unit, b.value as before, a.value as after, b.source as source_before, a.source as source_after,
                  (a.value is not distinct from b.value and a.source is not distinct from b.source and a.status is not distinct from b.status) as same
           from a full outer join b using (indicator, period, region, sector, qualification))`;
  const [counts] = rowsOf<{ added: number; removed: number; changed: number; unchanged: number }>(await db.execute(sql`${joined}
    select count(*) filter (where before is null)::int as added, count(*) filter (where after is null)::int as removed,
           count(*) filter (where before is not null and after is not null and not same)::int as changed,
           count(*) filter (where same)::int as unchanged from d`));
  const totals = rowsOf<{ indicator: string; unit: string; cells: number; before: number; after: number }>(await db.execute(sql`${joined}
    select indicator, unit, count(*)::int as cells, coalesce(sum(before), 0)::float8 as before, coalesce(sum(after), 0)::float8 as after
    from d where not same group by indicator, unit order by indicator, unit`));
  const cells = rowsOf<Record<string, unknown>>(await db.execute(sql`${joined}
    select indicator, period, region, sector, qualification, unit, before, after, source_before, source_after
    from d where not same order by abs(coalesce(after, 0) - coalesce(before, 0)) desc, indicator, region, sector, qualification, period
    limit ${limit + 1}`));
  const n = (x: unknown) => (x === null || x === undefined ? null : Number(x));
  return {
    version, parent,
    counts: { added: Number(counts.added), removed: Number(counts.removed), changed: Number(counts.changed), unchanged: Number(counts.unchanged) },
    totals: totals.map((t) => ({ ...t, cells: Number(t.cells), before: Number(t.before), after: Number(t.after) })),
    cells: cells.slice(0, limit).map((c) => ({
      indicator: String(c.indicator), period: String(c.period), region: String(c.region), sector: String(c.sector),
      qualification: String(c.qualification), unit: String(c.unit), before: n(c.before), after: n(c.after),
      sourceBefore: (c.source_before as string | null) ?? null, sourceAfter: (c.source_after as string | null) ?? null,
    })),
    truncated: cells.length > limit,
  };
}

/**
 * Makes version `id` current again. Returns it and whether the pointer moved
 * (false when it already was current).
 */
export async function rollbackTo(db: Db, id: number, actor: string): Promise<{ version: VersionInfo; moved: boolean; from: number | null }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(4207312)`);
    const [target] = await tx.select().from(datasetVersions).where(eq(datasetVersions.id, id)).limit(1);
    if (!target) throw notFoundProblem(`Dataset version ${id} does not exist.`);
    if (isBeingBuilt(target)) throw notFoundProblem(`Dataset version ${id} is an upload still being stored.`);
    const [current] = await tx.select().from(datasetVersions).where(eq(datasetVersions.isCurrent, true)).limit(1);
    if (current?.id === id) return { version: toVersionInfo(target), moved: false, from: id };
    await tx.update(datasetVersions).set({ isCurrent: false }).where(eq(datasetVersions.isCurrent, true));
    const [row] = await tx.update(datasetVersions).set({ isCurrent: true }).where(eq(datasetVersions.id, id)).returning();
    await tx.insert(auditLog).values({
      actor, action: 'dataset.rollback', target: `dataset_version:${id}`, detail: { from: current?.id ?? null, to: id },
    });
    return { version: toVersionInfo(row), moved: true, from: current?.id ?? null };
  });
}
