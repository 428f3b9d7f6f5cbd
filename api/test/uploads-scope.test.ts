/**
 * Issue 15 §9, central and local connected: a token scoped to provinces or
 * regions uploads only cells of those areas (403 naming the cells otherwise,
 * nothing stored, the dry run says the same); a region covers its provinces;
 * unscoped (central) analysts work as before; tokens are created scoped through
 * the API and the CLI; the versions list and audit log say who uploaded for which
 * area. On PGlite and PostgreSQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Observation } from '@lmo/models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capture, startBusyServer } from '../src/cli/test-io';
import { tokenCli } from '../src/cli/token';
import { createToken } from '../src/services/auth';
import { testBackends } from './backends';
import { fixtureRows, FIXTURE_YEARS } from './fixture';
import { startTestApp, storedCounts, type TestApp } from './harness';

const backends = await testBackends();
const HEADER = 'indicator,period,region,sector,qualification,value,unit,source,status';
const SRC = 'Provincial labour department (test upload)';
const AREAS: Record<string, number> = { '01': 5_000_000, 24: 1_800_000, 79: 6_000_000, 48: 1_500_000 };

/** The fixture plus a provincial labour force for four provinces. */
function rows(): Observation[] {
  const out = fixtureRows();
  for (const [region, base] of Object.entries(AREAS)) {
    FIXTURE_YEARS.forEach((year, i) =>
      out.push({
        indicator: 'labour_force',
        period: String(year),
        region,
        sector: 'TOTAL',
        qualification: 'ALL',
        value: base + i * 10_000,
        unit: 'persons',
        source: 'Test fixture (synthetic, not official)',
        status: 'modelled',
      }),
    );
  }
  return out;
}

/** A long file revising 2024's labour force of `regions` (by `bump` persons). */
const file = (regions: string[], bump = 1_234) =>
  [HEADER, ...regions.map((r) => `labour_force,2024,${r},TOTAL,ALL,${AREAS[r] + 11 * 10_000 + bump},persons,${SRC},modelled`)].join('\n');

