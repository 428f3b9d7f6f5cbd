import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFastPath } from './fast-path';
import { ReadCache } from '../services/read-cache';
import { storeAnswer } from './read-path';

const body = new TextEncoder().encode('{"answer":42}');
const state = { version: 7 as number | undefined, publicRead: true, passed: 0 };
const cache = new ReadCache(1 << 20);
cache.serving(7);
storeAnswer(cache, 7, '/api/forecasts?region=VN&sector=C', {
  body,
  etag: '"v7-abc"',
  headers: [
    ['content-type', 'application/json'],
    ['x-content-type-options', 'nosniff'],
    ['data-version', '7'],
  ],
});

let server: Server;
let base = '';
beforeAll(async () => {
  const fast = createFastPath({ cache, freshVersion: () => state.version, publicRead: () => state.publicRead });
  server = createServer((req, res) => {
    if (fast(req, res)) return;
    state.passed++;
    res.writeHead(418, { 'content-type': 'text/plain' }).end('app');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('fast path', () => {
  it('replays a stored answer with its headers, whatever the parameter order', async () => {
    const res = await fetch(`${base}/api/forecasts?sector=C&region=VN`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"answer":42}');
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('etag')).toBe('"v7-abc"');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-length')).toBe(String(body.byteLength));
  });

  it('answers 304 to a matching If-None-Match and a body-less HEAD', async () => {
    const r304 = await fetch(`${base}/api/forecasts?region=VN&sector=C`, { headers: { 'if-none-match': '"v7-abc"' } });
    expect(r304.status).toBe(304);
    const head = await fetch(`${base}/api/forecasts?region=VN&sector=C`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('passes on misses, writes, signed-in and cross-origin requests, PUBLIC_READ off and an unconfirmed version', async () => {
    const before = state.passed;
    const url = `${base}/api/forecasts?region=VN&sector=C`;
    expect((await fetch(`${base}/api/forecasts?region=VN&sector=A`)).status).toBe(418);
    expect((await fetch(url, { method: 'POST', body: 'x' })).status).toBe(418);
    expect((await fetch(url, { headers: { authorization: 'Bearer lmo_x' } })).status).toBe(418);
    expect((await fetch(url, { headers: { origin: 'https://elsewhere.example' } })).status).toBe(418);
    state.publicRead = false;
    expect((await fetch(url)).status).toBe(418);
    state.publicRead = true;
    state.version = undefined;
    expect((await fetch(url)).status).toBe(418);
    state.version = 8; // another version served: version 7's answers are not replayed
    expect((await fetch(url)).status).toBe(418);
    state.version = 7;
    expect((await fetch(url)).status).toBe(200);
    expect(state.passed - before).toBe(7);
  });
});

describe('fast path memory', () => {
  it('keeps nothing of its own: 10,000 distinct long URLs that miss leave the cache as it was', () => {
    const c = new ReadCache(1 << 20);
    c.serving(1);
    const fast = createFastPath({ cache: c, freshVersion: () => 1, publicRead: () => true });
    const res = {
      writeHead() {
        throw new Error('a miss must not be answered');
      },
      end() {},
    } as never;
    for (let i = 0; i < 10_000; i++) {
      expect(fast({ method: 'GET', url: `/api/meta?i=${i}&pad=${'x'.repeat(1_000)}`, headers: {} } as never, res)).toBe(false);
    }
    expect(c.size).toBe(0);
    expect(c.bytes).toBe(0);
  });
});

describe('fast path and compression', () => {
  it('leaves large answers to the app (which compresses them) when the client accepts gzip', () => {
    const c = new ReadCache(1 << 20);
    c.serving(1);
    storeAnswer(c, 1, '/api/gaps?', { body: new Uint8Array(4_096), etag: '"v1-big"', headers: [] });
    const fast = createFastPath({ cache: c, freshVersion: () => 1, publicRead: () => true });
    const res = { writeHead() {}, end() {} } as never;
    expect(fast({ method: 'GET', url: '/api/gaps', headers: { 'accept-encoding': 'gzip, deflate' } } as never, res)).toBe(false);
    expect(fast({ method: 'GET', url: '/api/gaps', headers: {} } as never, res)).toBe(true);
  });
});
