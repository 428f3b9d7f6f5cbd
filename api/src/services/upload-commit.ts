/**
 * Stores a validated upload as a new dataset version, copy-on-write:
 *
 *   new version = the current version's observations, with every uploaded
 *                 cell (indicator, period, region, sector, qualification)
 *                 replaced by the uploaded value, and new cells added.
 *
 * 1. `buildUploadVersion` writes the version while it is NOT current and not
 *    yet findable: the uploaded rows (unnest batches), then the parent's other
 *    rows with `INSERT … SELECT … WHERE NOT EXISTS`, so nothing of the parent is
 *    read into Node. Statements are kept short (a few thousand rows) because an
 *    embedded PGlite query blocks the event loop: readers keep being answered.
 *    On PostgreSQL this runs in one transaction.
 * 2. The caller computes the version's results.
 * 3. `promoteUpload` makes it current in one short transaction, with its audit
 *    entry; `discardVersion` deletes it (rows and results cascade) if 2 or 3 fail.
 * Readers therefore only ever see complete versions with their results. Uploading
 * the data that made the current version again changes nothing (`duplicate`);
 * the data of an older, non-current version (e.g. after a rollback) are applied
 * on top of the current one as a new version, as an analyst expects.
 */
import { createHash } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Observation } from '@lmo/models';
import type { Db } from '../db/client';
import { auditLog, datasetVersions, observations } from '../db/schema';
import { DomainError } from '../domain-error';
import { toVersionInfo, type VersionInfo } from './dataset-versions';
import { insertBatch } from './ingest';

export interface UploadCommitMeta {
  label: string;
  actor: string;
  format: string;
  fileName?: string;
  /** `ParsedUpload.hash`: identifies the uploaded data. */
  uploadHash: string;
  records: number;
  cells: number;
  /** Official cells replaced by non-official values (replaceOfficial=true), for the audit log. */
  officialReplaced?: number;
  /** More for the audit entry's detail: who (token name, scope) and for which areas (issue 15 §9). */
  audit?: Record<string, unknown>;
}

// Rows per statement: ~100 ms of PGlite work, so other requests get the event loop between statements.
const ROWS_PER_STATEMENT = 4_000;
// Serialises promotions and rollbacks across instances (PostgreSQL); harmless on PGlite.
export const COMMIT_LOCK = 4_207_312;

/** `fingerprint` of upload versions: the uploaded data's hash, so a re-upload is recognised. */
export const uploadFingerprint = (hash: string) => `upload:${hash}`;

/** The current version when an identical upload created it (so uploading it again would change nothing), else null. */
export async function findUpload(db: Db, uploadHash: string): Promise<VersionInfo | null> {
  const [row] = await db.select().from(datasetVersions)
    .where(and(eq(datasetVersions.fingerprint, uploadFingerprint(uploadHash)), eq(datasetVersions.isCurrent, true))).limit(1);
  return row ? toVersionInfo(row) : null;
}

/**
 * Writes `rows` on top of the current version as a new, not yet current
 * version (step 1 above). `atomic` (PostgreSQL) writes it in one transaction:
 * a crash leaves nothing, and readers on other connections are not held up.
 * Embedded PGlite runs queries on this thread, so there the version is
 * written in short statements and a crash can leave an unpromoted version,
 * which `discardUnpromoted` removes at the next start.
 */
export async function buildUploadVersion(db: Db, rows: readonly Observation[], meta: UploadCommitMeta, options: { atomic?: boolean } = {}): Promise<VersionInfo> {
  if (options.atomic ?? true) return db.transaction((tx) => writeVersion(tx as unknown as Db, rows, meta));
  const building = await writeVersion(db, rows, meta, async (id) => { await discardVersion(db, id).catch(() => {}); });
  return building;
}

