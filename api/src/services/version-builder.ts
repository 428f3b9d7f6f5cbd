/**
 * The one way a dataset version is written — seeds, uploads, the CLI and tests alike:
 *
 *   build   → a new row in state `building`, NOT current, with all its observations;
 *   compute → its results are stored; a failure marks it `failed` (rows deleted), never current;
 *   promote → under VERSION_LOCK, checked against the current version, it becomes
 *             `ready` and current in one short transaction with its audit entry.
 *
 *   building ──promote──▶ ready        building ──compute fails──▶ failed
 *   building ──promotion refused / crash──▶ deleted (discardVersion, discardBuilding)
 *
 * The database enforces that only a `ready` version can be current (schema.ts), so
 * readers only ever see complete versions. Seeds skip `compute` on purpose: a first
 * start serves at once and the results store computes the seed version's results.
 *
 * This module holds the build step (writing the rows, copying the parent's other cells);
 * compute is in version-compute.ts, promote and discard in version-pointer.ts.
 */
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Observation } from '@lmo/models';
import type { Db } from '../db/client';
import { datasetVersions, observations } from '../db/schema';
import { DomainError } from '../domain-error';
import { toVersionInfo, type VersionInfo } from './dataset-versions';
import { sourceIds } from './sources';
import { discardVersion } from './version-pointer';

// Rows per statement: ~100 ms of PGlite work, so other requests get the event loop between statements.
const ROWS_PER_STATEMENT = 4_000;

interface BuildCommon {
  label: string;
  /** `seed` or `upload`. */
  kind: string;
  /** Token id, `system` or `cli`. */
  actor: string;
  /**
   * Write in one transaction (default): a crash leaves nothing. False (embedded PGlite, whose
   * queries run on this thread): short statements, so readers keep being answered; a crash
   * then leaves a `building` row that `discardBuilding` removes at the next start.
   */
  atomic?: boolean;
  /**
   * The version the caller read and checked the rows against (null: none). When another
   * version became current since, the build stops with DATA_CHANGED before writing: its
   * checks (official conflicts, population) or its merged rows would belong to the old one.
   */
  basedOn?: number | null;
}

/** What to build: a whole dataset (`replace`) or cells laid over the current version (`overlay`). */
export type BuildSpec = BuildCommon &
  (
    | { mode: 'replace'; /** Content hash of `rows` (ingest.ts contentHash). */ hash: string; /** Seeds: the files' fingerprint. */ fingerprint?: string }
    | { mode: 'overlay'; /** The uploaded data's hash. */ uploadHash: string }
  );

/**
 * Step 1: writes a new `building` version. `overlay` copies the current version's
 * other cells in SQL (`INSERT … SELECT … WHERE NOT EXISTS`), so nothing of the
 * parent is read into Node; its hash chains the parent's hash with the upload's.
 */
export async function buildVersion(db: Db, rows: readonly Observation[], spec: BuildSpec): Promise<VersionInfo> {
  if (spec.atomic ?? true) return db.transaction((tx) => writeVersion(tx as unknown as Db, rows, spec));
  return writeVersion(db, rows, spec, async (id) => {
    await discardVersion(db, id).catch(() => {});
  });
}

