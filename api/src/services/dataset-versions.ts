/**
 * Reading and switching dataset versions. A version is immutable; only the
 * `is_current` pointer moves.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { datasetVersions } from '../db/schema';
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

/** Marks results for `id` as stored. */
export async function markComputed(db: Db, id: number, computeMs: number): Promise<void> {
  await db
    .update(datasetVersions)
    .set({ computedAt: sql`now()`, computeMs })
    .where(eq(datasetVersions.id, id));
}
