/**
 * Opens the database, applies migrations and loads the seeds, holding the
 * startup lock so concurrent instances do this once.
 */
import { openDatabase, type Database, type DatabaseConfig } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { seedDatabase, type SeedOutcome } from './seed';

export interface StartedDatabase {
  database: Database;
  seed: SeedOutcome | null;
}

/** Ready-to-use database. `seedRows` overrides the committed seeds (tests, benches). */
export async function startDatabase(
  config: DatabaseConfig,
  options: { seed?: boolean; seedRows?: readonly unknown[] } = {},
): Promise<StartedDatabase> {
  const database = await openDatabase(config);
  try {
    const seed = await database.withStartupLock(async (db) => {
      await migrateDatabase(database, db);
      if (options.seed === false) return null;
      return options.seedRows ? seedDatabase(db, options.seedRows) : seedDatabase(db);
    });
    return { database, seed };
  } catch (error) {
    await database.close();
    throw error;
  }
}
