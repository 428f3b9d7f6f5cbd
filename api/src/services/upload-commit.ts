/**
 * Commits a validated upload as a new dataset version, copy-on-write:
 *
 *   new version = the current version's observations, with every uploaded
 *                 cell (indicator, period, region, sector, qualification)
 *                 replaced by the uploaded value, and new cells added.
 *
 * One transaction: the uploaded rows are inserted first (unnest batches), then
 * `INSERT … SELECT` copies the parent's rows and `ON CONFLICT DO NOTHING` on the
 * cell index skips the ones the upload replaced, so nothing of the parent is
 * read into Node. The same file (same observations hash) is stored once: a
 * re-upload returns the version it created.
 *
 * The version is written NOT current: the caller computes its results, then
 * `promoteVersion` moves the current pointer in a short transaction, so readers
 * never see a version without results; `discardVersion` drops it if that fails.
 */
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Observation } from '@lmo/models';
import type { Db } from '../db/client';
import { auditLog, datasetVersions, observations } from '../db/schema';
import { ProblemError } from '../http/problem';
import { toVersionInfo, type VersionInfo } from './dataset-versions';

export interface UploadCommitMeta {
  label: string;
  actor: string;
  format: string;
  fileName?: string;
  /** `ParsedUpload.hash`: identifies the uploaded data. */
  uploadHash: string;
  records: number;
}

export interface UploadCommit {
  version: VersionInfo;
  /** False when the same data had been uploaded before (nothing written). */
  created: boolean;
  /** Cells in the upload. */
  cells: number;
}

// Rows per INSERT … SELECT FROM unnest(…).
const BATCH = 20_000;
// Serialises uploads and rollbacks across instances (PostgreSQL); harmless on PGlite.
const COMMIT_LOCK = 4_207_312;

/** `fingerprint` of upload versions: the uploaded data's hash, so a re-upload is recognised. */
export const uploadFingerprint = (hash: string) => `upload:${hash}`;

/** Finds the version an identical upload created. */
export async function findUpload(db: Db, uploadHash: string): Promise<VersionInfo | null> {
  const [row] = await db.select().from(datasetVersions).where(eq(datasetVersions.fingerprint, uploadFingerprint(uploadHash))).limit(1);
  return row ? toVersionInfo(row) : null;
}

/** Stores `rows` (already validated) as a new current version; see the module comment. */
export async function commitUpload(db: Db, rows: readonly Observation[], meta: UploadCommitMeta): Promise<UploadCommit> {
  const existing = await findUpload(db, meta.uploadHash);
  if (existing) return { version: existing, created: false, cells: rows.length };

  const version = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${COMMIT_LOCK})`);
    // Re-check under the lock: a concurrent identical upload may have just committed.
    const [again] = await tx.select().from(datasetVersions).where(eq(datasetVersions.fingerprint, uploadFingerprint(meta.uploadHash))).limit(1);
    if (again) return { info: toVersionInfo(again), created: false };
    const [parent] = await tx.select().from(datasetVersions).where(eq(datasetVersions.isCurrent, true)).limit(1);
    // The version hash chains the parent's content hash with the upload's, so equal hashes mean equal content.
    const hash = createHash('sha256').update(`${parent?.hash ?? ''}+${meta.uploadHash}`).digest('hex');
    const [row] = await tx.insert(datasetVersions).values({
      hash, label: meta.label, kind: 'upload', rowCount: 0, parentId: parent?.id ?? null, isCurrent: false,
      createdBy: meta.actor, fingerprint: uploadFingerprint(meta.uploadHash),
    }).returning();
    for (let i = 0; i < rows.length; i += BATCH) await insertBatch(tx as unknown as Db, row.id, rows.slice(i, i + BATCH));
    if (parent) {
      await tx.execute(sql`
        insert into ${observations} (dataset_version_id, indicator, period, region, sector, qualification, value, unit, source, status)
        select ${row.id}, indicator, period, region, sector, qualification, value, unit, source, status
        from ${observations} where dataset_version_id = ${parent.id}
        on conflict (dataset_version_id, indicator, region, sector, qualification, period) do nothing`);
    }
    const counted = await tx.execute<{ n: number }>(sql`select count(*)::int as n from ${observations} where dataset_version_id = ${row.id}`);
    const total = Number((counted as unknown as { rows: { n: number }[] }).rows[0].n);
    const [updated] = await tx.update(datasetVersions).set({ rowCount: total }).where(eq(datasetVersions.id, row.id)).returning();
    await tx.insert(auditLog).values({
      actor: meta.actor, action: 'dataset.upload', target: `dataset_version:${row.id}`,
      detail: { label: meta.label, format: meta.format, fileName: meta.fileName ?? null, records: meta.records, cells: rows.length, total, uploadHash: meta.uploadHash, parentId: parent?.id ?? null },
    });
    return { info: toVersionInfo(updated), created: true };
  });
  return { version: version.info, created: version.created, cells: rows.length };
}

/**
 * Makes a freshly committed version current. Fails with 409 when another
 * upload or rollback moved the pointer since (this version would silently
 * drop its cells); the caller discards the version and the analyst retries.
 */
export async function promoteVersion(db: Db, version: VersionInfo, actor: string): Promise<VersionInfo> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${COMMIT_LOCK})`);
    const [current] = await tx.select().from(datasetVersions).where(eq(datasetVersions.isCurrent, true)).limit(1);
    if ((current?.id ?? null) !== version.parentId) {
      throw new ProblemError({
        type: '/api/problems/conflict', title: 'Data changed meanwhile', status: 409,
        detail: `Version ${current?.id} became current while this upload was processed (it was based on ${version.parentId}); nothing was stored, upload again.`,
      });
    }
    await tx.update(datasetVersions).set({ isCurrent: false }).where(eq(datasetVersions.isCurrent, true));
    const [row] = await tx.update(datasetVersions).set({ isCurrent: true }).where(eq(datasetVersions.id, version.id)).returning();
    await tx.insert(auditLog).values({ actor, action: 'dataset.current', target: `dataset_version:${version.id}`, detail: { from: current?.id ?? null } });
    return toVersionInfo(row);
  });
}

/** Deletes a version that never became current (its observations and results cascade). */
export async function discardVersion(db: Db, id: number): Promise<void> {
  await db.delete(datasetVersions).where(sql`${datasetVersions.id} = ${id} and not ${datasetVersions.isCurrent}`);
}

/** One INSERT … SELECT FROM unnest(arrays) per batch: constant parameters, one round trip. */
async function insertBatch(db: Db, versionId: number, rows: readonly Observation[]): Promise<void> {
  const col = <K extends keyof Observation>(k: K) => sql.param(rows.map((o) => o[k]));
  await db.execute(sql`
    insert into ${observations} (dataset_version_id, indicator, period, region, sector, qualification, value, unit, source, status)
    select ${versionId}, * from unnest(
      ${col('indicator')}::text[], ${col('period')}::text[], ${col('region')}::text[], ${col('sector')}::text[],
      ${col('qualification')}::text[], ${col('value')}::float8[], ${col('unit')}::text[], ${col('source')}::text[], ${col('status')}::text[])`);
}
