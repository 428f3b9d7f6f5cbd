/**
 * Item 5, scale-out: two real server processes on one PostgreSQL database.
 * - An upload through A is served by B within 1 s with the same forecasts, learnt by LISTEN/NOTIFY:
 *   B polls only once a minute, so polling cannot be what tells it.
 * - Concurrent uploads through A and B both commit as distinct versions (or
 *   one is refused with 409), and nothing is lost: the final version holds both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, query } from './support/pg-admin';
import { fetchJson, makeTokens, seedDatabase, startServer, type ServerRun } from './support/server-process';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let a: ServerRun;
let b: ServerRun;
let analyst: string;

beforeAll(async () => {
  db = await createTestDatabase('scale');
  const env = { DATABASE_URL: db.url };
  await seedDatabase(env);
  analyst = (await makeTokens(env)).analyst;
  // B re-checks the current version only once a minute: within a second, only NOTIFY can tell it.
  [a, b] = await Promise.all([startServer(env), startServer({ ...env, RESULTS_RECHECK_MS: '60000' })]);
}, 120_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await db?.drop();
});

const CELL = 'indicator=employment&region=VN&sector=C&qualification=ALL';
// Revises the latest value of the CELL above.
const REVISION =
  'indicator,period,region,sector,qualification,value,unit,source,status\n' +
  'employment,2024,VN,C,ALL,15500000,persons,Scale-out revision (synthetic),modelled\n';

function upload(server: ServerRun, csv: string) {
  return fetchJson(`${server.base}/api/uploads?format=long`, {
    method: 'POST',
    body: csv,
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${analyst}` },
    signal: AbortSignal.timeout(60_000),
  });
}

describe('two instances on one PostgreSQL', () => {
  it('serves an upload made through A from B within 1 s, with the same forecasts, without polling', async () => {
    // Both instances warm, on the seeded version.
    const v0 = (await fetchJson(`${b.base}/api/health`)).body.dataVersion.id;
    expect((await fetchJson(`${b.base}/api/forecasts?${CELL}`)).status).toBe(200);

    const res = await upload(a, REVISION);
    expect(res.status).toBe(201);
    const t0 = performance.now();
    const version = res.body.version.id as number;
    expect(version).toBeGreaterThan(v0);
    const fromA = await fetchJson(`${a.base}/api/forecasts?${CELL}`);
    expect(fromA.body.dataVersion).toBe(version);

    let fromB = await fetchJson(`${b.base}/api/forecasts?${CELL}`);
    while (fromB.body.dataVersion !== version && performance.now() - t0 < 5000) {
      await new Promise((r) => setTimeout(r, 25));
      fromB = await fetchJson(`${b.base}/api/forecasts?${CELL}`);
    }
    const lagMs = performance.now() - t0;
    console.log(`[scale-out] B served version ${version} ${Math.round(lagMs)} ms after A's upload returned`);
    expect(fromB.body.dataVersion).toBe(version);
    expect(lagMs).toBeLessThan(1000);
    expect(fromB.body).toEqual(fromA.body);
    const seriesB = await fetchJson(`${b.base}/api/series?${CELL}`);
    expect(seriesB.body.values.at(-1)).toBe(15_500_000);
    const gapsA = await fetchJson(`${a.base}/api/gaps?region=VN`);
    const gapsB = await fetchJson(`${b.base}/api/gaps?region=VN`);
    expect(gapsB.body).toEqual(gapsA.body);
    // Asked again, B replays its stored answer before the app (http/fast-path.ts): same body, same headers.
    const replayed = await fetchJson(`${b.base}/api/gaps?region=VN`);
    expect(replayed.body).toEqual(gapsB.body);
    for (const h of ['content-type', 'content-security-policy', 'x-content-type-options', 'strict-transport-security', 'data-version', 'etag']) {
      expect(replayed.headers.get(h), h).toBe(gapsB.headers.get(h));
    }
    expect(replayed.headers.get('data-version')).toBe(String(version));
  }, 60_000);

  it('commits concurrent uploads through A and B as distinct versions, losing nothing', async () => {
    const before = await query<{ n: number }>(db.url, 'select count(*)::int as n from dataset_versions');
    // Different cells in each file, so the final version must contain both.
    const csvA =
      'indicator,period,region,sector,qualification,value,unit,source,status\n' + 'employment,2024,31,F,ALL,111111,persons,Upload A (synthetic),modelled\n';
    const csvB =
      'indicator,period,region,sector,qualification,value,unit,source,status\n' + 'employment,2024,48,G,ALL,222222,persons,Upload B (synthetic),modelled\n';
    const [ra, rb] = await Promise.all([upload(a, csvA), upload(b, csvB)]);
    const statuses = [ra.status, rb.status].sort();
    expect([
      [201, 201],
      [201, 409],
    ]).toContainEqual(statuses);
    const created = [ra, rb].filter((r) => r.status === 201).map((r) => r.body.version.id);
    expect(new Set(created).size).toBe(created.length);
    for (const r of [ra, rb]) if (r.status === 409) expect(r.type).toContain('application/problem+json');

    const after = await query<{ n: number }>(db.url, 'select count(*)::int as n from dataset_versions');
    expect(after[0].n - before[0].n).toBe(created.length);
    const current = await query<{ id: number; parent_id: number }>(db.url, 'select id, parent_id from dataset_versions where is_current');
    expect(current).toHaveLength(1);
    expect(current[0].id).toBe(Math.max(...created));
    if (created.length === 2) {
      // Serialised: the later version is built on the earlier one, so it holds both uploads.
      expect(current[0].parent_id).toBe(Math.min(...created));
      for (const server of [a, b]) {
        let s31 = await fetchJson(`${server.base}/api/series?indicator=employment&region=31&sector=F&qualification=ALL`);
        const deadline = Date.now() + 3000;
        while (s31.body.dataVersion !== current[0].id && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 50));
          s31 = await fetchJson(`${server.base}/api/series?indicator=employment&region=31&sector=F&qualification=ALL`);
        }
        const s48 = await fetchJson(`${server.base}/api/series?indicator=employment&region=48&sector=G&qualification=ALL`);
        expect(s31.body.values.at(-1)).toBe(111111);
        expect(s48.body.values.at(-1)).toBe(222222);
      }
    }
    const audit = await query<{ n: number }>(db.url, `select count(*)::int as n from audit_log where action = 'dataset.upload'`);
    expect(audit[0].n).toBeGreaterThanOrEqual(created.length + 1);
  }, 90_000);
});
