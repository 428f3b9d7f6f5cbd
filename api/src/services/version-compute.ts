/**
 * The version builder's middle step (see version-builder.ts): computing a `building`
 * version's results, and what a failure leaves behind (`failed`, nothing held), so a
 * version whose model run failed can never be promoted.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { datasetVersions, observations, results } from '../db/schema';
import type { VersionInfo } from './dataset-versions';

/**
 * Step 2: computes a `building` version's results with `compute` (compute.ts
 * computeResults). When it throws, the version is marked `failed` and its rows and
 * results are deleted, so it can never be promoted; the error is rethrown.
 */
export async function computeVersion<T>(db: Db, version: VersionInfo, compute: (db: Db, versionId: number) => Promise<T>): Promise<T> {
  try {
    return await compute(db, version.id);
  } catch (error) {
    await failVersion(db, version.id).catch(() => {});
    throw error;
  }
}

/** Marks a version that is still being built `failed` and deletes what it held. */
async function failVersion(db: Db, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(datasetVersions)
      .set({ state: 'failed' })
      .where(and(eq(datasetVersions.id, id), eq(datasetVersions.state, 'building')))
      .returning({ id: datasetVersions.id });
    if (!row) return;
    await tx.delete(results).where(eq(results.datasetVersionId, id));
    await tx.delete(observations).where(eq(observations.datasetVersionId, id));
  });
}
