/**
 * How the built app travels (issue 17 §1), checked on real responses of the real server: the
 * build's brotli/gzip copies sent by content negotiation and byte-identical to the files, hashed
 * assets cached for a year, the app shell revalidated, JSON compressed above 2 KB; then in
 * Chromium, from the network log: the overview's scripts arrive as brotli and a second visit
 * takes them from the cache without asking the server. Also: index.html preloads the landing page's
 * chunks (web/vite.config.ts).
 */
import { request } from 'node:http';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb, chromiumAvailable, launchBrowser, startServer, type RunningServer } from './harness';

const IMMUTABLE = 'public, max-age=31536000, immutable';

let server: RunningServer;
let dist = '';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** GET without any automatic decompression: the bytes and headers exactly as sent. */
function get(path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((ok, fail) => {
    const req = request(`${server.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

const decode = (r: Raw) =>
  r.headers['content-encoding'] === 'br' ? brotliDecompressSync(r.body) : r.headers['content-encoding'] === 'gzip' ? gunzipSync(r.body) : r.body;

/** The entry script named in index.html (/assets/index-HASH.js). */
const entryScript = () => /src="(\/assets\/index-[^"]+\.js)"/.exec(readFileSync(join(dist, 'index.html'), 'utf8'))![1];

describe('serving the built app', () => {
  beforeAll(async () => {
    dist = await buildWeb();
    server = await startServer({ webDist: dist });
  });
  afterAll(async () => {
    await server?.stop();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  it('the build made brotli and gzip copies of every script above 1 KB', () => {
    const assets = readdirSync(join(dist, 'assets'));
    const scripts = assets.filter((f) => f.endsWith('.js') && readFileSync(join(dist, 'assets', f)).length > 1024);
    expect(scripts.length).toBeGreaterThan(5);
    for (const f of scripts) {
      expect(assets, f).toContain(`${f}.br`);
      expect(assets, f).toContain(`${f}.gz`);
    }
  });

  it("index.html preloads the landing page's chunks (recharts among them) beside the entry script", () => {
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const preloaded = [...html.matchAll(/<link rel="modulepreload" href="\/(assets\/[^"]+)"[^>]*data-landing-page/g)].map((m) => m[1]);
    expect(preloaded.some((f) => /overview-page-/.test(f))).toBe(true);
    // recharts (the chart frame's library) is among them, whatever its chunk is named.
    expect(preloaded.some((f) => readFileSync(join(dist, f), 'utf8').includes('recharts-surface'))).toBe(true);
    for (const f of preloaded) expect(readdirSync(join(dist, 'assets')), f).toContain(f.slice('assets/'.length));
    // The upload page's danfojs is never preloaded.
    for (const f of preloaded) expect(readFileSync(join(dist, f)).length, f).toBeLessThan(1 << 20);
  });

  it('sends a hashed script as brotli (or gzip, or plain) by Accept-Encoding, identical to the file, cached for a year', async () => {
    const path = entryScript();
    const file = readFileSync(join(dist, path));
    const br = await get(path, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe(IMMUTABLE);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.body.length).toBeLessThan(file.length / 3);
    expect(decode(br).equals(file)).toBe(true);

    const gz = await get(path, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toBe(IMMUTABLE);
    expect(decode(gz).equals(file)).toBe(true);

    const plain = await get(path);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(file)).toBe(true);
  });

  it('revalidates the app shell (index.html and client routes) and compresses it', async () => {
    for (const path of ['/', '/index.html', '/?page=regions']) {
      const r = await get(path, { 'accept-encoding': 'br, gzip' });
      expect(r.status, path).toBe(200);
      expect(r.headers['cache-control'], path).toBe('no-cache');
      expect(r.headers['content-type'], path).toMatch(/text\/html/);
      expect(decode(r).toString('utf8'), path).toContain('<script');
    }
    expect((await get('/', { 'accept-encoding': 'br' })).headers['content-encoding']).toBe('br');
  });

  it('compresses JSON answers above 2 KB and leaves small ones alone', async () => {
    const meta = await get('/api/meta', { 'accept-encoding': 'gzip, deflate, br' });
    expect(meta.status).toBe(200);
    expect(meta.headers['content-encoding']).toMatch(/^(gzip|br|deflate)$/);
    const body = JSON.parse(decode(meta).toString('utf8'));
    expect(body.regions.length).toBeGreaterThan(34);
    expect(decode(meta).length).toBeGreaterThan(2048);

    const health = await get('/api/health', { 'accept-encoding': 'gzip, deflate, br' });
    expect(health.status).toBe(200);
    expect(health.body.length).toBeLessThan(2048);
    expect(health.headers['content-encoding']).toBeUndefined();

    // Without Accept-Encoding the same JSON goes out plain.
    const plain = await get('/api/meta');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.body.toString('utf8')).regions.length).toBe(body.regions.length);
  });

  describe.skipIf(!chromiumAvailable())('in Chromium', () => {
    it("the overview's scripts arrive brotli-compressed; a second visit reads them from the cache", async () => {
      const browser = await launchBrowser();
      try {
        const page = await browser.context.newPage();
        const cdp = await browser.context.newCDPSession(page);
        await cdp.send('Network.enable');
        type Seen = { url: string; type: string; encoding?: string; fromCache: boolean; status: number };
        let seen: Seen[] = [];
        cdp.on('Network.responseReceived', (e) => {
          const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
          seen.push({
            url: e.response.url,
            type: e.type,
            encoding: headers['content-encoding'],
            fromCache: Boolean(e.response.fromDiskCache || e.response.fromMemoryCache),
            status: e.response.status,
          });
        });
        await page.goto(`${server.url}/?page=overview`, { waitUntil: 'domcontentloaded' });
        await page.waitForSelector('[data-has-data="true"]', { timeout: 60_000 });
        await page.waitForLoadState('networkidle');
        // Every script the build compressed (all above 1 KB) arrives as brotli.
        const compressed = new Set(
          readdirSync(join(dist, 'assets'))
            .filter((f) => f.endsWith('.js.br'))
            .map((f) => `/assets/${f.slice(0, -3)}`),
        );
        const scripts = seen.filter((s) => s.type === 'Script' && compressed.has(new URL(s.url).pathname));
        expect(scripts.length).toBeGreaterThan(1);
        for (const s of scripts) expect(s.encoding, s.url).toBe('br');
        const apiJson = seen.filter((s) => s.url.includes('/api/') && s.type === 'Fetch');
        expect(apiJson.length).toBeGreaterThan(0);

        // Second visit in the same profile: hashed scripts come from the cache, the shell is asked for again.
        seen = [];
        const again = await browser.context.newPage();
        const cdp2 = await browser.context.newCDPSession(again);
        await cdp2.send('Network.enable');
        const fromServer: string[] = [];
        cdp2.on('Network.responseReceived', (e) => {
          if (!e.response.fromDiskCache && !e.response.fromMemoryCache) fromServer.push(e.response.url);
        });
        await again.goto(`${server.url}/?page=overview`, { waitUntil: 'domcontentloaded' });
        await again.waitForSelector('[data-has-data="true"]', { timeout: 60_000 });
        await again.waitForLoadState('networkidle');
        expect(fromServer.filter((u) => /\/assets\/.+\.js$/.test(u))).toEqual([]);
        expect(fromServer.some((u) => new URL(u).pathname === '/')).toBe(true);
      } finally {
        await browser.close();
      }
    });
  });
});
