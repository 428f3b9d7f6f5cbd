/**
 * The memory check of `pnpm bench:load` (issue 15, item 6): 10,000 distinct
 * long URLs, each asked twice, must leave the read cache's answers under
 * their configured byte budget (RESPONSE_CACHE_MB; the fast path keeps nothing).
 *
 * - `budgetCheck()`: the real read cache, answer middleware and fast path in
 *   front of a stub route that answers 200 to everything (the worst case: every
 *   URL is storable), read back through their own byte accounts;
 * - `rssGrowth()`: the same URLs against a running instance, reported as the
 *   growth of its resident memory (before, the URL map alone kept ~350 MB).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { loadConfig } from '../src/config';
import { createFastPath } from '../src/http/fast-path';
import { answerCache, DATA_VERSION_HEADER } from '../src/http/read-path';
import { ANSWER, readCacheFor } from '../src/services/read-cache';
import type { VersionInfo } from '../src/services/dataset-versions';

export const LONG_URLS = 10_000;
// Long, but well inside Node's 16 KB header limit.
const PAD = 4_000;

/** The i-th distinct long URL on `path`. */
export const longUrl = (path: string, i: number) => `${path}${path.includes('?') ? '&' : '?'}i=${i}&pad=${'p'.repeat(PAD)}`;

/** Sends every URL twice (the second time may be answered by the fast path), `concurrency` at a time. */
async function hammer(base: string, urls: string[], concurrency = 16): Promise<{ statuses: Map<number, number> }> {
  const statuses = new Map<number, number>();
  let next = 0;
  const all = [...urls, ...urls];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < all.length) {
        const url = all[next++];
        try {
          const res = await fetch(base + url);
          await res.arrayBuffer();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        } catch {
          statuses.set(0, (statuses.get(0) ?? 0) + 1);
        }
      }
    }),
  );
  return { statuses };
}

export interface BudgetReport {
  cacheBytes: number;
  cacheBudget: number;
  cacheEntries: number;
}

/** The real caches in front of a route that stores every answer; their byte accounts afterwards. */
export async function budgetCheck(): Promise<BudgetReport> {
  const config = loadConfig();
  // The cache the server builds (server.ts): answers get their RESPONSE_CACHE_MB share of it.
  const cache = readCacheFor(config);
  const version = { id: 1 } as VersionInfo;
  const app = new Hono()
    .use('/api/*', async (c, next) => {
      c.set('version', { info: version });
      await next();
    })
    .use('/api/*', answerCache({ cache }))
    .get('/api/*', (c) => {
      c.header(DATA_VERSION_HEADER, '1');
      return c.json({ path: c.req.path, pad: 'b'.repeat(2_000) });
    });
  const fast = createFastPath({ cache, freshVersion: () => 1, publicRead: () => true });
  const listener = getRequestListener(app.fetch);
  const server = createServer((req, res) => {
    if (!fast(req, res)) void listener(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await hammer(
      base,
      Array.from({ length: LONG_URLS }, (_, i) => longUrl('/api/meta', i)),
    );
    // The fast path keeps no URL map of its own: the read cache is all there is.
    return { cacheBytes: cache.sharedBytes(ANSWER), cacheBudget: cache.budgetOf(ANSWER), cacheEntries: cache.size };
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
}

const rssKb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);

/** Resident memory of the instance `pid` at `base` before and after the long URLs (answered and refused ones alike). */
export async function rssGrowth(base: string, pid: number): Promise<{ beforeMb: number; afterMb: number; statuses: Map<number, number> }> {
  const paths = ['/api/meta', '/api/targets', '/api/forecasts?indicator=employment&region=VN&sector=C&qualification=ALL', '/api/nowhere'];
  const before = rssKb(pid);
  const { statuses } = await hammer(
    base,
    Array.from({ length: LONG_URLS }, (_, i) => longUrl(paths[i % paths.length], i)),
  );
  return { beforeMb: before / 1024, afterMb: rssKb(pid) / 1024, statuses };
}
