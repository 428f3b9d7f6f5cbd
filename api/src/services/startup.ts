/**
 * Opens the database, applies migrations and loads the seeds, holding the
 * startup lock so concurrent instances do this once.
 */
import { openDatabase, type Database, type DatabaseConfig } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { seedDatabase, type SeedOutcome } from './seed';
import { discardBuilding } from './version-pointer';

export interface OpenedDatabase {
  database: Database;
  /** Milliseconds per start-up step, for logs and the bench. */
  timings: { openMs: number; migrateMs: number; seedMs: number };
}

export interface StartedDatabase extends OpenedDatabase {
  seed: SeedOutcome | null;
}

/** Opens `config` and brings its schema up to date. */
export async function openAndMigrate(config: DatabaseConfig): Promise<OpenedDatabase> {
  const t0 = performance.now();
  const database = await openDatabase(config);
  const timings = { openMs: Math.round(performance.now() - t0), migrateMs: 0, seedMs: 0 };
  try {
    const t1 = performance.now();
    await database.withStartupLock(async (db) => {
      await migrateDatabase(database, db);
      // Versions a crash left `building` (issue 6); on PostgreSQL only stale ones, other instances may be computing theirs.
      await discardBuilding(db, database.kind === 'pglite' ? 0 : 60);
    });
    timings.migrateMs = Math.round(performance.now() - t1);
    return { database, timings };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Loads the seeds (or `seedRows`) unless already there, under the startup lock. */
export async function seedOnce(opened: OpenedDatabase, seedRows?: readonly unknown[]): Promise<SeedOutcome> {
  const t = performance.now();
  const outcome = await opened.database.withStartupLock((db) => seedDatabase(db, seedRows));
  opened.timings.seedMs = Math.round(performance.now() - t);
  return outcome;
}

/** Ready-to-use database: opened, migrated and seeded. `seedRows` overrides the committed seeds (tests, benches). */
export async function startDatabase(config: DatabaseConfig, options: { seed?: boolean; seedRows?: readonly unknown[] } = {}): Promise<StartedDatabase> {
  const opened = await openAndMigrate(config);
  try {
    const seed = options.seed === false ? null : await seedOnce(opened, options.seedRows);
    return { ...opened, seed };
  } catch (error) {
    await opened.database.close();
    throw error;
  }
}
