import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { mountWeb } from './static-web';

const root = mkdtempSync(join(tmpdir(), 'lmo-static-'));
const dist = join(root, 'dist');
mkdirSync(join(dist, 'assets'), { recursive: true });
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app shell</title>');
writeFileSync(join(dist, 'assets', 'app.js'), 'console.log("app")');
writeFileSync(join(dist, 'assets', 'index-Bx3kP9aQ.js'), 'console.log("hashed")'.repeat(100));
writeFileSync(join(dist, 'assets', 'index-Bx3kP9aQ.js.br'), brotliCompressSync('console.log("hashed")'.repeat(100)));
writeFileSync(join(dist, 'assets', 'index-Bx3kP9aQ.js.gz'), gzipSync('console.log("hashed")'.repeat(100)));
writeFileSync(
  join(dist, 'landing-requests.json'),
  JSON.stringify({ params: { page: ['overview'], lang: ['vi', 'en'] }, urls: ['/api/forecasts?indicator=employment&levels=80%2C95'] }),
);
writeFileSync(join(root, 'secret.txt'), 'TOP SECRET');

afterAll(() => rmSync(root, { recursive: true, force: true }));

function appWith(webDist: string | null) {
  const app = new Hono();
  app.get('/api/health', (c) => c.json({ ok: true }));
  mountWeb(app, webDist);
  return app;
}

describe('static web serving', () => {
  const app = appWith(dist);

  it('serves files and the app shell for client routes', async () => {
    const js = await app.request('/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('javascript');
    const shell = await app.request('/regions/01?horizon=5');
    expect(await shell.text()).toContain('app shell');
    expect((await app.request('/api/health')).status).toBe(200);
  });

  it("sends the build's brotli or gzip copy by content negotiation, hashed assets immutable, the shell revalidated", async () => {
    const br = await app.request('/assets/index-Bx3kP9aQ.js', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const gz = await app.request('/assets/index-Bx3kP9aQ.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const plain = await app.request('/assets/index-Bx3kP9aQ.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toContain('hashed');
    expect((await app.request('/')).headers.get('cache-control')).toBe('no-cache');
    expect((await app.request('/regions')).headers.get('cache-control')).toBe('no-cache');
    expect((await app.request('/assets/app.js')).headers.get('cache-control')).toBe('no-cache');
  });

  it("sends the landing view's shell with a Link header preloading its first chart's data, no other page or file", async () => {
    const link = '</api/forecasts?indicator=employment&levels=80%2C95>; rel=preload; as=fetch; crossorigin';
    for (const path of ['/', '/?page=overview', '/?lang=en', '/index.html?lang=en']) {
      const res = await app.request(path, { headers: { 'accept-encoding': 'br' } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('link'), path).toBe(link);
    }
    for (const path of ['/?page=regions', '/?scenario=s-1', '/regions?horizon=5', '/assets/app.js', '/landing-requests.json']) {
      expect((await app.request(path)).headers.get('link'), path).toBeNull();
    }
  });

  it('never serves files outside web/dist', async () => {
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%5c..%5csecret.txt',
      '//secret.txt',
    ]) {
      const res = await app.request(path);
      expect(await res.text(), path).not.toContain('TOP SECRET');
    }
  });

  it('without a built web app, / links to the API docs; a later build is served at once', async () => {
    const later = join(root, 'later');
    const app = appWith(later);
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('/api/docs');
    mkdirSync(later);
    writeFileSync(join(later, 'index.html'), '<!doctype html><title>new build</title>');
    expect(await (await app.request('/')).text()).toContain('new build');
    expect(await (await app.request('/sectors/C')).text()).toContain('new build');
  });
});
