/**
 * Uploads, versions, rollback, audit and tokens through app.request(), on
 * PGlite and PostgreSQL. Every failure case also checks that nothing was stored.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createToken, revokeToken } from '../src/services/auth';
import { testBackends } from './backends';
import { startTestApp, storedCounts, type TestApp } from './harness';

const backends = await testBackends();
const example = (name: string) => readFileSync(new URL(`../../seeds/examples/${name}`, import.meta.url));
const HEADER = 'indicator,period,region,sector,qualification,value,unit,source,status';
const SRC = 'Test upload (synthetic; not official)';

describe.each(backends)('uploads on $name', (backend) => {
  let t: TestApp;
  const tokens = { admin: '', analyst: '', viewer: '' };
  let analystId = 0;
  beforeAll(async () => {
    t = await startTestApp(backend);
    for (const role of ['admin', 'analyst', 'viewer'] as const) {
      const created = await createToken(t.database.db, { name: `test ${role}`, role });
      tokens[role] = created.token;
      if (role === 'analyst') analystId = created.id;
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const counts = () => storedCounts(t);

  async function upload(
    body: Uint8Array | string,
    fields: Record<string, string> = {},
    token: string | null = tokens.analyst,
    fileName = 'upload.csv',
    app = t.app,
  ) {
    const form = new FormData();
    for (const [k, v] of Object.entries({ format: 'long', ...fields })) form.set(k, v);
    form.set('file', new Blob([body as BlobPart]), fileName);
    const res = await app.request('/api/uploads', { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, type, headers: res.headers, body: (await res.json()) as any };
  }
  const get = async (path: string, token: string | null = null) => {
    const res = await t.app.request(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: res.status, body: (await res.json()) as any };
  };
  /** Uploads `body`, expects 422 and that nothing was stored; returns the errors. */
  async function rejected(body: Uint8Array | string, fields: Record<string, string> = {}) {
    const before = await counts();
    const r = await upload(body, fields);
    expect(r.status, JSON.stringify(r.body) + String(t.errors.at(-1))).toBe(422);
    expect(r.type).toContain('application/problem+json');
    expect(await counts()).toEqual(before);
    return r.body.errors as { line: number; column: string | null; value: string; message: string; code: string }[];
  }

  describe('accounts', () => {
    it('401 without a token, 403 for a viewer, 401 for an unknown token', async () => {
      const before = await counts();
      const none = await upload(example('long.csv'), {}, null);
      expect(none.status).toBe(401);
      expect(none.type).toContain('application/problem+json');
      expect(none.headers.get('www-authenticate')).toContain('Bearer');
      expect((await upload(example('long.csv'), {}, tokens.viewer)).status).toBe(403);
      expect((await upload(example('long.csv'), {}, `lmo_${'x'.repeat(43)}`)).status).toBe(401);
      expect(await counts()).toEqual(before);
    });

    it('stores only a hash of the secret', async () => {
      const r = await t.database.db.execute(sql`select hash from api_tokens`);
      const hashes = (r as unknown as { rows: { hash: string }[] }).rows.map((x) => x.hash);
      expect(hashes).toHaveLength(3);
      for (const secret of Object.values(tokens)) expect(hashes).not.toContain(secret);
      for (const h of hashes) expect(h).toMatch(/^[0-9a-f]{64}$/);
    });

    it('a revoked token stops working', async () => {
      const extra = await createToken(t.database.db, { name: 'short-lived', role: 'analyst' });
      expect((await get('/api/audit', extra.token)).status).toBe(200);
      expect(await revokeToken(t.database.db, extra.id)).toBe(true);
      expect((await get('/api/audit', extra.token)).status).toBe(401);
    });

    it('audit needs an analyst', async () => {
      expect((await get('/api/audit')).status).toBe(401);
      expect((await get('/api/audit', tokens.viewer)).status).toBe(403);
    });
  });

  describe('validation: exact line and column, nothing stored', () => {
    it('long-invalid.csv lists every problem where it is', async () => {
      const errors = await rejected(example('long-invalid.csv'));
      const at = errors.map((e) => `${e.line}:${e.column}:${e.code}`);
      expect(at).toEqual(
        expect.arrayContaining([
          '2:indicator:UNKNOWN_INDICATOR',
          '3:region:UNKNOWN_REGION',
          '4:value:PERCENT_OVER_100',
          '5:value:NOT_A_NUMBER',
          '7:null:DUPLICATE_KEY',
          '8:period:FUTURE_PERIOD',
          '9:qualification:UNKNOWN_QUALIFICATION',
          '9:source:MISSING_SOURCE',
        ]),
      );
      expect(errors.find((e) => e.code === 'NOT_A_NUMBER')?.value).toBe('13,800,000');
      expect(errors.find((e) => e.code === 'UNKNOWN_REGION')?.message).toMatch(/did you mean/);
    });

    it('negative values', async () => {
      const errors = await rejected(`${HEADER}\nemployment,2020,VN,C,ALL,-5,persons,${SRC},modelled\n`);
      expect(errors).toEqual([expect.objectContaining({ line: 2, column: 'value', value: '-5', code: 'NEGATIVE_VALUE' })]);
    });

    it('a misspelt header gets a suggestion', async () => {
      const errors = await rejected(`${HEADER.replace('region', 'regoin')}\nemployment,2020,VN,C,ALL,5,persons,${SRC},modelled\n`);
      expect(errors[0]).toMatchObject({ line: 1 });
      expect(errors[0].message).toMatch(/region/);
    });

    it('empty file', async () => {
      expect((await rejected(''))[0]).toMatchObject({ line: 1, code: 'EMPTY_FILE' });
    });

    it('legacy encodings are named', async () => {
      const latin1 = Buffer.concat([Buffer.from(`${HEADER}\nemployment,2020,VN,C,ALL,5,persons,Ngu`), Buffer.from([0xe1]), Buffer.from(`n,modelled\n`)]);
      expect((await rejected(latin1))[0]).toMatchObject({ line: 2, code: 'ENCODING' });
    });

    it('a former province (63-unit code) is accepted and mapped', async () => {
      const r = await upload(`${HEADER}\nemployment,2020,Hà Giang,TOTAL,ALL,1000,persons,${SRC},modelled\n`, { dryRun: '1' });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body).toMatchObject({ status: 'validated', cells: 1 });
      expect(r.body.warnings.join(' ')).toMatch(/former|Hà Giang/i);
    });

    it('over the size limit: 413, nothing stored', async () => {
      const before = await counts();
      // The same database behind an app started with MAX_UPLOAD_BYTES=200.
      const small = createApp({ database: t.database, store: t.store, webDist: null, config: loadConfig({ ...process.env, MAX_UPLOAD_BYTES: '200' }) });
      const r = await upload(example('long.csv'), {}, tokens.analyst, 'upload.csv', small);
      expect(r.status).toBe(413);
      expect(r.type).toContain('application/problem+json');
      expect(await counts()).toEqual(before);
    });

    it('wide: a World Bank file with a bad cell names the year column', async () => {
      const errors = await rejected(example('wide-worldbank-invalid.csv'), { format: 'wide', mapping: example('wide-mapping.json').toString() });
      expect(errors.map((e) => `${e.line}:${e.column}:${e.code}`).sort()).toEqual(['8:2015:NOT_A_NUMBER', '8:2019:NOT_A_NUMBER']);
    });

    it('wide without a mapping, or with bad JSON', async () => {
      expect((await rejected(example('wide-worldbank.csv'), { format: 'wide' }))[0]).toMatchObject({ line: 0, column: 'mapping' });
      expect((await rejected(example('wide-worldbank.csv'), { format: 'wide', mapping: '{oops' }))[0]).toMatchObject({ column: 'mapping' });
    });

    it('microdata: bad respondents by line and column', async () => {
      const errors = await rejected(example('microdata-invalid.csv'), { format: 'microdata', period: '2024' });
      const at = errors.map((e) => `${e.line}:${e.column}`);
      expect(at).toEqual(expect.arrayContaining(['3:province', '4:status', '5:age', '6:weight']));
    });

    it('microdata: a future survey period', async () => {
      expect((await rejected(example('microdata.csv'), { format: 'microdata', period: '2099' }))[0]).toMatchObject({ column: 'period', code: 'FUTURE_PERIOD' });
    });
  });

  describe('commit, re-upload, diff, rollback', () => {
    const cell = '/api/forecasts?indicator=employment&region=VN&sector=C&qualification=university&horizon=3';
    let firstVersion = 0;
    let uploaded = 0;
    let original2024 = 0;

    it('dry run validates without storing', async () => {
      const before = await counts();
      const r = await upload(example('long.csv'), { dryRun: '1' });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ status: 'validated', rows: 14, cells: 14, hash: expect.stringMatching(/^[0-9a-f]{64}$/), version: null });
      expect(await counts()).toEqual(before);
    });

    it('a valid long file becomes the current version (201), health reports it', async () => {
      firstVersion = (await get('/api/health')).body.dataVersion.id;
      const before = await counts();
      const forecastBefore = (await get(cell)).body;
      // Replace 2024 employment in C with a jump: the forecast must change.
      const body = `${HEADER}\nemployment,2024,VN,C,university,3000000,persons,${SRC},modelled\nemployment,2023,VN,G,ALL,1500,persons,${SRC},modelled\n`;
      const r = await upload(body, {}, tokens.analyst, 'jump.csv');
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect(r.body).toMatchObject({ status: 'created', rows: 2, cells: 2, version: { parentId: firstVersion, isCurrent: true, kind: 'upload' } });
      uploaded = r.body.version.id;
      // Copy-on-write: two cells replaced, the rest copied.
      expect(r.body.version.rowCount).toBe(before.rows);
      expect((await get('/api/health')).body.dataVersion.id).toBe(uploaded);
      const forecastAfter = (await get(cell)).body;
      expect(forecastAfter.dataVersion).toBe(uploaded);
      const at2024 = (f: any) => f.history.find((h: any) => h.period === '2024');
      expect(at2024(forecastAfter)).toMatchObject({ value: 3_000_000, source: SRC });
      expect(at2024(forecastBefore).value).not.toBe(3_000_000);
      original2024 = at2024(forecastBefore).value;
      // Same data again: 200 with the same version, nothing new.
      const mid = await counts();
      const again = await upload(body, {}, tokens.analyst, 'jump-again.csv');
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ status: 'duplicate', version: { id: uploaded } });
      expect(await counts()).toEqual(mid);
    });

    it('diff shows the replaced cells with totals before and after', async () => {
      const r = await get(`/api/versions/${uploaded}/diff`);
      expect(r.status).toBe(200);
      expect(r.body.counts).toMatchObject({ added: 0, changed: 2, removed: 0 });
      const c = r.body.cells.find((x: any) => x.sector === 'C');
      expect(c).toMatchObject({ period: '2024', before: expect.any(Number), after: 3_000_000 });
      // Totals per indicator and period: 2023 and 2024 are not added together.
      const total = (period: string) => r.body.totals.find((x: any) => x.indicator === 'employment' && x.period === period);
      expect(total('2024')).toMatchObject({ cells: 1, before: c.before, after: 3_000_000 });
      const g = r.body.cells.find((x: any) => x.sector === 'G');
      expect(total('2023')).toMatchObject({ cells: 1, before: g.before, after: 1500 });
      expect((await get('/api/versions/99999/diff')).status).toBe(404);
    });

    it('rollback restores the previous forecasts; viewers cannot', async () => {
      const path = `/api/versions/${firstVersion}/rollback`;
      expect((await t.app.request(path, { method: 'POST', headers: { authorization: `Bearer ${tokens.viewer}` } })).status).toBe(403);
      expect((await t.app.request(path, { method: 'POST' })).status).toBe(401);
      const r = await t.app.request(path, { method: 'POST', headers: { authorization: `Bearer ${tokens.analyst}` } });
      expect(r.status).toBe(200);
      expect(await r.json()).toMatchObject({ moved: true, from: uploaded, version: { id: firstVersion, isCurrent: true } });
      const restored = (await get(cell)).body;
      expect(restored.dataVersion).toBe(firstVersion);
      expect(restored.history.find((h: any) => h.period === '2024').value).toBe(original2024);
      const versions = (await get('/api/versions')).body.versions;
      expect(versions.filter((v: any) => v.isCurrent).map((v: any) => v.id)).toEqual([firstVersion]);
      expect(versions.map((v: any) => v.id)).toContain(uploaded); // kept
    });

    it('the audit log records uploads and rollbacks by token id', async () => {
      const r = await get('/api/audit', tokens.analyst);
      expect(r.status).toBe(200);
      const actions = r.body.entries.map((e: any) => `${e.action}@${e.actor}`);
      expect(actions).toEqual(expect.arrayContaining([`dataset.upload@token:${analystId}`, `dataset.rollback@token:${analystId}`, 'token.create@cli']));
      expect(JSON.stringify(r.body)).not.toContain(tokens.analyst);
    });

    it('wide: the World Bank download (BOM, metadata lines, CRLF) loads', async () => {
      const r = await upload(
        example('wide-worldbank.csv'),
        { format: 'wide', mapping: example('wide-mapping.json').toString() },
        tokens.analyst,
        'API_SL.TLF.TOTL.IN.csv',
      );
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect(r.body).toMatchObject({ cells: 33, indicators: { labour_force: 33 } });
    });

    it('microdata: weighted totals become survey cells', async () => {
      const r = await upload(example('microdata.csv'), { format: 'microdata', period: '2024' }, tokens.analyst, 'lfs.csv');
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect(r.body.rows).toBe(600);
      expect(r.body.indicators.employment).toBeGreaterThan(10);
      const series = (await get('/api/series?indicator=employment&region=VN&sector=TOTAL&qualification=ALL')).body;
      const i = series.periods.indexOf('2024');
      expect(series.status[i]).toBe('survey');
    });

    it('a raw text/csv body streams too', async () => {
      const res = await t.app.request('/api/uploads?format=long&dryRun=1', {
        method: 'POST',
        body: example('long.csv'),
        headers: { authorization: `Bearer ${tokens.analyst}`, 'content-type': 'text/csv' },
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'validated', cells: 14 });
    });
  });

  describe('rate limit', () => {
    it('repeated bad tokens from one address get 429', async () => {
      let last = 0;
      for (let i = 0; i < 12; i++) last = (await get('/api/audit', `lmo_${String(i).padStart(43, 'y')}`)).status;
      expect(last).toBe(429);
      const r = await t.app.request('/api/audit', { headers: { authorization: `Bearer ${tokens.analyst}` } });
      expect(r.status).toBe(429);
      expect(r.headers.get('retry-after')).toMatch(/^\d+$/);
    });
  });
});

describe('PUBLIC_READ=false', () => {
  it('reads need a viewer token; health stays open', async () => {
    process.env.PUBLIC_READ = 'false';
    const t = await startTestApp(backends[0]);
    try {
      const viewer = (await createToken(t.database.db, { name: 'reader', role: 'viewer' })).token;
      const path = '/api/series?indicator=employment&region=VN&sector=C&qualification=ALL';
      const anonymous = await t.app.request(path);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
      expect((await t.app.request(path, { headers: { authorization: `Bearer ${viewer}` } })).status).toBe(200);
      expect((await t.app.request(path, { headers: { authorization: `Bearer ${viewer}` } })).status).toBe(200);
      // Answers to signed-in readers are never replayed to anonymous ones.
      expect((await t.app.request(path)).status).toBe(401);
      expect((await t.app.request('/api/health')).status).toBe(200);
      expect((await t.app.request('/api/versions')).status).toBe(401);
    } finally {
      delete process.env.PUBLIC_READ;
      await t.close();
    }
  });
});
