/**
 * Issue 15, item 4: readers never wait for an upload on the embedded default.
 * The real server (worker threads on, as in production) on PGlite with the real
 * seeds; a synthetic 300,000-respondent microdata file is uploaded while one
 * reader after another asks for a forecast. Measured as the longest wait of any
 * read sent during the upload, not a timed unit test: before PGlite moved to
 * its own thread, reads sent from the end of parsing until into the model run
 * waited 6–7 s (a run of PGlite statements on the request thread never yielded).
 * The bound (2 s) is generous for a loaded 2-core machine and fails that.
 *
 * `LMO_PGLITE_THREAD=0 pnpm --filter @lmo/api exec vitest run test/reliability/reader-latency.test.ts`
 * shows the old behaviour (the PGlite case then fails: 5.6 s). The same holds on
 * PostgreSQL, where the upload is one transaction on its own connection.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../backends';
import { createTestDatabase } from './support/pg-admin';
import { API_DIR, fetchJson, makeTokens, startServer, type ServerRun } from './support/server-process';

const RESPONDENTS = 300_000;
const MAX_WAIT_MS = 2_000;
const FORECAST = '/api/forecasts?indicator=employment&region=VN&sector=C&qualification=ALL&horizon=10&scenario=baseline';

const backends = (await testBackends()).map((b) => b.name);

describe.each(backends)('readers during an upload (%s, real seeds, worker threads on)', (backend) => {
  const dir = mkdtempSync(join(tmpdir(), 'lmo-readers-'));
  const file = join(dir, 'micro.csv');
  let env: Record<string, string> = { DATA_DIR: join(dir, 'data') };
  let drop = async () => {};
  let server: ServerRun;
  let token: string;

  beforeAll(async () => {
    if (backend === 'postgres') {
      const db = await createTestDatabase('readers');
      env = { DATABASE_URL: db.url };
      drop = db.drop;
    }
    const gen = spawnSync(process.execPath, ['--import', 'tsx', 'seeds/gen-microdata.ts', String(RESPONDENTS), file], {
      cwd: join(API_DIR, '..'),
      encoding: 'utf8',
    });
    if (gen.status !== 0) throw new Error(`gen-microdata failed: ${gen.stderr}`);
    // The server seeds and computes on its first start; tokens are made before it holds the directory.
    token = (await makeTokens(env)).analyst;
    // The server runs the model in its worker thread, as `pnpm start` does (the tests' default is in process).
    server = await startServer({ ...env, SEED: '1', LMO_COMPUTE_WORKER: '1' }, 240_000);
    await server.waitForOutput('[lmo] results ready', 240_000);
    for (let i = 0; i < 5; i++) expect((await fetchJson(server.base + FORECAST)).status).toBe(200);
  }, 300_000);

  afterAll(async () => {
    await server?.stop();
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers every read sent during a 300,000-row microdata upload within 2 s', async () => {
    const waits: number[] = [];
    let errors = 0;
    let uploading = true;
    const started = performance.now();
    const upload = fetch(`${server.base}/api/uploads?format=microdata&period=2024&replaceOfficial=true&fileName=micro.csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'content-length': String(statSync(file).size) },
      body: Readable.toWeb(createReadStream(file)) as unknown as BodyInit,
      duplex: 'half',
    } as RequestInit)
      .then(async (res) => ({ status: res.status, body: await res.json() }))
      .finally(() => {
        uploading = false;
      });
    // One reader at a time, back to back: each read's wait is its own, not a queue behind others.
    const reader = (async () => {
      while (uploading) {
        const t = performance.now();
        try {
          const res = await fetch(server.base + FORECAST, { signal: AbortSignal.timeout(60_000) });
          await res.arrayBuffer();
          if (res.status !== 200) errors++;
        } catch {
          errors++;
        }
        // Only reads sent while the upload was running count.
        if (uploading) waits.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const done = await upload;
    await reader;
    const took = performance.now() - started;
    expect(done.status, JSON.stringify(done.body).slice(0, 500)).toBe(201);
    const max = Math.max(...waits);
    console.log(
      `[reader-latency ${backend}] upload ${Math.round(took)} ms; ${waits.length} reads during it, longest wait ${Math.round(max)} ms, errors ${errors}`,
    );
    expect(waits.length).toBeGreaterThan(10);
    expect(errors).toBe(0);
    expect(max).toBeLessThanOrEqual(MAX_WAIT_MS);
  }, 180_000);
});
