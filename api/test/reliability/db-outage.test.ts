/**
 * Item 2, database outage: a private throwaway PostgreSQL cluster (so the shared
 * test cluster keeps serving other suites) is stopped while the real server runs.
 * Every database-backed route answers 503 problem+json quickly — no hang, no
 * 500 — and once PostgreSQL is back the same process recovers by itself.
 * Then a network partition (a proxy that black-holes the traffic, so nothing
 * resets): the pool's query timeout turns would-be hangs into 503s as well.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrivateCluster } from './support/pg-admin';
import { PartitionProxy } from './support/tcp-proxy';
import { fetchJson, freePort, seedDatabase, startServer, type ServerRun } from './support/server-process';

const ROUTES = [
  '/api/health',
  '/api/meta',
  '/api/series?indicator=employment&region=VN&sector=C',
  '/api/forecasts?indicator=employment&region=VN&sector=C',
  '/api/gaps?region=VN',
  '/api/targets',
  '/api/export.csv?view=series&sector=C',
  '/api/export.csv?view=forecasts&sector=C',
  '/api/versions',
];

let cluster: PrivateCluster;
let server: ServerRun;
let partitioned: ServerRun;
let proxy: PartitionProxy;
const before = new Map<string, unknown>();

beforeAll(async () => {
  cluster = new PrivateCluster(await freePort());
  cluster.init();
  cluster.start();
  const env = { DATABASE_URL: cluster.url };
  await seedDatabase(env);
  server = await startServer(env);
  proxy = new PartitionProxy(cluster.port);
  await proxy.start();
  partitioned = await startServer({ DATABASE_URL: `postgres://postgres@127.0.0.1:${proxy.port}/postgres`, PG_QUERY_TIMEOUT_MS: '2000' });
}, 120_000);

afterAll(async () => {
  await Promise.all([server?.stop(), partitioned?.stop()]);
  await proxy?.close();
  cluster?.destroy();
});

async function timed(path: string, on: ServerRun = server) {
  const t = performance.now();
  const r = await fetchJson(on.base + path, { signal: AbortSignal.timeout(15_000) });
  return { ...r, ms: performance.now() - t };
}

describe('database outage (PostgreSQL stopped while serving)', () => {
  it('serves every route while the database is up', async () => {
    for (const path of ROUTES) {
      const r = await timed(path);
      expect(r.status, path).toBe(200);
      before.set(path, r.body);
    }
  });

  it('answers 503 problem+json with retry-after, not 500 and not a hang, while it is down', async () => {
    cluster.stop();
    // Past the results cache's 1 s freshness window, every route has to touch the database.
    await new Promise((r) => setTimeout(r, 1200));
    for (let round = 0; round < 2; round++) {
      const results = await Promise.all(ROUTES.map((p) => timed(p)));
      for (const [i, r] of results.entries()) {
        expect(r.status, ROUTES[i]).toBe(503);
        expect(r.type).toContain('application/problem+json');
        expect(r.body).toMatchObject({ status: 503, type: '/api/problems/database-unavailable', title: expect.any(String) });
        expect(r.headers.get('retry-after')).toMatch(/^\d+$/);
        // connect timeout is 5 s; a refused connection fails far sooner.
        expect(r.ms, ROUTES[i]).toBeLessThan(6000);
      }
    }
    // The outage is expected, not a crash: nothing was logged as an internal error.
    expect(server.output()).not.toMatch(/Internal error|at .*\.ts:\d+/);
    expect(server.child.exitCode).toBeNull();
  }, 60_000);

  it('recovers without a restart once PostgreSQL is back, with the same answers', async () => {
    cluster.start();
    const deadline = Date.now() + 15_000;
    let health = await timed('/api/health');
    while (health.status !== 200 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      health = await timed('/api/health');
    }
    expect(health.status).toBe(200);
    for (const path of ROUTES.slice(1)) {
      const r = await timed(path);
      expect(r.status, path).toBe(200);
      expect(r.body, path).toEqual(before.get(path));
    }
    expect(server.child.pid).toBeDefined();
    expect(server.child.exitCode).toBeNull();
  }, 60_000);
});

describe('network partition (no reply, no reset) between the API and PostgreSQL', () => {
  it('answers 503 within the query/connect timeouts instead of hanging, then recovers', async () => {
    // (The outage above also broke this instance's connections; let it reconnect first.)
    for (let i = 0; i < 50 && (await timed('/api/health', partitioned)).status !== 200; i++) await new Promise((r) => setTimeout(r, 200));
    for (const path of ROUTES) expect((await timed(path, partitioned)).status, path).toBe(200);
    proxy.cut = true;
    await new Promise((r) => setTimeout(r, 600));
    const results = await Promise.all(ROUTES.map((p) => timed(p, partitioned)));
    for (const [i, r] of results.entries()) {
      expect(r.status, ROUTES[i]).toBe(503);
      expect(r.type).toContain('application/problem+json');
      // PG_QUERY_TIMEOUT_MS=2000 for pooled connections, 5 s to connect a new one.
      expect(r.ms, ROUTES[i]).toBeLessThan(8000);
    }
    proxy.heal();
    const deadline = Date.now() + 15_000;
    let health = await timed('/api/health', partitioned);
    while (health.status !== 200 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      health = await timed('/api/health', partitioned);
    }
    expect(health.status).toBe(200);
    for (const path of ROUTES.slice(1)) expect((await timed(path, partitioned)).status, path).toBe(200);
    expect(partitioned.child.exitCode).toBeNull();
  }, 60_000);
});
