/**
 * The backends every database-facing suite runs on: embedded PGlite, and a real
 * PostgreSQL in a freshly created database that is dropped afterwards.
 * Without PostgreSQL the PostgreSQL half skips loudly, except under CI=true where it fails.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import type { DatabaseConfig } from '../src/db/client';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/lmo_test';
const IN_CI = process.env.CI === 'true' || process.env.CI === '1';

export interface Backend {
  name: 'pglite' | 'postgres';
  /** Creates a fresh, empty database and returns its config plus a cleanup. */
  create(): Promise<{ config: DatabaseConfig; drop(): Promise<void> }>;
}

async function postgresReachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

const pgliteBackend: Backend = {
  name: 'pglite',
  async create() {
    const file = inject('pgliteTemplate');
    const template = file ? new Blob([readFileSync(file)]) : undefined;
    // LMO_PGLITE_THREAD=0 compares with PGlite on the calling thread (reader-latency.test.ts).
    return { config: { kind: 'pglite', template, thread: process.env.LMO_PGLITE_THREAD !== '0' }, drop: async () => {} };
  },
};

/** Creates an empty database `lmo_<tag>_<random>` on the test cluster; returns its URL and a drop(). */
export async function createTestDatabase(tag: string): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `lmo_${tag}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

const postgresBackend: Backend = {
  name: 'postgres',
  async create() {
    const { url, drop } = await createTestDatabase('t');
    return { config: { kind: 'postgres', url, max: 4 }, drop };
  },
};

/** Backends to parameterise over. Decided once per test file (top-level await). */
export async function testBackends(): Promise<Backend[]> {
  const problem = await postgresReachable();
  if (!problem) return [pgliteBackend, postgresBackend];
  if (IN_CI) {
    // Returning the backend anyway makes every PostgreSQL test fail with the connection error.
    console.error(`\n[api tests] PostgreSQL at ${TEST_DATABASE_URL} is unreachable under CI=true: ${problem}\n`);
    return [pgliteBackend, postgresBackend];
  }
  console.warn(
    `\n${'!'.repeat(78)}\n[api tests] PostgreSQL unreachable (${problem}).\n[api tests] SKIPPING the PostgreSQL half of the suite. Run \`bash .ci/services.sh\` to test it.\n${'!'.repeat(78)}\n`,
  );
  return [pgliteBackend];
}