async function writeVersion(db: Db, rows: readonly Observation[], meta: UploadCommitMeta, onError?: (id: number) => Promise<void>): Promise<VersionInfo> {
  const [parent] = await db.select().from(datasetVersions).where(eq(datasetVersions.isCurrent, true)).limit(1);
  // The version hash chains the parent's content hash with the upload's: equal hashes mean equal content.
  const hash = createHash('sha256').update(`${parent?.hash ?? ''}+${meta.uploadHash}`).digest('hex');
  const [row] = await db.insert(datasetVersions).values({
    hash, label: meta.label, kind: 'upload', rowCount: 0, parentId: parent?.id ?? null, isCurrent: false, createdBy: meta.actor,
  }).returning();
  try {
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) await insertBatch(db, row.id, rows.slice(i, i + ROWS_PER_STATEMENT));
    if (parent) {
      const range = await db.execute(sql`select min(id) as lo, max(id) as hi from ${observations} where dataset_version_id = ${parent.id}`);
      const { lo, hi } = (range as unknown as { rows: { lo: string | number | null; hi: string | number | null }[] }).rows[0];
      // A version's rows were inserted together, so their ids are (nearly) contiguous: copy id ranges.
      for (let from = Number(lo ?? 1); lo !== null && from <= Number(hi); from += ROWS_PER_STATEMENT) {
        await db.execute(sql`
          insert into ${observations} (dataset_version_id, indicator, period, region, sector, qualification, value, unit, source_id, status)
          select ${row.id}, indicator, period, region, sector, qualification, value, unit, source_id, status
          from ${observations} o where o.dataset_version_id = ${parent.id} and o.id >= ${from} and o.id < ${from + ROWS_PER_STATEMENT}
            and not exists (select 1 from ${observations} n where n.dataset_version_id = ${row.id} and n.indicator = o.indicator
              and n.period = o.period and n.region = o.region and n.sector = o.sector and n.qualification = o.qualification)`);
      }
    }
    const counted = await db.execute(sql`select count(*)::int as n from ${observations} where dataset_version_id = ${row.id}`);
    const total = Number((counted as unknown as { rows: { n: number }[] }).rows[0].n);
    const [updated] = await db.update(datasetVersions).set({ rowCount: total }).where(eq(datasetVersions.id, row.id)).returning();
    return toVersionInfo(updated);
  } catch (error) {
    await onError?.(row.id);
    throw error;
  }
}

/**
 * Deletes upload versions that were never promoted (a crash between writing and
 * promoting). Call at start-up. `olderThanMinutes` protects versions other
 * live instances are still computing (PostgreSQL); 0 for embedded PGlite.
 */
export async function discardUnpromoted(db: Db, olderThanMinutes = 0): Promise<number> {
  const gone = await db.delete(datasetVersions).where(sql`${datasetVersions.kind} = 'upload' and ${datasetVersions.fingerprint} is null
    and not ${datasetVersions.isCurrent} and ${datasetVersions.createdAt} <= now() - make_interval(mins => ${olderThanMinutes})`).returning({ id: datasetVersions.id });
  return gone.length;
}

/**
 * Makes a built version current and findable by its upload hash (step 3).
 * Returns `created: false` with the other version when identical data were
 * promoted meanwhile (this one is then discarded by the caller). Fails with DATA_CHANGED (409)
 * when another upload or rollback moved the pointer since: this version would
 * silently drop its cells.
 */
export async function promoteUpload(db: Db, version: VersionInfo, meta: UploadCommitMeta): Promise<{ version: VersionInfo; created: boolean }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${COMMIT_LOCK})`);
    const [current] = await tx.select().from(datasetVersions).where(eq(datasetVersions.isCurrent, true)).limit(1);
    // The same data were promoted meanwhile (a concurrent identical upload): this version adds nothing.
    if (current && current.fingerprint === uploadFingerprint(meta.uploadHash)) return { version: toVersionInfo(current), created: false };
    if ((current?.id ?? null) !== version.parentId) {
      throw new DomainError('DATA_CHANGED',
        `Version ${current?.id} became current while this upload was processed (it was based on ${version.parentId}); nothing was stored, upload again.`);
    }
    await tx.update(datasetVersions).set({ isCurrent: false }).where(eq(datasetVersions.isCurrent, true));
    const [row] = await tx.update(datasetVersions).set({ isCurrent: true, fingerprint: uploadFingerprint(meta.uploadHash) })
      .where(and(eq(datasetVersions.id, version.id), isNull(datasetVersions.fingerprint))).returning();
    if (!row) throw new DomainError('UPLOAD_DISCARDED', `Version ${version.id} was removed before it could be made current; nothing was stored, upload again.`);
    await tx.insert(auditLog).values({
      actor: meta.actor, action: 'dataset.upload', target: `dataset_version:${version.id}`,
      detail: {
        label: meta.label, format: meta.format, fileName: meta.fileName ?? null, records: meta.records, cells: meta.cells,
        total: row.rowCount, uploadHash: meta.uploadHash, parentId: version.parentId, officialReplaced: meta.officialReplaced ?? 0,
        ...meta.audit,
      },
    });
    return { version: toVersionInfo(row), created: true };
  });
}

/** Deletes a version that never became current (its observations and results cascade). */
export async function discardVersion(db: Db, id: number): Promise<void> {
  await db.delete(datasetVersions).where(sql`${datasetVersions.id} = ${id} and not ${datasetVersions.isCurrent}`);
}

