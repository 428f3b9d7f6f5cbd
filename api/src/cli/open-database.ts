/**
 * How a CLI reaches the data. PostgreSQL (DATABASE_URL) is shared safely with
 * a running server. Embedded PGlite is single-process: while a server (or any
 * other process) has DATA_DIR open, PGlite's `postmaster.pid` is there, and
 * opening the directory a second time would corrupt it, so the CLI must not.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../config';
import type { Database } from '../db/client';
import { startDatabase } from '../services/startup';
import { liveOwner } from '../db/owner-file';

/** Shown when DATA_DIR is in use; `what` says what the user can do instead. */
export class DataDirBusyError extends Error {
  override readonly name = 'DataDirBusyError';
}

/** The PGlite directory the server would use, or null for PostgreSQL. */
export function embeddedDataDir(env: NodeJS.ProcessEnv): string | null {
  const config = loadConfig(env).database;
  return config.kind === 'pglite' ? (config.dataDir ?? null) : null;
}

/** True when another process holds the embedded database open. */
export function dataDirInUse(dataDir: string): boolean {
  // A postmaster.pid left by a killed server (its owner pid is dead) does not count.
  return existsSync(join(dataDir, 'postmaster.pid')) && liveOwner(dataDir) !== null;
}

/**
 * Opens the database for a CLI (migrated and seeded as the server would). Throws DataDirBusyError
 * when the embedded database is open elsewhere; `hint` is appended to the message.
 */
export async function openForCli(hint: string, env: NodeJS.ProcessEnv): Promise<Database> {
  const dir = embeddedDataDir(env);
  if (dir && dataDirInUse(dir)) {
    throw new DataDirBusyError(
      `The embedded database in ${dir} is in use (a server is running, or one stopped without closing it: ${join(dir, 'postmaster.pid')} exists). ` +
        `${hint} Never copy or edit the directory while it is open.`,
    );
  }
  // Seeded like the server would be on its first start, so a CLI-first directory ends up the same.
  const config = loadConfig(env);
  const { database } = await startDatabase(config.database, { seed: config.seed });
  return database;
}

/** True when the module at `url` is the script node was started with. */
export const isMain = (url: string) => !!process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === url;