async function writeVersion(db: Db, rows: readonly Observation[], spec: BuildSpec, onError?: (id: number) => Promise<void>): Promise<VersionInfo> {
  const [parent] = await db.select().from(datasetVersions).where(eq(datasetVersions.isCurrent, true)).limit(1);
  if (spec.basedOn !== undefined && (parent?.id ?? null) !== spec.basedOn) {
    throw new DomainError(
      'DATA_CHANGED',
      `${parent ? `Version ${parent.id} is current` : 'No version is current'} while the data were checked against ${spec.basedOn === null ? 'none' : `version ${spec.basedOn}`}; nothing was stored, try again.`,
    );
  }
  const overlay = spec.mode === 'overlay';
  const hash = overlay
    ? createHash('sha256')
        .update(`${parent?.hash ?? ''}+${spec.uploadHash}`)
        .digest('hex')
    : spec.hash;
  const [row] = await db
    .insert(datasetVersions)
    .values({
      hash,
      label: spec.label,
      kind: spec.kind,
      rowCount: 0,
      parentId: parent?.id ?? null,
      isCurrent: false,
      createdBy: spec.actor,
      state: 'building',
      uploadHash: overlay ? spec.uploadHash : null,
      fingerprint: overlay ? null : (spec.fingerprint ?? null),
    })
    .returning();
  try {
    // Citations are few and repeat across batches: turned into ids once.
    const ids = await sourceIds(
      db,
      rows.map((o) => o.source),
    );
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) await insertBatch(db, row.id, rows.slice(i, i + ROWS_PER_STATEMENT), ids);
    if (overlay && parent) await copyOtherCells(db, parent.id, row.id);
    // Only an overlay's copied cells are not known here; a replacement holds exactly `rows`.
    const total = overlay && parent ? await countRows(db, row.id) : rows.length;
    const [updated] = await db.update(datasetVersions).set({ rowCount: total }).where(eq(datasetVersions.id, row.id)).returning();
    return toVersionInfo(updated);
  } catch (error) {
    await onError?.(row.id);
    throw error;
  }
}

async function countRows(db: Db, id: number): Promise<number> {
  const counted = await db.execute(sql`select count(*)::int as n from ${observations} where dataset_version_id = ${id}`);
  return Number((counted as unknown as { rows: { n: number }[] }).rows[0].n);
}

/** Copies the parent's cells the new version does not have, in id ranges (a version's rows were inserted together). */
async function copyOtherCells(db: Db, parentId: number, id: number): Promise<void> {
  const range = await db.execute(sql`select min(id) as lo, max(id) as hi from ${observations} where dataset_version_id = ${parentId}`);
  const { lo, hi } = (range as unknown as { rows: { lo: string | number | null; hi: string | number | null }[] }).rows[0];
  for (let from = Number(lo ?? 1); lo !== null && from <= Number(hi); from += ROWS_PER_STATEMENT) {
    await db.execute(sql`
      insert into ${observations} (dataset_version_id, indicator, period, region, sector, qualification, value, unit, source_id, status)
      select ${id}, indicator, period, region, sector, qualification, value, unit, source_id, status
      from ${observations} o where o.dataset_version_id = ${parentId} and o.id >= ${from} and o.id < ${from + ROWS_PER_STATEMENT}
        and not exists (select 1 from ${observations} n where n.dataset_version_id = ${id} and n.indicator = o.indicator
          and n.period = o.period and n.region = o.region and n.sector = o.sector and n.qualification = o.qualification)`);
  }
}

/**
 * One INSERT … SELECT FROM unnest(arrays): a constant number of parameters and
 * one round trip per batch, on PGlite and PostgreSQL alike. Citations are
 * stored once (sources.ts) and sent as ids, not as a text per row.
 */
async function insertBatch(db: Db, versionId: number, rows: readonly Observation[], ids: ReadonlyMap<string, number>): Promise<void> {
  if (rows.length === 0) return;
  const col = <K extends keyof Observation>(k: K) => sql.param(rows.map((o) => o[k]));
  await db.execute(sql`
    insert into ${observations} (dataset_version_id, indicator, period, region, sector, qualification, value, unit, source_id, status)
    select ${versionId}, * from unnest(
      ${col('indicator')}::text[], ${col('period')}::text[], ${col('region')}::text[], ${col('sector')}::text[],
      ${col('qualification')}::text[], ${col('value')}::float8[], ${col('unit')}::text[], ${sql.param(rows.map((o) => ids.get(o.source)!))}::int[], ${col('status')}::text[])`);
}

/** The current version when an identical upload made it (uploading it again would change nothing), else null. */
export async function findCurrentUpload(db: Db, uploadHash: string): Promise<VersionInfo | null> {
  const [row] = await db
    .select()
    .from(datasetVersions)
    .where(and(eq(datasetVersions.uploadHash, uploadHash), eq(datasetVersions.isCurrent, true)))
    .limit(1);
  return row ? toVersionInfo(row) : null;
}
