/**
 * Item 1, crash safety: kill -9 in the middle of a large ingest, on PGlite and
 * on PostgreSQL. After a restart the previous data version is intact, the
 * partial one is absent, and the forecasts equal those served before the crash.
 * - "service": a child process commits 150k rows through the ingest service and
 *   is killed after its second INSERT inside the transaction (PGlite and PostgreSQL);
 * - "server": the real server is killed while it inserts a large upload
 *   (POST /api/uploads), spotted in pg_stat_activity (PostgreSQL), or shortly
 *   after the body was sent (PGlite, where uploads are written in short
 *   statements and the next start discards an unpromoted version).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client';
import { bigRows, toCsv } from './support/big-dataset';
import { createTestDatabase, query } from './support/pg-admin';
import { DB_CHILD, fetchJson, makeTokens, runTs, seedDatabase, startServer, type ServerRun } from './support/server-process';

const CELLS = [
  'indicator=employment&region=VN&sector=C&qualification=ALL',
  'indicator=employment&region=VN&sector=A&qualification=university',
  'indicator=employment&region=VN&sector=semiconductors&qualification=ALL',
];

interface Backend {
  name: 'pglite' | 'postgres';
  env: Record<string, string>;
  /** Versions and observation counts, read straight from the database (server stopped for PGlite). */
  inspect(): Promise<{ versions: { id: number; is_current: boolean; row_count: number }[]; counts: Map<number, number> }>;
  cleanup(): Promise<void>;
}

async function pgliteBackend(): Promise<Backend> {
  const dir = mkdtempSync(join(tmpdir(), 'lmo-crash-'));
  const env = { DATA_DIR: join(dir, 'data') };
  return {
    name: 'pglite',
    env,
    async inspect() {
      const database = await openDatabase({ kind: 'pglite', dataDir: env.DATA_DIR });
      try {
        const versions = (
          await database.client!.query<{ id: number; is_current: boolean; row_count: number }>(
            'select id, is_current, row_count from dataset_versions order by id',
          )
        ).rows;
        const counts = (
          await database.client!.query<{ v: number; n: number }>('select dataset_version_id as v, count(*)::int as n from observations group by 1')
        ).rows;
        return { versions, counts: new Map(counts.map((c) => [c.v, c.n])) };
      } finally {
        await database.close();
      }
    },
    async cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresBackend(): Promise<Backend> {
  const db = await createTestDatabase('crash');
  return {
    name: 'postgres',
    env: { DATABASE_URL: db.url },
    async inspect() {
      const versions = await query<{ id: number; is_current: boolean; row_count: number }>(
        db.url,
        'select id, is_current, row_count from dataset_versions order by id',
      );
      const counts = await query<{ v: number; n: number }>(db.url, 'select dataset_version_id as v, count(*)::int as n from observations group by 1');
      return { versions, counts: new Map(counts.map((c) => [c.v, c.n])) };
    },
    cleanup: () => db.drop(),
  };
}

async function snapshot(server: ServerRun) {
  const health = await fetchJson(`${server.base}/api/health`);
  expect(health.status).toBe(200);
  const forecasts = [];
  for (const cell of CELLS) {
    const r = await fetchJson(`${server.base}/api/forecasts?${cell}`);
    expect(r.status).toBe(200);
    forecasts.push(r.body);
  }
  const gaps = await fetchJson(`${server.base}/api/gaps?region=VN`);
  expect(gaps.status).toBe(200);
  return { versionId: health.body.dataVersion.id as number, forecasts, gaps: gaps.body };
}

/** After the crash: restart, same version, same forecasts, no trace of the partial version. */
async function expectRecovered(backend: Backend, before: Awaited<ReturnType<typeof snapshot>>) {
  const server = await startServer(backend.env);
  try {
    const after = await snapshot(server);
    expect(after.versionId).toBe(before.versionId);
    expect(after.forecasts).toEqual(before.forecasts);
    expect(after.gaps).toEqual(before.gaps);
    const listed = await fetchJson(`${server.base}/api/versions`);
    expect(listed.body.versions.map((v: { id: number }) => v.id)).toEqual([before.versionId]);
  } finally {
    await server.stop();
  }
  const { versions, counts } = await backend.inspect();
  const current = versions.filter((v) => v.is_current);
  expect(current.map((v) => v.id)).toEqual([before.versionId]);
  expect(counts.get(before.versionId)).toBe(current[0].row_count);
  return { versions, counts };
}

/** No row of the interrupted version is left in the database. */
function expectNoLeftovers({ versions, counts }: Awaited<ReturnType<typeof expectRecovered>>, keep: number) {
  const partial = versions.filter((v) => v.id !== keep).map((v) => `version ${v.id}: ${counts.get(v.id) ?? 0} observation rows, current=${v.is_current}`);
  expect(partial, 'a partial version survived the crash and the restart').toEqual([]);
  expect([...counts.keys()]).toEqual([keep]);
}

const backends = [pgliteBackend, postgresBackend];
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c().catch(() => {});
});

/** Seeds `backend`, makes an analyst token and starts the server on it: the state before an upload crash. */
async function seededServer(backend: Backend) {
  cleanups.push(backend.cleanup);
  await seedDatabase(backend.env);
  const { analyst } = await makeTokens(backend.env);
  const server = await startServer(backend.env);
  const before = await snapshot(server);
  return { analyst, server, before };
}

