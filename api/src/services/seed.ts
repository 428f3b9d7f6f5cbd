/**
 * Loads the committed seed dataset through the same ingestion path as uploads.
 * The content hash makes a second start a no-op.
 */
import type { Db } from '../db/client';
import { findVersionByHash, getCurrentVersion, type VersionInfo } from './dataset-versions';
import { contentHash, ingestObservations } from './ingest';
import { validateObservations } from './observation-rules';

export type SeedOutcome =
  | { action: 'loaded'; version: VersionInfo; ms: number }
  | { action: 'present'; version: VersionInfo }
  | { action: 'kept-analyst-data'; version: VersionInfo };

/**
 * Seeds `db` unless these seeds were loaded before. If analysts have uploaded
 * data since, newer seeds do not silently replace it.
 */
export async function seedDatabase(db: Db, seedRows?: readonly unknown[]): Promise<SeedOutcome> {
  const t = performance.now();
  // Loaded only when needed: reading the seed CSVs is the slow part of a warm start.
  const rows = seedRows ?? (await import('@lmo/seeds')).readSeedObservations();
  const checked = validateObservations(rows);
  const existing = checked.errors.length === 0 ? await findVersionByHash(db, contentHash(checked.rows)) : null;
  if (existing) return { action: 'present', version: existing };
  const current = await getCurrentVersion(db);
  if (current && current.kind !== 'seed') return { action: 'kept-analyst-data', version: current };
  const result = await ingestObservations(db, rows, { label: 'Seed dataset (seeds/data)', kind: 'seed', actor: 'system', mode: 'replace' });
  return { action: 'loaded', version: result.version, ms: Math.round(performance.now() - t) };
}
