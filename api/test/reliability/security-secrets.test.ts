/**
 * Item 4, secrets: API tokens never appear in the server's logs (stdout and
 * stderr of the real process) nor in any response body, through successful
 * requests, bad tokens, failed uploads and a revoked token.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/services/auth';
import { smallCsv } from './support/app';
import { fetchJson, makeTokens, seedDatabase, startServer, type ServerRun } from './support/server-process';

let dir: string;
let server: ServerRun;
let tokens: { analyst: string; viewer: string; admin: string };
const bodies: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lmo-secrets-'));
  const env = { DATA_DIR: join(dir, 'data') };
  await seedDatabase(env);
  tokens = await makeTokens(env);
  server = await startServer(env);
}, 120_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function call(path: string, init: RequestInit = {}) {
  const res = await fetch(server.base + path, init);
  const text = await res.text();
  bodies.push(text, JSON.stringify([...res.headers]));
  return { status: res.status, text };
}

describe('tokens never leak', () => {
  it('keeps every token out of logs and responses through successes and failures', async () => {
    const auth = (t: string) => ({ authorization: `Bearer ${t}` });
    expect((await call('/api/audit', { headers: auth(tokens.analyst) })).status).toBe(200);
    expect((await call('/api/audit', { headers: auth(tokens.viewer) })).status).toBe(403);
    expect((await call('/api/versions', { headers: auth(tokens.viewer) })).status).toBe(200);
    // A near-miss token (one character changed) and garbage with the token inside.
    const nearMiss = tokens.admin.slice(0, -1) + (tokens.admin.endsWith('A') ? 'B' : 'A');
    expect((await call('/api/audit', { headers: auth(nearMiss) })).status).toBe(401);
    expect((await call('/api/audit', { headers: { authorization: `Token ${tokens.admin}` } })).status).toBe(401);
    // Uploads: bad file, good dry run, malformed multipart.
    const bad = await call('/api/uploads?format=long', {
      method: 'POST',
      body: 'indicator,period\nemployment,20x0\n',
      headers: { ...auth(tokens.analyst), 'content-type': 'text/csv' },
    });
    expect(bad.status).toBe(422);
    expect(
      (await call('/api/uploads?format=long&dryRun=1', { method: 'POST', body: smallCsv(), headers: { ...auth(tokens.analyst), 'content-type': 'text/csv' } }))
        .status,
    ).toBe(200);
    expect(
      (
        await call('/api/uploads', {
          method: 'POST',
          body: '--x\r\nbroken',
          headers: { ...auth(tokens.analyst), 'content-type': 'multipart/form-data; boundary=x' },
        })
      ).status,
    ).toBeGreaterThanOrEqual(400);
    expect((await call('/api/forecasts?sector=NOPE', { headers: auth(tokens.viewer) })).status).toBe(400);
    const audit = await fetchJson(`${server.base}/api/audit`, { headers: auth(tokens.analyst) });
    bodies.push(JSON.stringify(audit.body));
    await new Promise((r) => setTimeout(r, 200));

    const logs = server.output();
    expect(logs.length).toBeGreaterThan(0);
    for (const token of Object.values(tokens)) {
      const hash = hashToken(token);
      expect(logs).not.toContain(token);
      expect(logs).not.toContain(token.slice(4, 24));
      expect(logs).not.toContain(hash);
      expect(bodies.join('\n')).not.toContain(token);
      expect(bodies.join('\n')).not.toContain(hash);
    }
    expect(nearMiss).not.toBe(tokens.admin);
    expect(logs).not.toContain(nearMiss);
  }, 60_000);
});
