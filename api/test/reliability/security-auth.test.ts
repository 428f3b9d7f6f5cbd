/**
 * Item 4, access: analyst-only routes refused to viewers and anonymous users;
 * rate limits on authentication failures and on uploads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallCsv, startSecureApp, uploadCsv, type SecureApp } from './support/app';

let t: SecureApp;
beforeAll(async () => {
  t = await startSecureApp({ UPLOAD_RATE_LIMIT: '30', AUTH_MAX_FAILURES: '10' });
});
afterAll(async () => t?.close());

const ANALYST_ONLY: { method: string; path: string; body?: () => BodyInit; type?: string }[] = [
  { method: 'POST', path: '/api/uploads?format=long', body: () => smallCsv(), type: 'text/csv' },
  { method: 'POST', path: '/api/uploads?format=long&dryRun=1', body: () => smallCsv(), type: 'text/csv' },
  { method: 'POST', path: '/api/versions/1/rollback' },
  { method: 'GET', path: '/api/audit' },
];

describe('analyst-only routes', () => {
  it.each(ANALYST_ONLY)('$method $path: 401 anonymous, 403 viewer, allowed for an analyst', async ({ method, path, body, type }) => {
    const versionBefore = (await (await t.req('/api/health')).json()).dataVersion.id;
    const send = (token?: string) => t.req(path, { method, body: body?.(), headers: type ? { 'content-type': type } : {}, token });
    const anon = await send();
    expect(anon.status).toBe(401);
    expect(anon.headers.get('content-type')).toContain('application/problem+json');
    expect(anon.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const viewer = await send(t.tokens.viewer);
    expect(viewer.status).toBe(403);
    expect((await viewer.json()).status).toBe(403);
    // Refused requests changed nothing.
    expect((await (await t.req('/api/health')).json()).dataVersion.id).toBe(versionBefore);
    const analyst = await send(t.tokens.analyst);
    expect([200, 201]).toContain(analyst.status);
  });

  it('ignores tokens in the query string and malformed Authorization headers', async () => {
    const q = await t.req(`/api/audit?token=${t.tokens.analyst}&access_token=${t.tokens.analyst}`);
    expect(q.status).toBe(401);
    for (const header of [`Basic ${t.tokens.analyst}`, `Bearer`, `Bearer ${t.tokens.analyst} extra`, `${t.tokens.analyst}`]) {
      expect((await t.req('/api/audit', { headers: { authorization: header } })).status, header).toBe(401);
    }
  });
});

describe('rate limits', () => {
  it('answers 429 with retry-after after repeated authentication failures from one client, even for a valid token', async () => {
    const app = await startSecureApp({ AUTH_MAX_FAILURES: '5' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) statuses.push((await app.req('/api/audit', { token: `lmo_${'A'.repeat(43)}` })).status);
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(statuses.slice(5)).toEqual([429, 429, 429]);
      const blocked = await app.req('/api/audit', { token: app.tokens.analyst });
      expect(blocked.status).toBe(429);
      expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(blocked.headers.get('content-type')).toContain('application/problem+json');
      // Reads without credentials are not part of the lock-out.
      expect((await app.req('/api/health')).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('answers 429 after UPLOAD_RATE_LIMIT uploads a minute from one client', async () => {
    const app = await startSecureApp({ UPLOAD_RATE_LIMIT: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await uploadCsv(app, smallCsv(), app.tokens.analyst, 'format=long&dryRun=1')).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const res = await uploadCsv(app, smallCsv(), app.tokens.analyst, 'format=long&dryRun=1');
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await res.json()).toMatchObject({ status: 429, type: '/api/problems/rate-limited' });
      // Reads are not rate-limited by uploads.
      expect((await app.req('/api/forecasts?sector=C')).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
