/**
 * Reading and switching dataset versions. A version is immutable; only the
 * `is_current` pointer moves.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { datasetVersions, results } from '../db/schema';
import { DomainError } from '../domain-error';

/** A dataset version as the API shows it. */
export interface VersionInfo {
  id: number;
  label: string;
  kind: string;
  hash: string;
  rowCount: number;
  parentId: number | null;
  createdAt: string;
  computedAt: string | null;
  computeMs: number | null;
  createdBy: string | null;
  isCurrent: boolean;
  /** Seeds only: sha256 of the seed files it was loaded from (`fingerprintFiles`); null otherwise. */
  seedFingerprint?: string | null;
  /** Fingerprint of the model code that computed the stored results (model-fingerprint.ts); null before. */
  resultsModel?: string | null;
}

type Row = typeof datasetVersions.$inferSelect;

/** Maps a database row to the API shape. */
export function toVersionInfo(row: Row): VersionInfo {
  return {
    id: row.id,
    label: row.label,
    kind: row.kind,
    hash: row.hash,
    rowCount: row.rowCount,
    parentId: row.parentId,
    createdAt: new Date(row.createdAt).toISOString(),
    computedAt: row.computedAt ? new Date(row.computedAt).toISOString() : null,
    computeMs: row.computeMs,
    createdBy: row.createdBy,
    isCurrent: row.isCurrent,
    seedFingerprint: row.fingerprint ?? null,
    resultsModel: row.resultsModel ?? null,
  };
}

const currentQuery = (db: Db) => db.select().from(datasetVersions).where(eq(datasetVersions.isCurrent, true)).limit(1).prepare('lmo_current_version');
// Health and the results store ask for the current version on (almost) every request:
// a prepared statement skips Drizzle's query building, ~3× faster on PGlite.
const prepared = new WeakMap<Db, ReturnType<typeof currentQuery>>();

/** The current version, or null before anything is loaded. One indexed lookup. */
export async function getCurrentVersion(db: Db): Promise<VersionInfo | null> {
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = currentQuery(db)));
  const rows = await query.execute();
  return rows[0] ? toVersionInfo(rows[0]) : null;
}

/** `version`, or a NO_DATA_LOADED error (503) when nothing has been loaded yet (null). */
export function requirePresent(version: VersionInfo | null): VersionInfo {
  if (!version) {
    throw new DomainError('NO_DATA_LOADED', 'No dataset version has been loaded yet.');
  }
  return version;
}

/** A version by id, or null. */
export async function getVersion(db: Db, id: number): Promise<VersionInfo | null> {
  const rows = await db.select().from(datasetVersions).where(eq(datasetVersions.id, id)).limit(1);
  return rows[0] ? toVersionInfo(rows[0]) : null;
}

/**
 * A version analysts may see, or null: only `ready` ones. A version still being
 * built (or left by a crash), or whose compute failed, is never diffed, listed
 * or rolled back to.
 */
export async function getVisibleVersion(db: Db, id: number): Promise<VersionInfo | null> {
  const rows = await db
    .select()
    .from(datasetVersions)
    .where(and(eq(datasetVersions.id, id), eq(datasetVersions.state, 'ready')))
    .limit(1);
  return rows[0] ? toVersionInfo(rows[0]) : null;
}

/** Finds a `ready` version with exactly this content hash. */
export async function findVersionByHash(db: Db, hash: string): Promise<VersionInfo | null> {
  const rows = await db
    .select()
    .from(datasetVersions)
    .where(and(eq(datasetVersions.hash, hash), eq(datasetVersions.state, 'ready')))
    .orderBy(desc(datasetVersions.id))
    .limit(1);
  return rows[0] ? toVersionInfo(rows[0]) : null;
}

/** Marks results for `id` as stored, computed by the model code `model` (model-fingerprint.ts). */
export async function markComputed(db: Db, id: number, computeMs: number, model: string): Promise<void> {
  await db
    .update(datasetVersions)
    .set({ computedAt: sql`now()`, computeMs, resultsModel: model })
    .where(eq(datasetVersions.id, id));
}

/** True when `version`'s stored results exist and were computed by the model code `model`. */
export const hasResultsOf = (version: Pick<VersionInfo, 'computedAt' | 'resultsModel'>, model: string): boolean =>
  version.computedAt !== null && version.resultsModel === model;

/**
 * Drops the results of `id` that another model computed and marks them missing, in one
 * transaction, so they are computed again (never half: readers see either the old set or none).
 */
export async function discardResults(db: Db, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(results).where(eq(results.datasetVersionId, id));
    await tx.update(datasetVersions).set({ computedAt: null, computeMs: null, resultsModel: null }).where(eq(datasetVersions.id, id));
  });
}
