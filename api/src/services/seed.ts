/**
 * Loads the committed seed dataset through the version builder, as uploads are.
 * A fingerprint of the seed files lets a restart skip even reading them; the
 * content hash catches the same rows arriving in different files.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { datasetVersions } from '../db/schema';
import { DomainError } from '../domain-error';
import { findVersionByHash, getCurrentVersion, toVersionInfo, type VersionInfo } from './dataset-versions';
import { commitObservations, contentHash } from './ingest';
import { validateObservations } from './observation-rules';

export type SeedOutcome =
  { action: 'loaded'; version: VersionInfo; ms: number } | { action: 'present'; version: VersionInfo } | { action: 'kept-analyst-data'; version: VersionInfo };

/**
 * Seeds `db` unless these seeds were loaded before. If analysts have uploaded
 * data since, newer seeds do not silently replace it. `seedRows` replaces the
 * committed seed files (tests, benches).
 */
export async function seedDatabase(db: Db, seedRows?: readonly unknown[]): Promise<SeedOutcome> {
  const t = performance.now();
  let fingerprint: string | undefined;
  // The committed seeds were checked as they were parsed (parseLongCsv: the same long-format rules);
  // rows handed in by a caller (tests, benches) are checked here.
  let checked: ReturnType<typeof validateObservations>;
  if (seedRows) checked = validateObservations(seedRows);
  else {
    // Loaded only when needed: parsing the seed CSVs is the slow part of a start.
    const seeds = await import('@lmo/seeds');
    fingerprint = seeds.fingerprintFiles(seeds.SEED_FILES);
    const [known] = await db
      .select()
      .from(datasetVersions)
      .where(and(eq(datasetVersions.kind, 'seed'), eq(datasetVersions.fingerprint, fingerprint), eq(datasetVersions.state, 'ready')))
      .orderBy(desc(datasetVersions.id))
      .limit(1);
    if (known) return { action: 'present', version: toVersionInfo(known) };
    checked = { rows: seeds.readSeedObservations(), errors: [] };
  }
  if (checked.errors.length > 0) {
    throw new DomainError(
      'INVALID_SEED_DATA',
      `The seed dataset has ${checked.errors.length} problem(s); first: line ${checked.errors[0].line}: ${checked.errors[0].message}`,
      { errors: checked.errors.slice(0, 20) },
    );
  }
  const hash = contentHash(checked.rows);
  const existing = await findVersionByHash(db, hash);
  if (existing) return { action: 'present', version: existing };
  const current = await getCurrentVersion(db);
  if (current && current.kind !== 'seed') return { action: 'kept-analyst-data', version: current };
  const result = await commitObservations(
    db,
    checked.rows,
    {
      label: 'Seed dataset (seeds/data)',
      kind: 'seed',
      actor: 'system',
      mode: 'replace',
      fingerprint,
    },
    hash,
  );
  return { action: 'loaded', version: result.version, ms: Math.round(performance.now() - t) };
}
