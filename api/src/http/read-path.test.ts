import { Hono } from 'hono';
import { describe, expect, it, vi } from 'vitest';
import type { Db } from '../db/client';
import type { VersionInfo } from '../services/dataset-versions';
import { ReadCache } from '../services/read-cache';
import { ResultsStore } from '../services/results-store';
// The running model's fingerprint, switchable: an upgrade serves the same version id from new results.
const model = vi.hoisted(() => ({ fingerprint: 'model-a' }));
vi.mock('../services/model-fingerprint', () => ({ modelFingerprint: () => model.fingerprint }));

import { answerCache, canonicalRequestKey, DATA_VERSION_HEADER, requestSnapshot, revalidate, servedVersion, storeAnswer, versionOf } from './read-path';

const PATHS = new Set(['/data']);

/** An app whose /data route counts its runs and answers for the current version. */
function harness(options: { maxBytes?: number; cacheable?: (c: any) => boolean } = {}) {
  const state = { version: 1 as number | null, calls: 0, fail: false, status: 200, optIn: true, size: 10 };
  const store = {
    served: async () => {
      if (state.fail) throw new Error('database down');
      return { info: state.version === null ? null : ({ id: state.version } as VersionInfo) };
    },
  };
  const cache = new ReadCache(options.maxBytes ?? 1 << 20);
  const app = new Hono()
    .use('*', servedVersion(store, PATHS))
    .use('*', answerCache({ cache, cacheable: options.cacheable }))
    .use('*', revalidate())
    .get('/data', (c) => {
      state.calls++;
      if (state.optIn && state.version !== null) c.header(DATA_VERSION_HEADER, String(state.version));
      return c.json({ version: state.version, q: c.req.query('q') ?? null, pad: 'x'.repeat(state.size), call: state.calls }, state.status as 200);
    })
    .post('/data', (c) => {
      state.calls++;
      c.header(DATA_VERSION_HEADER, '1');
      return c.json({ ok: true });
    });
  return { app, state, cache };
}

