/**
 * Item 4, no path traversal in anything file-related: the static web app
 * never serves a file outside web/dist, and an upload's file name is only a
 * label (nothing is written under it), whatever it contains.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { smallCsv, startSecureApp, type SecureApp } from './support/app';

const SECRET = 'TOP-SECRET-OUTSIDE-DIST';
let t: SecureApp;
let root: string;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  t = await startSecureApp({ UPLOAD_RATE_LIMIT: '0' });
  root = mkdtempSync(join(tmpdir(), 'lmo-traversal-'));
  const dist = join(root, 'www', 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app shell</title>');
  writeFileSync(join(dist, 'assets', 'app.js'), 'console.log("app")');
  writeFileSync(join(root, 'www', 'secret.txt'), SECRET);
  writeFileSync(join(root, 'secret.txt'), SECRET);
  app = createApp({ database: t.database, store: t.store, webDist: dist });
});
afterAll(async () => {
  await t?.close();
  rmSync(root, { recursive: true, force: true });
});

const ATTACKS = [
  '/../secret.txt',
  '/../../secret.txt',
  '/assets/../../secret.txt',
  '/%2e%2e/secret.txt',
  '/%2e%2e/%2e%2e/secret.txt',
  '/..%2fsecret.txt',
  '/..%2f..%2fsecret.txt',
  '/assets/..%2f..%2fsecret.txt',
  '/%252e%252e/secret.txt',
  '/..%5csecret.txt',
  '/assets/..\\..\\secret.txt',
  '/.%2e/secret.txt',
  '//etc/passwd',
  '/%2fetc%2fpasswd',
  '/..%00/secret.txt',
  '/assets%2f..%2f..%2fsecret.txt',
  '/....//....//secret.txt',
  '/assets/%c0%ae%c0%ae/%c0%ae%c0%ae/secret.txt',
  '/..;/secret.txt',
  `/${'../'.repeat(12)}etc/passwd`,
];

describe('static files', () => {
  it('serves files inside web/dist', async () => {
    expect(await (await app.request('/assets/app.js')).text()).toContain('console.log');
  });

  it.each(ATTACKS)('%s never reveals a file outside web/dist', async (path) => {
    const res = await app.request(`http://localhost${path}`);
    const body = await res.text();
    expect(res.status).toBeLessThan(500);
    expect(body).not.toContain(SECRET);
    expect(body).not.toMatch(/root:x:0:0/);
  });
});

describe('upload file names', () => {
  it('are labels only: a traversal name writes no file anywhere', async () => {
    const target = join(root, 'pwned.csv');
    const names = [`../../../../../../..${target}`, `..\\..\\..\\${target}`, target, `${'../'.repeat(20)}tmp/lmo-pwned.csv`];
    for (const name of names) {
      const form = new FormData();
      form.set('format', 'long');
      form.set('file', new Blob([smallCsv({ value: 4000 + names.indexOf(name) })], { type: 'text/csv' }), name);
      const res = await t.req('/api/uploads', { method: 'POST', body: form, token: t.tokens.analyst });
      expect(res.status).toBe(201);
    }
    expect(existsSync(target)).toBe(false);
    expect(existsSync('/tmp/lmo-pwned.csv')).toBe(false);
    expect(readdirSync(root).sort()).toEqual(['secret.txt', 'www']);
    const labels = (await (await t.req('/api/versions')).json()).versions.map((v: { label: string }) => v.label);
    expect(labels.some((l: string) => l.includes('lmo-pwned.csv'))).toBe(true);
  });

  it('exports name their download from fixed parts only', async () => {
    const res = await t.req('/api/export.csv?view=series&sector=C&region=..%2F..%2Fetc');
    expect(res.status).toBe(400);
    const ok = await t.req('/api/export.csv?view=series&sector=C');
    expect(ok.headers.get('content-disposition')).toMatch(/^attachment; filename="lmo-series-v\d+\.csv"$/);
  });
});
