/**
 * Opens the database: PGlite on disk by default, PostgreSQL through a `pg` Pool
 * when a `postgres://` URL is given. Both expose the same Drizzle API. PGlite runs
 * in its own worker thread (pglite-thread.ts), so its statements never hold up the
 * request thread; LMO_PGLITE_THREAD=0 runs it on the calling thread instead.
 */
import { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import { claimOwner, liveOwner, releaseOwner } from './owner-file';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { openPgliteThread, type PgliteClient } from './pglite-thread';
import * as schema from './schema';

export type Schema = typeof schema;
/** The Drizzle database, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseConfig =
  /**
   * `template`: a dumped data dir (PGlite `dumpDataDir`) to start from instead of running initdb.
   * `thread`: run PGlite in its own worker thread (default true). `sharedBuffers`: default 16MB (pgliteStartParams).
   */
  | { kind: 'pglite'; dataDir?: string; template?: Blob; thread?: boolean; sharedBuffers?: string }
  /** `queryTimeoutMs`: a query without an answer after this long fails (default 60 s; 0 = never). */
  | { kind: 'postgres'; url: string; max?: number; queryTimeoutMs?: number };

export interface Database {
  db: Db;
  /** The underlying PGlite client, in its worker thread or not (PGlite only). */
  client?: PgliteClient;
  kind: DatabaseConfig['kind'];
  /** Where the data lives, for logs (never prints a password). */
  describe: string;
  /** Runs `fn` holding a cross-process lock, so two instances never migrate or seed at once. */
  withStartupLock<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` holding the cross-instance lock `key` (a PostgreSQL advisory lock;
   * in-process only for PGlite, which one process owns).
   */
  withLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  /**
   * Calls `onNotify` with the id NOTIFYed on `lmo_version` whenever any instance makes a version
   * current (migration 0006; PostgreSQL only: an embedded database changes only through its own
   * process). A lost connection is re-opened after `retryMs`; readers fall back to polling
   * meanwhile. Resolves to a function that stops listening.
   */
  listenVersions?(onNotify: (payload: string) => void, retryMs?: number, onListening?: (listening: boolean) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

// Any constant works; it only has to be the same in every instance.
const STARTUP_LOCK = 4_207_311;
// Waiting for another instance's seeding or model run may take minutes; exempt from PG_QUERY_TIMEOUT_MS.
const LOCK_WAIT_MS = 30 * 60_000;
// pg reads a per-query query_timeout; its types do not declare it.
const lockQuery = (key: number) => ({ text: 'select pg_advisory_lock($1)', values: [key], query_timeout: LOCK_WAIT_MS }) as pg.QueryConfig;

/** Opens (and creates if needed) the database described by `config`. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === 'postgres') return openPostgres(config.url, config.max, config.queryTimeoutMs);
  return openPglite(config.dataDir, config.template, config.thread ?? true, config.sharedBuffers);
}

async function openPglite(dataDir: string | undefined, template: Blob | undefined, thread: boolean, sharedBuffers?: string): Promise<Database> {
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    const owner = liveOwner(dataDir);
    // Two processes on one PGlite directory corrupt it; a dead owner (kill -9) is fine to take over.
    if (owner !== null && owner > 0) {
      throw new Error(`The embedded database in ${dataDir} is already open in process ${owner}; stop it first or use another DATA_DIR.`);
    }
    claimOwner(dataDir);
  }
  const startParams = pgliteStartParams(sharedBuffers);
  const client: PgliteClient = thread
    ? await openPgliteThread({ dataDir, template, startParams })
    : await PGlite.create({ dataDir, loadDataDir: template, startParams });
  // Drizzle's pglite driver only calls query() and transaction() on its client, which both offer.
  const db = drizzlePglite({ client: client as unknown as PGlite, schema }) as unknown as Db;
  let closed = false;
  return {
    db,
    // Exposed for tooling (test templates); not part of the Database contract.
    client,
    kind: 'pglite',
    describe: dataDir ? `PGlite at ${dataDir}` : 'PGlite in memory',
    // PGlite is single-process, so the in-process transaction order is enough.
    withStartupLock: (fn) => fn(db),
    withLock: (key, fn) => inProcessLock(key, fn),
    async close() {
      if (closed) return;
      closed = true;
      await client.close();
      if (dataDir) releaseOwner(dataDir);
    },
  };
}

/** A PostgreSQL memory size as PGLITE_SHARED_BUFFERS takes it (`16MB`, `512kB`). */
export const BUFFER_SIZE = /^\d+(kB|MB|GB)?$/;

/**
 * PGlite's start parameters with a smaller buffer pool. PostgreSQL's default
 * 128 MB of shared buffers is resident in the server process from the start;
 * the whole dataset is a few tens of MB, so 16 MB (PGLITE_SHARED_BUFFERS) costs
 * no speed and saves ~120 MB of RSS.
 */
export function pgliteStartParams(size = '16MB'): string[] {
  if (!BUFFER_SIZE.test(size)) throw new Error(`PGLITE_SHARED_BUFFERS must be a size such as 16MB; got '${size}'.`);
  return [...PGlite.defaultStartParams, '-c', `shared_buffers=${size}`];
}

// PGlite belongs to one process, so its locks only need to order work inside it.
const held = new Map<number, Promise<unknown>>();
async function inProcessLock<T>(key: number, fn: () => Promise<T>): Promise<T> {
  const before = held.get(key) ?? Promise.resolve();
  const run = before.catch(() => {}).then(fn);
  const tail = run.catch(() => {});
  held.set(key, tail);
  try {
    return await run;
  } finally {
    if (held.get(key) === tail) held.delete(key);
  }
}

async function openPostgres(url: string, max = 10, queryTimeout = 60_000): Promise<Database> {
  // query_timeout: a network partition (no RST, no reply) fails requests with a 503 instead of hanging them;
  // keepAlive lets the OS notice dead peers of idle connections.
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: 5_000,
    query_timeout: queryTimeout > 0 ? queryTimeout : undefined,
    keepAlive: true,
  });
  // An idle client losing its connection must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  await db.execute(sql`select 1`);
  let closed = false;
  return {
    db,
    kind: 'postgres',
    describe: `PostgreSQL ${redact(url)}`,
    async withStartupLock(fn) {
      const client = await pool.connect();
      try {
        await client.query(lockQuery(STARTUP_LOCK));
        return await fn(drizzlePg({ client, schema }) as unknown as Db);
      } finally {
        await client.query('select pg_advisory_unlock($1)', [STARTUP_LOCK]).catch(() => {});
        client.release();
      }
    },
    async withLock(key, fn) {
      const client = await pool.connect();
      try {
        await client.query(lockQuery(key));
        return await fn();
      } finally {
        await client.query('select pg_advisory_unlock($1)', [key]).catch(() => {});
        client.release();
      }
    },
    listenVersions: (onNotify, retryMs = 1_000, onListening = () => {}) => listenVersions(url, onNotify, retryMs, onListening),
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/** The channel migration 0006's trigger notifies (LISTEN takes no bound parameter: it is written out below). */
const VERSION_CHANNEL = 'lmo_version';

/**
 * LISTEN on its own connection: a pooled one would be handed to other queries. `onListening`
 * says when notices start and stop arriving, so the caller polls only while they do not.
 */
async function listenVersions(
  url: string,
  onNotify: (payload: string) => void,
  retryMs: number,
  onListening: (listening: boolean) => void,
): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let listened = false;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url, keepAlive: true });
    c.on('notification', (m) => {
      if (m.channel === VERSION_CHANNEL) onNotify(m.payload ?? '');
    });
    c.on('error', () => {
      // The connection died: listen again later; a notice missed meanwhile is caught by polling.
      void c.end().catch(() => {});
      if (!stopped && client === c) {
        onListening(false);
        schedule();
      }
    });
    client = c;
    await c.connect();
    await c.query('LISTEN lmo_version');
    onListening(true);
    // Back after a drop: a version announced meanwhile was missed, and polling slows down again now.
    if (listened) onNotify('');
    listened = true;
  };
  const schedule = () => {
    retry = setTimeout(
      () =>
        void connect().catch(() => {
          if (!stopped) schedule();
        }),
      retryMs,
    );
    retry.unref();
  };
  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    await client?.end().catch(() => {});
  };
}

/** Hides the password in a connection URL. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}