describe('answerCache', () => {
  it('answers a repeated question from the cache, whatever the parameter order', async () => {
    const { app, state } = harness();
    const first = await app.request('/data?q=1&r=2');
    const second = await app.request('/data?r=2&q=1');
    expect(first.status).toBe(200);
    expect(await second.json()).toEqual(await first.json());
    expect(state.calls).toBe(1);
    expect(second.headers.get('etag')).toMatch(/^"v1-/);
    expect(second.headers.get('content-type')).toContain('application/json');
    expect(second.headers.get(DATA_VERSION_HEADER)).toBe('1');
    await app.request('/data?q=2&r=2');
    expect(state.calls).toBe(2);
  });

  it('asks the route again once another version is current, and never serves the old answer', async () => {
    const { app, state } = harness();
    await app.request('/data?q=1');
    state.version = 2;
    const res = await app.request('/data?q=1');
    expect((await res.json()).version).toBe(2);
    expect(state.calls).toBe(2);
    state.version = 1; // a rollback makes version 1 current again: its old answers were dropped
    expect((await (await app.request('/data?q=1')).json()).call).toBe(3);
  });

  it('does not answer 304 to a copy the previous model build computed for the same version', async () => {
    const before = harness();
    const etag = (await before.app.request('/data?q=1')).headers.get('etag')!;
    model.fingerprint = 'model-b';
    try {
      // The upgraded process: same version id, results recomputed by the new model.
      const after = harness();
      const res = await after.app.request('/data?q=1', { headers: { 'if-none-match': etag } });
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toMatch(/^"v1-/);
      expect(res.headers.get('etag')).not.toBe(etag);
    } finally {
      model.fingerprint = 'model-a';
    }
  });

  it('answers 304 to a matching If-None-Match, on the first answer and on hits', async () => {
    const { app } = harness();
    const first = await app.request('/data?q=1');
    const etag = first.headers.get('etag')!;
    const again = await app.request('/data?q=1', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    const other = await app.request('/data?q=1', { headers: { 'if-none-match': '"v0-nope"' } });
    expect(other.status).toBe(200);
  });

  it('keeps only 200 answers that opted in, and only for GET', async () => {
    const { app, state } = harness();
    state.optIn = false;
    await app.request('/data');
    await app.request('/data');
    expect(state.calls).toBe(2);
    state.optIn = true;
    state.status = 404;
    await app.request('/data?q=x');
    await app.request('/data?q=x');
    expect(state.calls).toBe(4);
    await app.request('/data', { method: 'POST' });
    await app.request('/data', { method: 'POST' });
    expect(state.calls).toBe(6);
  });

  it('lets the route answer when the version cannot be read (database down), and before any version exists', async () => {
    const { app, state } = harness();
    await app.request('/data?q=1');
    state.fail = true;
    await app.request('/data?q=1');
    expect(state.calls).toBe(2);
    state.fail = false;
    state.version = null;
    await app.request('/data?q=1');
    await app.request('/data?q=1');
    expect(state.calls).toBe(4);
  });

  it('stays within its byte budget, dropping the least recently used answers', async () => {
    // Each answer costs ~1,400 bytes (body, key, headers, overhead): ten of them overflow 12,000.
    const { app, state } = harness({ maxBytes: 12_000 });
    state.size = 900;
    for (const q of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']) await app.request(`/data?q=${q}`);
    expect(state.calls).toBe(10);
    await app.request('/data?q=j'); // recent: still cached
    expect(state.calls).toBe(10);
    await app.request('/data?q=a'); // oldest: evicted
    expect(state.calls).toBe(11);
    state.size = 2_000; // bigger than an eighth of the budget: never kept
    await app.request('/data?q=big');
    await app.request('/data?q=big');
    expect(state.calls).toBe(13);
  });

  it('tags requests it may not replay (signed in, another origin) without storing them, and revalidates them without the route', async () => {
    const { app, state, cache } = harness({ cacheable: (c) => !c.req.header('authorization') });
    state.version = 3;
    const signedIn = { authorization: 'Bearer x' };
    const first = await app.request('/data', { headers: signedIn });
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"v3-/);
    expect(cache.size).toBe(0);
    const again = await app.request('/data', { headers: { ...signedIn, 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(state.calls).toBe(1); // the 304 came before the route
    await app.request('/data');
    await app.request('/data');
    expect(state.calls).toBe(2); // anonymous: stored once, then replayed
  });

  it('gives replayed answers the Content-Length a fresh one has (GET and HEAD; not a 304)', async () => {
    const { app, state } = harness();
    const first = await app.request('/data?q=1');
    const bytes = (await first.clone().arrayBuffer()).byteLength;
    expect(first.headers.get('content-length')).toBe(String(bytes));
    const again = await app.request('/data?q=1');
    expect(again.headers.get('content-length')).toBe(String(bytes));
    expect((await again.arrayBuffer()).byteLength).toBe(bytes);
    const head = await app.request('/data?q=1', { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe(String(bytes));
    expect(await head.text()).toBe('');
    const notModified = await app.request('/data?q=1', { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('content-length')).toBeNull();
    expect(state.calls).toBe(1);
  });

  it('is off with a zero budget', async () => {
    const { app, state } = harness({ maxBytes: 0 });
    await app.request('/data');
    await app.request('/data');
    expect(state.calls).toBe(2);
  });
});

describe('revalidate', () => {
  it('answers If-None-Match with 304 before the handler runs; the ETag depends on version and canonical URL only', async () => {
    const handler = vi.fn((c) => {
      c.header(DATA_VERSION_HEADER, '5');
      return c.json({ n: Math.random() });
    });
    const store = { served: async () => ({ info: { id: 5 } as VersionInfo }) };
    const app = new Hono().use('*', servedVersion(store, PATHS)).use('*', revalidate()).get('/data', handler);
    const first = await app.request('/data?b=2&a=1');
    expect(handler).toHaveBeenCalledTimes(1);
    const etag = first.headers.get('etag')!;
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const again = await app.request('/data?a=1&b=2', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get(DATA_VERSION_HEADER)).toBe('5');
    expect(handler).toHaveBeenCalledTimes(1);
    const other = await app.request('/data?a=1&b=3', { headers: { 'if-none-match': etag } });
    expect(other.status).toBe(200);
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it('a new version changes the ETag and the cache, seen when the pointer is re-read (injected clock, no sleeps)', async () => {
    let clock = 0;
    let current = 1;
    const readVersion = vi.fn(async () => ({ id: current, computedAt: null }) as VersionInfo);
    const store = new ResultsStore({} as Db, { recheckMs: 1_000, maxStaleMs: 2_000, readVersion, now: () => clock });
    const handler = vi.fn((c) => {
      const v = (c.get('version') as { info: VersionInfo }).info.id;
      c.header(DATA_VERSION_HEADER, String(v));
      return c.json({ v });
    });
    const app = new Hono()
      .use('*', servedVersion(store, PATHS))
      .use('*', answerCache({ cache: store.cache }))
      .use('*', revalidate())
      .get('/data', handler);

    const v1 = await app.request('/data');
    const tag1 = v1.headers.get('etag')!;
    current = 2;
    // Within recheckMs the pointer is not re-read: still version 1, replayed from the cache.
    clock = 999;
    const same = await app.request('/data', { headers: { 'if-none-match': tag1 } });
    expect(same.status).toBe(304);
    expect(readVersion).toHaveBeenCalledTimes(1);
    expect(handler).toHaveBeenCalledTimes(1);
    // Past maxStaleMs the next request waits for a fresh read: a new ETag, a new answer, version 1's answers gone.
    clock = 2_500;
    const v2 = await app.request('/data', { headers: { 'if-none-match': tag1 } });
    expect(v2.status).toBe(200);
    expect(await v2.json()).toEqual({ v: 2 });
    expect(v2.headers.get('etag')).not.toBe(tag1);
    expect(v2.headers.get('etag')).toMatch(/^"v2-/);
    expect(store.cache.keys(1)).toEqual([]);
    expect(store.cache.keys(2)).toHaveLength(1);
    expect(handler).toHaveBeenCalledTimes(2);
    // invalidate() (NOTIFY, a local upload) makes the next request re-read at once, whatever the clock says.
    current = 3;
    store.invalidate();
    expect((await app.request('/data')).headers.get(DATA_VERSION_HEADER)).toBe('3');
  });
});

describe('servedVersion', () => {
  /** A guard (401 for a bad token) inside answerCache and a route that validates `q` before asking for the version. */
  function guarded() {
    const served = vi.fn(async () => ({ info: { id: 4 } as VersionInfo }));
    const app = new Hono()
      .use('*', servedVersion({ served }, PATHS))
      .use('*', answerCache({ cache: new ReadCache(1 << 20), cacheable: (c) => !c.req.header('authorization') }))
      .use('*', async (c, next) => (c.req.header('authorization') === 'Bearer bad' ? c.text('no', 401) : next()))
      .use('*', revalidate())
      .get('/data', async (c) => {
        if (!c.req.query('q')) return c.text('q is required', 400);
        const version = await versionOf(c);
        await requestSnapshot(c);
        c.header(DATA_VERSION_HEADER, String(version!.id));
        return c.json({ q: c.req.query('q') });
      });
    return { app, served };
  }
  const signedIn = { authorization: 'Bearer good' };

  it('is not resolved for a request the guard or the validation refuses', async () => {
    const { app, served } = guarded();
    expect((await app.request('/data?q=1', { headers: { authorization: 'Bearer bad' } })).status).toBe(401);
    expect((await app.request('/data', { headers: signedIn })).status).toBe(400);
    expect(served).not.toHaveBeenCalled();
  });

  it('is resolved once per request, by whichever needs it first', async () => {
    const { app, served } = guarded();
    const ok = await app.request('/data?q=1', { headers: signedIn }); // the route
    expect(ok.status).toBe(200);
    expect(served).toHaveBeenCalledTimes(1);
    const etag = ok.headers.get('etag')!;
    expect(etag).toMatch(/^"v4-/);
    expect((await app.request('/data?q=1', { headers: { ...signedIn, 'if-none-match': etag } })).status).toBe(304); // revalidate
    expect(served).toHaveBeenCalledTimes(2);
    expect((await app.request('/data?q=1')).status).toBe(200); // answerCache, for an answer it may replay
    expect(served).toHaveBeenCalledTimes(3);
  });
});

describe('canonicalRequestKey', () => {
  it('sorts parameters and keeps repeated ones', () => {
    expect(canonicalRequestKey('http://x/api/f?b=2&a=1&a=0')).toBe('/api/f?a=0&a=1&b=2');
    expect(canonicalRequestKey('http://x/api/f')).toBe('/api/f?');
  });
});

describe('answers within the byte budget', () => {
  it('counts keys and headers, not only bodies: 10,000 small answers under long URLs stay within the budget', () => {
    const budget = 1 << 20;
    const cache = new ReadCache(budget);
    cache.serving(1);
    const body = new TextEncoder().encode('{}');
    for (let i = 0; i < 10_000; i++) {
      storeAnswer(cache, 1, `/api/meta?i=${i}&pad=${'x'.repeat(4_000)}`, { body, etag: '"v1-a"', headers: [['content-type', 'application/json']] });
      expect(cache.bytes).toBeLessThanOrEqual(budget);
    }
    // Each entry costs at least its key at one byte a character: a count bound alone would have kept all 10,000.
    expect(cache.size).toBeLessThan(budget / 4_000);
    expect(cache.size).toBeGreaterThan(0);
  });

  it('refuses an answer whose key alone is over an eighth of the budget', () => {
    const cache = new ReadCache(64 << 10);
    cache.serving(1);
    storeAnswer(cache, 1, `/api/meta?pad=${'x'.repeat(5_000)}`, { body: new Uint8Array(10), etag: '"e"', headers: [] });
    expect(cache.size).toBe(0);
    expect(cache.bytes).toBe(0);
  });
});
