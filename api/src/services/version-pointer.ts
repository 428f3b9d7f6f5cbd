/**
 * Moves of the current-version pointer and the removal of versions that never became
 * current (the version builder's last step, see version-builder.ts; rollbacks in
 * versions-service.ts): VERSION_LOCK serialises every move across instances, a promotion
 * is checked against the version the build was based on, and each move is audited.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditLog, datasetVersions } from '../db/schema';
import { DomainError } from '../domain-error';
import { toVersionInfo, type VersionInfo } from './dataset-versions';

/** The one advisory-lock key that serialises promotions and rollbacks across instances (PostgreSQL). */
const VERSION_LOCK = 4_207_312;

type VersionRow = typeof datasetVersions.$inferSelect;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Runs `step` in one transaction that holds VERSION_LOCK, given the current version's row.
 * Promotions and rollbacks both move the current pointer through here, so they serialise
 * across instances and each sees the pointer as it is once the lock is held.
 */
export async function underVersionLock<T>(db: Db, step: (tx: Tx, current: VersionRow | undefined) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${VERSION_LOCK})`);
    const [current] = await tx.select().from(datasetVersions).where(eq(datasetVersions.isCurrent, true)).limit(1);
    return step(tx, current);
  });
}

/** Who moved the current pointer and why, for the audit log; `detail` sees the row made current. */
export interface PointerAudit {
  actor: string;
  action: string;
  detail: (row: VersionRow) => Record<string, unknown>;
}

/**
 * Inside `underVersionLock`: makes version `id` current (only if `onlyIf` holds; with `set` on it)
 * and records it in the audit log. Undefined, with nothing moved once the transaction is rolled
 * back by the caller's error, when no row matched.
 */
export async function moveCurrent(
  tx: Tx,
  id: number,
  audit: PointerAudit,
  { set = {}, onlyIf }: { set?: Partial<VersionRow>; onlyIf?: SQL } = {},
): Promise<VersionRow | undefined> {
  await tx.update(datasetVersions).set({ isCurrent: false }).where(eq(datasetVersions.isCurrent, true));
  const [row] = await tx
    .update(datasetVersions)
    .set({ ...set, isCurrent: true })
    .where(and(eq(datasetVersions.id, id), onlyIf))
    .returning();
  if (!row) return undefined;
  await tx.insert(auditLog).values({ actor: audit.actor, action: audit.action, target: `dataset_version:${row.id}`, detail: audit.detail(row) });
  return row;
}

/** The audit entry a promotion writes; `total` (rows) and `parentId` are added to `detail`. */
export interface PromoteSpec {
  actor: string;
  /** `dataset.ingest` or `dataset.upload`. */
  action: string;
  detail: Record<string, unknown>;
}

/**
 * Step 3: makes a built version current. Returns `created: false` with the current
 * version when the same content became current meanwhile (the caller discards this one).
 * Fails with DATA_CHANGED when another version became current since the build: promoting
 * would silently drop its cells.
 */
export async function promoteVersion(db: Db, version: VersionInfo, spec: PromoteSpec): Promise<{ version: VersionInfo; created: boolean }> {
  return underVersionLock(db, async (tx, current) => {
    if (current && current.hash === version.hash) return { version: toVersionInfo(current), created: false };
    if ((current?.id ?? null) !== version.parentId) {
      throw new DomainError(
        'DATA_CHANGED',
        `Version ${current?.id} became current while version ${version.id} was being stored (it was based on ${version.parentId}); nothing was stored, try again.`,
      );
    }
    const audit = { actor: spec.actor, action: spec.action, detail: (r: VersionRow) => ({ ...spec.detail, total: r.rowCount, parentId: r.parentId }) };
    const row = await moveCurrent(tx, version.id, audit, { set: { state: 'ready' }, onlyIf: eq(datasetVersions.state, 'building') });
    // Throwing rolls the transaction back: the previous version stays current.
    if (!row) throw new DomainError('UPLOAD_DISCARDED', `Version ${version.id} was removed before it could be made current; nothing was stored, try again.`);
    return { version: toVersionInfo(row), created: true };
  });
}

/**
 * promoteVersion for a caller that built `version` itself: the built copy is discarded when
 * promotion fails or when the same content was already current (`created: false`).
 */
export async function promoteOrDiscard(db: Db, version: VersionInfo, spec: PromoteSpec): Promise<{ version: VersionInfo; created: boolean }> {
  const promoted = await promoteVersion(db, version, spec).catch(async (error: unknown) => {
    await discardVersion(db, version.id);
    throw error;
  });
  if (!promoted.created) await discardVersion(db, version.id);
  return promoted;
}

/** Deletes a version that never became current (its observations and results cascade). */
export async function discardVersion(db: Db, id: number): Promise<void> {
  await db.delete(datasetVersions).where(and(eq(datasetVersions.id, id), eq(datasetVersions.isCurrent, false)));
}

/**
 * Deletes versions a crash left `building`. Call at start-up. `olderThanMinutes` protects
 * versions other live instances are still building (PostgreSQL); 0 for embedded PGlite.
 */
export async function discardBuilding(db: Db, olderThanMinutes = 0): Promise<number> {
  const gone = await db
    .delete(datasetVersions)
    .where(
      sql`${datasetVersions.state} = 'building' and not ${datasetVersions.isCurrent}
    and ${datasetVersions.createdAt} <= now() - make_interval(mins => ${olderThanMinutes})`,
    )
    .returning({ id: datasetVersions.id });
  return gone.length;
}
