/**
 * Item 4, HTTP hardening: secure headers (Hono secureHeaders + CSP), CORS off
 * unless CORS_ORIGINS is set, and body size limits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { smallCsv, startSecureApp, uploadCsv, type SecureApp } from './support/app';

let t: SecureApp;
beforeAll(async () => {
  delete process.env.CORS_ORIGINS;
  t = await startSecureApp({ MAX_BODY_BYTES: '4096', MAX_UPLOAD_BYTES: '20000' });
});
afterAll(async () => t?.close());

describe('secure headers', () => {
  it('sends Hono secureHeaders and a strict CSP on API responses, including errors', async () => {
    for (const path of ['/api/health', '/api/forecasts?sector=C', '/api/forecasts?sector=NOPE', '/api/nowhere', '/api/export.csv?view=series&sector=C']) {
      const res = await t.req(path);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
      expect(res.headers.get('strict-transport-security'), path).toMatch(/max-age=\d+/);
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('cross-origin-opener-policy'), path).toBe('same-origin');
      expect(res.headers.get('content-security-policy'), path).toContain("default-src 'none'");
      expect(res.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-powered-by'), path).toBeNull();
    }
  });

  it('gives the web pages a CSP that forbids inline and foreign scripts', async () => {
    const res = await t.req('/');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("'unsafe-inline'; script");
    expect(csp).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval|\*)/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('CORS', () => {
  it('sends no CORS headers when CORS_ORIGINS is unset, even to a preflight', async () => {
    const get = await t.req('/api/health', { headers: { origin: 'https://evil.example' } });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
    const pre = await t.req('/api/uploads', { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    expect(pre.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('allows exactly the configured origins when CORS_ORIGINS is set', async () => {
    process.env.CORS_ORIGINS = 'https://dashboard.molisa.gov.vn, https://analyst.example.vn';
    try {
      const app = createApp({ database: t.database, store: t.store, webDist: null });
      const ok = await app.request('/api/health', { headers: { origin: 'https://analyst.example.vn' } });
      expect(ok.headers.get('access-control-allow-origin')).toBe('https://analyst.example.vn');
      const pre = await app.request('/api/uploads', {
        method: 'OPTIONS',
        headers: { origin: 'https://dashboard.molisa.gov.vn', 'access-control-request-method': 'POST' },
      });
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
      const evil = await app.request('/api/health', { headers: { origin: 'https://evil.example' } });
      expect(evil.headers.get('access-control-allow-origin')).toBeNull();
      // A cross-origin dashboard can read which version answered and revalidate with its ETag.
      const forecast = '/api/forecasts?indicator=employment&region=VN&sector=C&qualification=ALL';
      const read = await app.request(forecast, { headers: { origin: 'https://analyst.example.vn' } });
      expect(read.headers.get('access-control-expose-headers')).toMatch(/data-version/i);
      expect(read.headers.get('access-control-expose-headers')).toMatch(/etag/i);
      expect(read.headers.get('access-control-allow-origin')).toBe('https://analyst.example.vn');
      const etag = read.headers.get('etag')!;
      expect(etag).toMatch(/^"v\d+-/);
      const again = await app.request(forecast, { headers: { origin: 'https://analyst.example.vn', 'if-none-match': etag } });
      expect(again.status).toBe(304);
      // Answers vary by origin: a stored anonymous answer is never replayed to another origin's request.
      const other = await app.request(forecast, { headers: { origin: 'https://evil.example' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      delete process.env.CORS_ORIGINS;
    }
  });

  it('refuses a wildcard or malformed CORS_ORIGINS at start-up', () => {
    expect(() => loadConfig({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadConfig({ CORS_ORIGINS: 'evil.example/path' })).toThrow(/CORS_ORIGINS/);
  });
});

describe('body size limits', () => {
  it('answers 413 problem+json for an oversized body on a non-upload route (declared or chunked)', async () => {
    const big = 'x'.repeat(10_000);
    const declared = await t.req('/api/versions/1/rollback', {
      method: 'POST',
      body: big,
      token: t.tokens.analyst,
      headers: { 'content-length': String(big.length) },
    });
    expect(declared.status).toBe(413);
    expect(declared.headers.get('content-type')).toContain('application/problem+json');
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 10; i++) c.enqueue(new TextEncoder().encode('y'.repeat(1000)));
        c.close();
      },
    });
    const chunked = await t.req('/api/versions/1/rollback', { method: 'POST', body: stream, token: t.tokens.analyst, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
    expect((await chunked.json()).status).toBe(413);
  });

  it('limits uploads to MAX_UPLOAD_BYTES and stores nothing', async () => {
    const before = (await (await t.req('/api/health')).json()).dataVersion.id;
    const header = 'indicator,period,region,sector,qualification,value,unit,source,status\n';
    const huge = header + 'employment,2023,01,C,ALL,1,persons,x,modelled\n'.repeat(1000); // ~46 kB > 20 kB
    const res = await uploadCsv(t, huge, t.tokens.analyst);
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await (await t.req('/api/health')).json()).dataVersion.id).toBe(before);
    // A small upload still fits.
    expect((await uploadCsv(t, smallCsv(), t.tokens.analyst, 'format=long&dryRun=1')).status).toBe(200);
  });
});