describe.each(backends.map((make) => ({ make, name: make === pgliteBackend ? 'pglite' : 'postgres' })))('crash safety on $name', ({ make }) => {
  it('kill -9 of the ingesting process mid-transaction leaves the previous version intact', async () => {
    const backend = await make();
    cleanups.push(backend.cleanup);
    await seedDatabase(backend.env);
    let server = await startServer(backend.env);
    const before = await snapshot(server);
    // PGlite is single-process: the ingesting process must own the data directory.
    if (backend.name === 'pglite') await server.stop();
    const ingest = runTs(DB_CHILD, ['large', '150000'], backend.env);
    await ingest.waitForOutput('BATCH 3', 120_000);
    await ingest.kill9();
    expect(ingest.output()).not.toContain('COMMITTED');
    expect((await ingest.exited).signal).toBe('SIGKILL');
    if (backend.name === 'postgres') {
      // The server kept serving the old version throughout.
      expect((await snapshot(server)).forecasts).toEqual(before.forecasts);
      await server.stop();
    }
    expectNoLeftovers(await expectRecovered(backend, before), before.versionId);
  }, 240_000);
});

describe('crash safety of the server on postgres', () => {
  let state: Awaited<ReturnType<typeof expectRecovered>> | undefined;
  let kept = 0;
  it('kill -9 of the server while it inserts an uploaded file leaves the previous version current and intact, the partial one never served', async () => {
    const backend = await postgresBackend();
    const { analyst, server, before } = await seededServer(backend);

    const csv = toCsv(bigRows(150_000, 2));
    const upload = fetch(`${server.base}/api/uploads?format=long`, {
      method: 'POST',
      body: csv,
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${analyst}` },
    }).then(
      (r) => r.status,
      (e: Error) => e.message,
    );
    // Kill as soon as the server's transaction is inserting observations.
    const url = backend.env.DATABASE_URL;
    const deadline = Date.now() + 120_000;
    let seen = false;
    while (!seen && Date.now() < deadline) {
      const rows = await query<{ query: string }>(
        url,
        `select query from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and state = 'active' and query ilike '%insert into "observations"%'`,
      );
      seen = rows.length > 0;
      if (!seen) await new Promise((r) => setTimeout(r, 10));
    }
    expect(seen).toBe(true);
    await server.kill9();
    // The client sees the connection drop, never a success.
    expect(await upload).not.toBe(201);
    // PostgreSQL rolls the open transaction back when the backend's client vanishes.
    for (let i = 0; i < 100; i++) {
      const open = await query(
        url,
        `select 1 from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend' and state <> 'idle'`,
      );
      if (open.length === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    state = await expectRecovered(backend, before);
    kept = before.versionId;
  }, 240_000);

  it('leaves no rows of the interrupted upload in the database after the restart', () => {
    expect(state, 'the crash test above did not get this far').toBeDefined();
    expectNoLeftovers(state!, kept);
  });
});

describe('crash safety of the server on pglite', () => {
  it('kill -9 of the server during a large upload: after a restart either the old version or the complete new one, nothing partial', async () => {
    const backend = await pgliteBackend();
    const { analyst, server, before } = await seededServer(backend);

    const bytes = new TextEncoder().encode(toCsv(bigRows(150_000, 3)));
    let sentAt = 0;
    let offset = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (offset >= bytes.length) {
          sentAt = performance.now();
          c.close();
          return;
        }
        c.enqueue(bytes.subarray(offset, offset + 256 * 1024));
        offset += 256 * 1024;
      },
    });
    const upload = fetch(`${server.base}/api/uploads?format=long`, {
      method: 'POST',
      body,
      duplex: 'half',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${analyst}` },
    } as RequestInit).then(
      (r) => r.status,
      (e: Error) => e.message,
    );
    while (!sentAt) await new Promise((r) => setTimeout(r, 10));
    // Parsing ends about now; the version is being written in short statements.
    await new Promise((r) => setTimeout(r, 1500));
    await server.kill9();
    const status = await upload;
    // What the crash left on disk, before the restart tidies up.
    const left = await backend.inspect();
    const partial = left.versions.filter((v) => !v.is_current).map((v) => `${v.id} (${left.counts.get(v.id) ?? 0} rows)`);

    const restarted = await startServer(backend.env);
    let after;
    try {
      after = await snapshot(restarted);
    } finally {
      await restarted.stop();
    }
    const { versions, counts } = await backend.inspect();
    if (after.versionId === before.versionId) {
      // The usual case: killed before the promotion.
      expect(status).not.toBe(201);
      expect(after.forecasts).toEqual(before.forecasts);
      expect(after.gaps).toEqual(before.gaps);
      expectNoLeftovers({ versions, counts }, before.versionId);
    } else {
      // Killed after the promotion: the new version must be whole.
      const v = versions.find((x) => x.id === after.versionId)!;
      expect(v.is_current).toBe(true);
      expect(counts.get(v.id)).toBe(v.row_count);
      expect(v.row_count).toBeGreaterThanOrEqual(150_000);
    }
    console.log(
      `[crash pglite upload] killed ${status === 201 ? 'after' : 'before'} the upload completed; unpromoted on disk after the crash: ${partial.join(', ') || 'none'}; current after restart: ${after.versionId}`,
    );
  }, 240_000);
});
