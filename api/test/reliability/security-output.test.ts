/**
 * Item 4, output safety: CSV exports are safe against formula injection, and
 * labels from uploads come back as text, never HTML (JSON served with nosniff
 * and a script-free CSP; the web app renders them as React text, and a real
 * Chromium opening the responses runs nothing).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import Papa from 'papaparse';
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSecureApp, type SecureApp } from './support/app';
import { API_DIR, freePort } from './support/server-process';

const XSS = '<img src=x onerror=window.__pwned=1>';
const SCRIPT = '<script>window.__pwned=2</script>';
const FORMULAS = ['=HYPERLINK("http://evil.example","click")', '+SUM(1;2)', "-2+3+cmd|' /C calc'!A0", '@SUM(A1:A2)', '\t=1+1', '\r=1+1'];
const CELL = 'indicator=employment&region=01&sector=F&qualification=college';

let t: SecureApp;
beforeAll(async () => {
  t = await startSecureApp({ UPLOAD_RATE_LIMIT: '0' });
  // One row per dangerous source text, plus an HTML label as the file name.
  const lines = ['indicator,period,region,sector,qualification,value,unit,source,status'];
  [...FORMULAS, XSS, SCRIPT].forEach((src, i) => lines.push(`employment,${2017 + i},01,F,college,${1000 + i},persons,"${src.replace(/"/g, '""')}",modelled`));
  const form = new FormData();
  form.set('format', 'long');
  form.set('file', new Blob([lines.join('\n') + '\n'], { type: 'text/csv' }), `${XSS}.csv`);
  const res = await t.req('/api/uploads', { method: 'POST', body: form, token: t.tokens.analyst });
  expect(res.status, await res.clone().text()).toBe(201);
}, 120_000);
afterAll(async () => t?.close());

describe('CSV exports and formula injection', () => {
  it.each(['series', 'forecasts'])('view=%s: no cell starts with = + - @ tab or CR', async (view) => {
    const res = await t.req(`/api/export.csv?view=${view}&${CELL}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="lmo-[a-z]+-v\d+\.csv"$/);
    const text = (await res.text()).replace(/^\uFEFF/, '');
    const { data } = Papa.parse<string[]>(text.trim(), { newline: '\r\n' });
    const cells = data.slice(1).flat();
    expect(cells.length).toBeGreaterThan(10);
    const dangerous = cells.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^-?\d+(\.\d+)?(e-?\d+)?$/.test(c));
    expect(dangerous).toEqual([]);
    // The texts are still there, only neutralised with a leading apostrophe.
    // (the long-format parser trims surrounding whitespace, so '\t=1+1' is stored as '=1+1').
    if (view === 'series') for (const f of FORMULAS) expect(cells).toContain(`'${f.trim()}`);
  });

  it('keeps negative numbers numeric (only text is escaped)', async () => {
    const res = await t.req('/api/export.csv?view=gaps&region=VN');
    const { data } = Papa.parse<string[]>((await res.text()).replace(/^\uFEFF/, '').trim(), { newline: '\r\n' });
    const imbalance = data[0].indexOf('imbalance');
    expect(imbalance).toBeGreaterThan(-1);
    expect(data.slice(1).some((r) => r[imbalance].startsWith('-') && Number.isFinite(Number(r[imbalance])))).toBe(true);
  });
});

describe('labels from uploads are text, never HTML', () => {
  it('returns the HTML label verbatim inside JSON with nosniff and a script-free CSP', async () => {
    for (const path of ['/api/versions', `/api/series?${CELL}`, '/api/meta']) {
      const res = await t.req(path);
      expect(res.headers.get('content-type'), path).toMatch(/^application\/json/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      const body = JSON.stringify(await res.json());
      expect(body, path).toContain(JSON.stringify(XSS).slice(1, -1));
    }
    const versions = (await (await t.req('/api/versions')).json()).versions;
    expect(versions[0].label).toContain(XSS);
    const csv = await (await t.req(`/api/export.csv?view=series&${CELL}`)).text();
    const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, '').trim(), { newline: '\r\n' }).data;
    expect(parsed.map((r) => r[7])).toContain(XSS);
    expect(parsed.map((r) => r[7])).toContain(SCRIPT);
  });

  it('a real browser opening the responses executes nothing', async () => {
    const port = await freePort();
    const server: ServerType = serve({ fetch: t.app.fetch, port, hostname: '127.0.0.1' });
    const profile = mkdtempSync(join(tmpdir(), 'lmo-xss-'));
    const browser = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = browser.pages()[0] ?? (await browser.newPage());
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      for (const path of ['/api/versions', `/api/series?${CELL}`, '/api/meta', `/api/forecasts?${CELL}&scenario=${encodeURIComponent(XSS)}`]) {
        await page.goto(`http://127.0.0.1:${port}${path}`);
        await page.waitForTimeout(100);
        expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? 0), path).toBe(0);
        expect(await page.evaluate(() => document.querySelectorAll('img').length), path).toBe(0);
      }
      expect(dialogs).toEqual([]);
    } finally {
      await browser.close();
      server.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }, 60_000);

  it('the web app never injects HTML (no dangerouslySetInnerHTML / innerHTML in web/src)', () => {
    const root = join(API_DIR, '../web/src');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(tsx?|jsx?)$/.test(name) && !/\.test\./.test(name)) {
          if (/dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\(/.test(readFileSync(path, 'utf8')))
            offenders.push(path);
        }
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
  });
});
