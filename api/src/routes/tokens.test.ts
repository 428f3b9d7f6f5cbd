/**
 * /api/tokens (issue 15, item 8): admins create, list and revoke tokens while
 * the server runs; the secret is shown once and only its hash is stored; the
 * token CLI goes through these routes when the server holds the embedded database.
 */
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../../test/backends';
import { capture, startBusyServer } from '../cli/test-io';
import { tokenCli } from '../cli/token';
import { createToken, hashToken } from '../services/auth';

const [pglite] = await testBackends();

describe('/api/tokens and the token CLI against a running server', () => {
  let srv: Awaited<ReturnType<typeof startBusyServer>>;
  let admin = '';
  const req = (path: string, init: RequestInit & { token?: string } = {}) => {
    const { token, headers, ...rest } = init;
    const h = new Headers(headers);
    if (token) h.set('authorization', `Bearer ${token}`);
    return srv.t.app.request(path, { ...rest, headers: h });
  };
  const post = (body: unknown, token = admin) =>
    req('/api/tokens', { method: 'POST', token, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

  beforeAll(async () => {
    srv = await startBusyServer(pglite, 'tokens-api');
    admin = (await createToken(srv.t.database.db, { name: 'first admin', role: 'admin' })).token;
  }, 120_000);
  afterAll(async () => srv?.close());

  it('needs an admin token: 401 without, 403 for an analyst, as problem+json', async () => {
    const none = await req('/api/tokens');
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toContain('application/problem+json');
    const analyst = await req('/api/tokens', { token: srv.token });
    expect(analyst.status).toBe(403);
    expect((await post({ name: 'x', role: 'admin' }, srv.token)).status).toBe(403);
  });

  it('creates a token whose secret works at once, is shown once and stored only as a hash', async () => {
    const res = await post({ name: 'Hà Nội DOLISA analyst', role: 'analyst' });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(body).toMatchObject({ name: 'Hà Nội DOLISA analyst', role: 'analyst', revokedAt: null });
    expect(body.token).toMatch(/^lmo_[A-Za-z0-9_-]{43}$/);
    const session = await (await req('/api/session', { token: body.token })).json();
    expect(session).toMatchObject({ tokenId: body.id, role: 'analyst' });
    const stored = await srv.t.database.db.execute(sql`select hash from api_tokens where id = ${body.id}`);
    expect((stored as unknown as { rows: { hash: string }[] }).rows[0].hash).toBe(hashToken(body.token));
    const list = await (await req('/api/tokens', { token: admin })).json();
    expect(list.tokens.find((t: { id: number }) => t.id === body.id)).toMatchObject({ name: 'Hà Nội DOLISA analyst', role: 'analyst' });
    expect(JSON.stringify(list)).not.toContain(body.token);
    expect(JSON.stringify(list)).not.toContain(hashToken(body.token));
  });

  it('refuses bad input with 400 problem+json naming the field, and stores nothing', async () => {
    const before = (await (await req('/api/tokens', { token: admin })).json()).tokens.length;
    for (const bad of [
      { name: '', role: 'analyst' },
      { name: 'x', role: 'boss' },
      { name: 'a\u0000b', role: 'viewer' },
      { name: 'x'.repeat(201), role: 'viewer' },
      { role: 'viewer' },
      { name: 'x', role: 'viewer', extra: 1 },
    ]) {
      const res = await post(bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect((await res.json()).errors.length).toBeGreaterThan(0);
    }
    expect((await (await req('/api/tokens', { token: admin })).json()).tokens.length).toBe(before);
  });

  it('revokes: the token gets 401 at once; unknown, repeated and malformed ids are 404/400; the last admin stays', async () => {
    const victim = await (await post({ name: 'temporary', role: 'viewer' })).json();
    const res = await req(`/api/tokens/${victim.id}`, { method: 'DELETE', token: admin });
    expect(res.status).toBe(200);
    expect((await res.json()).revoked).toMatchObject({ id: victim.id, revokedAt: expect.any(String) });
    expect((await req('/api/session', { token: victim.token })).status).toBe(401);
    expect((await req(`/api/tokens/${victim.id}`, { method: 'DELETE', token: admin })).status).toBe(404);
    expect((await req('/api/tokens/999999', { method: 'DELETE', token: admin })).status).toBe(404);
    for (const id of ['0x10', '1e3', '2147483648', '-1']) expect((await req(`/api/tokens/${id}`, { method: 'DELETE', token: admin })).status).toBe(400);
    const adminId = (await (await req('/api/session', { token: admin })).json()).tokenId;
    const last = await req(`/api/tokens/${adminId}`, { method: 'DELETE', token: admin });
    expect(last.status).toBe(409);
    expect((await last.json()).detail).toMatch(/last active admin/);
    const audit = await srv.t.database.db.execute(sql`select actor, action from audit_log where action like 'token.%' order by id`);
    expect((audit as unknown as { rows: { actor: string; action: string }[] }).rows).toEqual(
      expect.arrayContaining([
        { actor: `token:${adminId}`, action: 'token.create' },
        { actor: `token:${adminId}`, action: 'token.revoke' },
      ]),
    );
  });

  it('the CLI manages tokens through the running server with LMO_TOKEN (the embedded directory is busy)', async () => {
    const env = { ...process.env, DATA_DIR: join(srv.dir, 'data'), DATABASE_URL: '', LMO_TOKEN: admin, LMO_URL: srv.url };
    const made = capture();
    expect(await tokenCli(['create', '--role', 'viewer', '--name', 'via CLI'], made.io.out, made.io.err, env), made.err.join('\n')).toBe(0);
    const secret = /lmo_[A-Za-z0-9_-]{43}/.exec(made.out.join('\n'))![0];
    expect((await req('/api/session', { token: secret })).status).toBe(200);
    const id = Number(/#(\d+)/.exec(made.out.join('\n'))![1]);
    const listed = capture();
    expect(await tokenCli(['list'], listed.io.out, listed.io.err, env)).toBe(0);
    expect(listed.out.join('\n')).toMatch(new RegExp(`#${id}\\s+viewer\\s+active.*via CLI`));
    const revoked = capture();
    expect(await tokenCli(['revoke', String(id)], revoked.io.out, revoked.io.err, env)).toBe(0);
    expect((await req('/api/session', { token: secret })).status).toBe(401);
    const again = capture();
    expect(await tokenCli(['revoke', String(id)], again.io.out, again.io.err, env)).toBe(1);
    const wrong = capture();
    expect(await tokenCli(['list'], wrong.io.out, wrong.io.err, { ...env, LMO_TOKEN: srv.token })).toBe(3);
    expect(wrong.err.join('\n')).toMatch(/403.*admin/s);
  });
});
