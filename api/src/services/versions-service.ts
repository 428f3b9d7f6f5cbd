/**
 * Version history for analysts: what an upload changed (diff against its
 * parent) and rollback. A rollback moves the `is_current` pointer back to an
 * earlier version (no data are copied, its stored results are reused) and is
 * recorded in the audit log; the next upload then builds on that version.
 */
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { datasetVersions } from '../db/schema';
import { notFound } from '../domain-error';
import { toVersionInfo, type VersionInfo } from './dataset-versions';
import { moveCurrent, underVersionLock } from './version-pointer';

export { diffVersion, DIFF_SORTS, type CellChange, type DiffSort, type VersionDiff } from './versions-diff';

/** Versions analysts can see, newest first: `ready` ones (those being built or failed are left out). */
export async function listVisibleVersions(db: Db, limit = 100): Promise<VersionInfo[]> {
  const rows = await db.select().from(datasetVersions).where(eq(datasetVersions.state, 'ready')).orderBy(desc(datasetVersions.id)).limit(limit);
  return rows.map(toVersionInfo);
}

/**
 * Makes version `id` current again. Returns it and whether the pointer moved
 * (false when it already was current).
 */
export async function rollbackTo(db: Db, id: number, actor: string): Promise<{ version: VersionInfo; moved: boolean; from: number | null }> {
  return underVersionLock(db, async (tx, current) => {
    const [target] = await tx.select().from(datasetVersions).where(eq(datasetVersions.id, id)).limit(1);
    if (!target) throw notFound(`Dataset version ${id} does not exist.`);
    if (target.state !== 'ready')
      throw notFound(`Dataset version ${id} is ${target.state === 'failed' ? 'a version whose results could not be computed' : 'still being stored'}.`);
    if (current?.id === id) return { version: toVersionInfo(target), moved: false, from: id };
    const audit = { actor, action: 'dataset.rollback', detail: () => ({ from: current?.id ?? null, to: id }) };
    const row = (await moveCurrent(tx, id, audit))!;
    return { version: toVersionInfo(row), moved: true, from: current?.id ?? null };
  });
}
