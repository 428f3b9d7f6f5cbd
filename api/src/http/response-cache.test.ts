import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { VersionInfo } from '../services/dataset-versions';
import { canonicalRequestKey, DATA_VERSION_HEADER, ResponseCache, responseCache } from './response-cache';

/** An app whose /data route counts its runs and answers for the current version. */
function harness(options: { maxBytes?: number } = {}) {
  const state = { version: 1 as number | null, calls: 0, fail: false, status: 200, optIn: true, size: 10 };
  const current = async () => {
    if (state.fail) throw new Error('database down');
    return state.version === null ? null : ({ id: state.version } as VersionInfo);
  };
  const app = new Hono()
    .use('*', responseCache({ current, cache: new ResponseCache(options.maxBytes ?? 1 << 20) }))
    .get('/data', (c) => {
      state.calls++;
      if (state.optIn && state.version !== null) c.header(DATA_VERSION_HEADER, String(state.version));
      return c.json({ version: state.version, q: c.req.query('q') ?? null, pad: 'x'.repeat(state.size), call: state.calls }, state.status as 200);
    })
    .post('/data', (c) => { state.calls++; c.header(DATA_VERSION_HEADER, '1'); return c.json({ ok: true }); });
  return { app, state };
}

describe('responseCache', () => {
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

  it('tags requests it may not replay (signed in, another origin) without storing them', async () => {
    let calls = 0;
    const app = new Hono()
      .use('*', responseCache({ cache: new ResponseCache(1 << 20), current: async () => ({ id: 3 } as VersionInfo), cacheable: (c) => !c.req.header('authorization') }))
      .get('/data', (c) => { calls++; c.header(DATA_VERSION_HEADER, '3'); return c.json({ same: true }); });
    const signedIn = { authorization: 'Bearer x' };
    const first = await app.request('/data', { headers: signedIn });
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"v3-/);
    const again = await app.request('/data', { headers: { ...signedIn, 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(calls).toBe(2); // the route answered both times: nothing was replayed
    await app.request('/data');
    await app.request('/data');
    expect(calls).toBe(3); // anonymous: stored once, then replayed
  });

  it('is off with a zero budget', async () => {
    const { app, state } = harness({ maxBytes: 0 });
    await app.request('/data');
    await app.request('/data');
    expect(state.calls).toBe(2);
  });
});

describe('canonicalRequestKey', () => {
  it('sorts parameters and keeps repeated ones', () => {
    expect(canonicalRequestKey('http://x/api/f?b=2&a=1&a=0')).toBe('/api/f?a=0&a=1&b=2');
    expect(canonicalRequestKey('http://x/api/f')).toBe('/api/f?');
  });
});

describe('ResponseCache byte budget', () => {
  it('counts keys and headers, not only bodies: 10,000 small answers under long URLs stay within the budget', () => {
    const budget = 1 << 20;
    const cache = new ResponseCache(budget);
    cache.serving(1);
    const body = new TextEncoder().encode('{}');
    for (let i = 0; i < 10_000; i++) {
      cache.set(1, `/api/meta?i=${i}&pad=${'x'.repeat(4_000)}`, { body, etag: '"v1-a"', headers: [['content-type', 'application/json']] });
      expect(cache.bytes).toBeLessThanOrEqual(budget);
    }
    // Each entry costs at least its key at one byte a character: a count bound alone would have kept all 10,000.
    expect(cache.size).toBeLessThan(budget / 4_000);
    expect(cache.size).toBeGreaterThan(0);
  });

  it('refuses an answer whose key alone is over an eighth of the budget', () => {
    const cache = new ResponseCache(64 << 10);
    cache.serving(1);
    cache.set(1, `/api/meta?pad=${'x'.repeat(5_000)}`, { body: new Uint8Array(10), etag: '"e"', headers: [] });
    expect(cache.size).toBe(0);
    expect(cache.bytes).toBe(0);
  });
});