describe.each(backends)('area-scoped uploads on $name', (backend) => {
  let t: TestApp;
  let admin = '';
  let central = '';
  beforeAll(async () => {
    t = await startTestApp(backend, rows());
    admin = (await createToken(t.database.db, { name: 'ministry admin', role: 'admin' })).token;
    central = (await createToken(t.database.db, { name: 'central analyst', role: 'analyst' })).token;
  });
  afterAll(async () => t?.close());

  const req = (path: string, token: string, init: RequestInit = {}) =>
    t.app.request(path, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` } });
  async function scopedToken(name: string, scope: unknown) {
    const res = await req('/api/tokens', admin, {
      method: 'POST',
      body: JSON.stringify({ name, role: 'analyst', scope }),
      headers: { 'content-type': 'application/json' },
    });
    return { status: res.status, body: (await res.json()) as any };
  }
  async function upload(token: string, body: string, fields: Record<string, string> = {}) {
    const form = new FormData();
    for (const [k, v] of Object.entries({ format: 'long', ...fields })) form.set(k, v);
    form.set('file', new Blob([body]), 'labour-force.csv');
    const res = await req('/api/uploads', token, { method: 'POST', body: form });
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as any };
  }
  const value = async (region: string) => {
    const r = await t.database.db.execute(sql`select o.value from observations o join dataset_versions v on v.id = o.dataset_version_id and v.is_current
      where o.indicator = 'labour_force' and o.period = '2024' and o.region = ${region} and o.sector = 'TOTAL' and o.qualification = 'ALL'`);
    return Number((r as unknown as { rows: { value: number }[] }).rows[0].value);
  };

  it('creates scoped tokens through the API (array or "01,79"), lists the scope and shows it in the session', async () => {
    const made = await scopedToken('Hà Nội + HCMC DOLISA', ' 79, 01 ,01');
    expect(made.status).toBe(201);
    expect(made.body.scope).toEqual(['01', '79']);
    expect(made.body.scopeAreas).toEqual([
      { code: '01', level: 'province', vi: 'Hà Nội', en: 'Ha Noi' },
      { code: '79', level: 'province', vi: 'TP Hồ Chí Minh', en: 'Ho Chi Minh City' },
    ]);
    const session = await (await req('/api/session', made.body.token)).json();
    expect(session).toMatchObject({ role: 'analyst', scope: ['01', '79'], scopeAreas: [{ code: '01' }, { code: '79' }] });
    expect(await (await req('/api/session', central)).json()).toMatchObject({ role: 'analyst', scope: null, scopeAreas: null });
    const list = await (await req('/api/tokens', admin)).json();
    expect(list.tokens.find((x: { id: number }) => x.id === made.body.id)).toMatchObject({ scope: ['01', '79'] });
    expect(list.tokens.find((x: { name: string }) => x.name === 'central analyst')).toMatchObject({ scope: null });
    expect((await scopedToken('South-east', ['se'])).body.scope).toEqual(['SE']);
  });

  it('refuses bad scopes with 400 naming the field, and stores no token', async () => {
    const count = async () => (await (await req('/api/tokens', admin)).json()).tokens.length;
    const before = await count();
    for (const [scope, why] of [
      ['VN', /whole country/],
      ['74', /former province.*79/],
      ['XX', /Unknown area/],
      [['01', 'Hanoi'], /Unknown area/],
      [42, /./],
    ] as const) {
      const r = await scopedToken('bad', scope);
      expect(r.status, JSON.stringify(scope)).toBe(400);
      expect(
        r.body.errors.some((e: { path: string; message: string }) => e.path === 'scope' && why.test(e.message)),
        JSON.stringify(r.body.errors),
      ).toBe(true);
    }
    const adminScoped = await req('/api/tokens', admin, {
      method: 'POST',
      body: JSON.stringify({ name: 'x', role: 'admin', scope: ['01'] }),
      headers: { 'content-type': 'application/json' },
    });
    expect(adminScoped.status).toBe(400);
    expect(JSON.stringify(await adminScoped.json())).toMatch(/Only analyst tokens/);
    expect(await count()).toBe(before);
  });

  it('a province-scoped upload inside its scope is stored (201)', async () => {
    const { body: token } = await scopedToken('Hà Nội + HCMC', ['01', '79']);
    const r = await upload(token.token, file(['01', '79']));
    expect(r.status, JSON.stringify(r.body).slice(0, 400)).toBe(201);
    expect(await value('01')).toBe(AREAS['01'] + 110_000 + 1_234);
    expect(await value('79')).toBe(AREAS[79] + 110_000 + 1_234);
  });

  it('cells of other areas: 403 problem+json naming line, column and region; nothing stored; the dry run says the same', async () => {
    const { body: token } = await scopedToken('Hà Nội only', '01');
    const body = file(['01', '48', '79'], 99) + '\nlabour_force,2023,VN,TOTAL,ALL,52000000,persons,x,modelled';
    const before = await storedCounts(t);
    const before01 = await value('01');
    for (const fields of [{ dryRun: 'true' }, {}] as Record<string, string>[]) {
      const r = await upload(token.token, body, fields);
      expect(r.status).toBe(403);
      expect(r.type).toContain('application/problem+json');
      expect(r.body).toMatchObject({ code: 'OUT_OF_SCOPE', cellCount: 3, scope: ['01'], regions: { 48: 1, 79: 1, VN: 1 } });
      expect(r.body.cells.map((c: { line: number; region: string }) => [c.line, c.region])).toEqual([
        [3, '48'],
        [4, '79'],
        [5, 'VN'],
      ]);
      expect(r.body.cells[0]).toMatchObject({ column: expect.any(String), indicator: 'labour_force', period: '2024' });
      expect(r.body.errors[0]).toMatchObject({ line: 3, value: '48', code: 'OUT_OF_SCOPE' });
      expect(r.body.detail).toMatch(/01 Ha Noi.*nothing was stored/);
      expect(r.body.detailVi).toMatch(/không có gì được lưu/);
      expect(await storedCounts(t)).toEqual(before);
    }
    expect(await value('01')).toBe(before01);
    // Another region's province is outside a region scope too.
    const south = await scopedToken('Southeast', ['SE']);
    expect((await upload(south.body.token, file(['01']))).status).toBe(403);
    expect(await storedCounts(t)).toEqual(before);
  });

  it('a region scope covers its provinces', async () => {
    const { body: token } = await scopedToken('Red River Delta office', ['RRD']);
    const r = await upload(token.token, file(['01', '24'], 7));
    expect(r.status, JSON.stringify(r.body).slice(0, 400)).toBe(201);
    expect(await value('24')).toBe(AREAS[24] + 110_000 + 7);
  });

  it('unscoped (central) analysts upload any area as before; scoped tokens cannot roll back', async () => {
    const r = await upload(central, file(['01', '48', '79'], 55));
    expect(r.status).toBe(201);
    expect(await value('48')).toBe(AREAS[48] + 110_000 + 55);
    const { body: token } = await scopedToken('Đà Nẵng', ['48']);
    const parent = r.body.version.parentId;
    const rollback = await req(`/api/versions/${parent}/rollback`, token.token, { method: 'POST' });
    expect(rollback.status).toBe(403);
    expect((await rollback.json()).code).toBe('OUT_OF_SCOPE');
    expect(await value('48')).toBe(AREAS[48] + 110_000 + 55);
  });

  it('the versions list and the audit log show who uploaded what for which area', async () => {
    const versions = (await (await req('/api/versions', central)).json()).versions as any[];
    const rrd = versions.find((v) => v.by?.name === 'Red River Delta office');
    expect(rrd).toMatchObject({ kind: 'upload', by: { kind: 'token', scope: ['RRD'] }, areas: ['01', '24'] });
    const centralUpload = versions.find((v) => v.by?.name === 'central analyst');
    expect(centralUpload).toMatchObject({ by: { scope: null }, areas: ['01', '48', '79'] });
    expect(versions.find((v) => v.kind === 'seed')).toMatchObject({ by: { kind: 'system', name: 'system', scope: null }, areas: null });
    // Token names may name people: anonymous readers get the scope and areas, not the name.
    const anonymous = (await (await t.app.request('/api/versions')).json()).versions as any[];
    expect(anonymous.find((v) => v.id === rrd.id)).toMatchObject({ by: { kind: 'token', name: null, tokenId: null, scope: ['RRD'] }, areas: ['01', '24'] });
    expect(JSON.stringify(anonymous)).not.toContain('Red River Delta office');
    const audit = (await (await req('/api/audit', central)).json()).entries as any[];
    const entry = audit.find((e) => e.action === 'dataset.upload' && e.by.name === 'Red River Delta office');
    expect(entry).toMatchObject({
      by: { kind: 'token', scope: ['RRD'] },
      detail: { areas: ['01', '24'], by: { name: 'Red River Delta office', scope: ['RRD'] } },
    });
    expect(audit.find((e) => e.action === 'token.create' && e.detail.name === 'Đà Nẵng')).toMatchObject({
      by: { name: 'ministry admin' },
      detail: { scope: ['48'] },
    });
  });
});

describe('the token CLI creates scoped tokens', () => {
  it('directly on a fresh embedded database: --scope is stored, listed, and refused when bad', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lmo-scope-cli-'));
    const env = { ...process.env, DATA_DIR: join(dir, 'data'), DATABASE_URL: '', SEED: '0', LMO_TOKEN: '' };
    try {
      const made = capture();
      expect(
        await tokenCli(['create', '--role', 'analyst', '--name', 'HCMC DOLISA', '--scope', '79,se'], made.io.out, made.io.err, env),
        made.err.join('\n'),
      ).toBe(0);
      expect(made.out.join('\n')).toMatch(/role analyst, scope 79,SE/);
      const listed = capture();
      expect(await tokenCli(['list'], listed.io.out, listed.io.err, env)).toBe(0);
      expect(listed.out.join('\n')).toMatch(/analyst\s+active\s+scope 79,SE.*HCMC DOLISA/);
      for (const args of [
        ['--role', 'analyst', '--scope', 'VN'],
        ['--role', 'admin', '--scope', '01'],
        ['--role', 'analyst', '--scope', '74'],
      ]) {
        const bad = capture();
        expect(await tokenCli(['create', '--name', 'x', ...args], bad.io.out, bad.io.err, env)).toBe(2);
        expect(bad.err.join('\n')).toMatch(/--scope: /);
      }
      const after = capture();
      await tokenCli(['list'], after.io.out, after.io.err, env);
      expect(after.out.length).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('through the running server (busy embedded directory): the scope reaches POST /api/tokens', async () => {
    const srv = await startBusyServer(backends[0], 'scope-cli');
    try {
      const admin = (await createToken(srv.t.database.db, { name: 'admin', role: 'admin' })).token;
      const env = { ...process.env, DATA_DIR: join(srv.dir, 'data'), DATABASE_URL: '', LMO_TOKEN: admin, LMO_URL: srv.url };
      const made = capture();
      expect(await tokenCli(['create', '--role', 'analyst', '--name', 'Cần Thơ', '--scope', '92'], made.io.out, made.io.err, env), made.err.join('\n')).toBe(0);
      const secret = /lmo_[A-Za-z0-9_-]{43}/.exec(made.out.join('\n'))![0];
      const session = await (await srv.t.app.request('/api/session', { headers: { authorization: `Bearer ${secret}` } })).json();
      expect(session).toMatchObject({ name: 'Cần Thơ', scope: ['92'] });
    } finally {
      await srv.close();
    }
  }, 120_000);
});
