/**
 * Issue 15: uploads that cannot corrupt official data. Official cells are only
 * replaced when the request says so (409 otherwise), the diff lists every
 * changed cell (official ones first, paged, sortable, per-period totals),
 * plausibility bounds, versions that behave as an analyst expects, strict ids,
 * and messages that say what is wrong. On PGlite and PostgreSQL; every refusal
 * also checks that nothing was stored.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Observation } from '@lmo/models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../src/services/auth';
import { testBackends } from './backends';
import { fixtureRows } from './fixture';
import { startTestApp, storedCounts, type TestApp } from './harness';

const backends = await testBackends();
const example = (name: string) => readFileSync(new URL(`../../seeds/examples/${name}`, import.meta.url));
const HEADER = 'indicator,period,region,sector,qualification,value,unit,source,status';
const SRC = 'Test upload (synthetic; not official)';
const GSO = 'GSO, Labour Force Survey report (test copy)';
const OFFICIAL_YEARS = ['2010', '2015', '2019', '2020', '2021', '2022'];
const OFFICIAL_LF: Record<string, number> = { 2010: 50_393_000, 2015: 53_984_000, 2019: 55_767_000, 2020: 54_843_000, 2021: 50_605_000, 2022: 51_700_000 };

/** The fixture plus GSO's official labour force in six years and the national population. */
function rows(): Observation[] {
  const out = fixtureRows();
  for (const year of OFFICIAL_YEARS) {
    out.push({
      indicator: 'labour_force',
      period: year,
      region: 'VN',
      sector: 'TOTAL',
      qualification: 'ALL',
      value: OFFICIAL_LF[year],
      unit: 'persons',
      source: GSO,
      status: 'official',
    });
  }
  for (let year = 2013; year <= 2024; year++) {
    out.push({
      indicator: 'population',
      period: String(year),
      region: 'VN',
      sector: 'TOTAL',
      qualification: 'ALL',
      value: 90_000_000 + (year - 2013) * 900_000,
      unit: 'persons',
      source: GSO,
      status: 'official',
    });
  }
  return out;
}

describe.each(backends)('protected uploads on $name', (backend) => {
  let t: TestApp;
  let token = '';
  beforeAll(async () => {
    t = await startTestApp(backend, rows());
    token = (await createToken(t.database.db, { name: 'analyst', role: 'analyst' })).token;
  });
  afterAll(async () => {
    await t?.close();
  });

  async function upload(body: Uint8Array | string, fields: Record<string, string> = {}, fileName = 'upload.csv') {
    const form = new FormData();
    for (const [k, v] of Object.entries({ format: 'long', ...fields })) form.set(k, v);
    form.set('file', new Blob([body as BlobPart]), fileName);
    const res = await t.app.request('/api/uploads', { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
    const text = await res.text();
    return { status: res.status, type: res.headers.get('content-type') ?? '', size: text.length, body: JSON.parse(text) as any };
  }
  const get = async (path: string) => {
    const res = await t.app.request(path, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, body: (await res.json()) as any };
  };
  /** Expects `status` (422 by default) as problem+json and nothing stored. */
  async function refused(body: Uint8Array | string, fields: Record<string, string> = {}, status = 422) {
    const before = await storedCounts(t);
    const r = await upload(body, fields);
    expect(r.status, JSON.stringify(r.body).slice(0, 500)).toBe(status);
    expect(r.type).toContain('application/problem+json');
    expect(await storedCounts(t)).toEqual(before);
    return r;
  }
  const wide = { format: 'wide', mapping: example('wide-mapping.json').toString() };

  describe('official data are protected', () => {
    it('the World Bank file would replace six official cells: 409 listing them (also on a dry run), nothing stored', async () => {
      for (const dryRun of ['1', '0']) {
        const r = await refused(example('wide-worldbank.csv'), { ...wide, dryRun }, 409);
        expect(r.body).toMatchObject({ code: 'REPLACES_OFFICIAL', cellCount: 6 });
        expect(r.body.cells.map((c: any) => c.period)).toEqual(OFFICIAL_YEARS);
        for (const c of r.body.cells) {
          expect(c).toMatchObject({
            line: 8,
            column: c.period,
            indicator: 'labour_force',
            region: 'VN',
            current: { value: OFFICIAL_LF[c.period], source: GSO, status: 'official' },
            new: { status: 'international', value: expect.any(Number) },
          });
          expect(c.new.value).not.toBe(c.current.value);
        }
      }
    });

    it('with replaceOfficial=true it is stored, and the diff lists all 33 cells with the six official ones first', async () => {
      const r = await upload(example('wide-worldbank.csv'), { ...wide, replaceOfficial: 'true' }, 'API_SL.TLF.TOTL.IN.csv');
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect(r.body).toMatchObject({ cells: 33, officialReplaced: 6 });
      const id = r.body.version.id;
      const all = (await get(`/api/versions/${id}/diff`)).body;
      expect(all.counts).toMatchObject({ added: 27, changed: 6, removed: 0, officialReplaced: 6 });
      expect(all.cells).toHaveLength(33);
      expect(all.page).toMatchObject({ total: 33, offset: 0 });
      expect(all.cells.slice(0, 6).map((c: any) => [c.official, c.statusBefore, c.statusAfter])).toEqual(
        Array(6).fill(['replaced', 'official', 'international']),
      );
      expect(all.cells.slice(6).every((c: any) => c.official === null && c.kind === 'added')).toBe(true);
      expect(all.cells[0].names).toMatchObject({ indicator: { en: 'Labour force' }, region: { vi: 'Toàn quốc' } });
      // Totals per indicator and PERIOD: never a sum of 33 years of a stock.
      expect(all.totals).toHaveLength(33);
      const t2022 = all.totals.find((x: any) => x.period === '2022');
      expect(t2022).toMatchObject({ indicator: 'labour_force', cells: 1, before: OFFICIAL_LF[2022] });
      // Paged and sortable.
      const page = (await get(`/api/versions/${id}/diff?limit=5&offset=5&sort=period`)).body;
      expect(page.cells.map((c: any) => c.period)).toEqual(['1995', '1996', '1997', '1998', '1999']);
      expect(page).toMatchObject({ truncated: true, page: { total: 33, limit: 5, offset: 5, sort: 'period' } });
      expect((await get(`/api/versions/${id}/diff?sort=sideways`)).status).toBe(400);
    });

    it('an official value may be revised by an official one without the flag, and the diff says so', async () => {
      const r = await upload(`${HEADER}\nlabour_force,2022,VN,TOTAL,ALL,51800000,persons,GSO revised release,official\n`);
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      const d = (await get(`/api/versions/${r.body.version.id}/diff`)).body;
      expect(d.counts).toMatchObject({ changed: 1, officialRevised: 0, officialReplaced: 0 });
      expect(d.cells[0]).toMatchObject({ official: null, statusBefore: 'international', statusAfter: 'official' });
      const again = await upload(`${HEADER}\nlabour_force,2022,VN,TOTAL,ALL,51900000,persons,GSO second revision,official\n`);
      const d2 = (await get(`/api/versions/${again.body.version.id}/diff`)).body;
      expect(d2.counts).toMatchObject({ changed: 1, officialRevised: 1, officialReplaced: 0 });
      expect(d2.cells[0]).toMatchObject({ official: 'revised', before: 51_800_000, after: 51_900_000 });
    });
  });

  describe('plausibility bounds: 422 naming line and column, dry run and upload agree', () => {
    it('1e308 values', async () => {
      const errors = (await refused(`${HEADER}\nemployment,2020,VN,C,ALL,1e308,persons,${SRC},modelled\n`)).body.errors;
      expect(errors).toEqual([expect.objectContaining({ line: 2, column: 'value', code: 'VALUE_TOO_LARGE' })]);
    });

    it('two microdata weights of 1e308', async () => {
      const body = 'province,sector,qualification,status,age,weight\n01,C,none,employed,30,1e308\n79,G,none,employed,40,1e308\n';
      const errors = (await refused(body, { format: 'microdata', period: '2024' })).body.errors;
      expect(errors.map((e: any) => `${e.line}:${e.column}:${e.code}`)).toEqual(['2:weight:WEIGHT_TOO_LARGE', '3:weight:WEIGHT_TOO_LARGE']);
    });

    it('persons above the population in the current data', async () => {
      const errors = (await refused(`${HEADER}\nemployment,2020,VN,C,ALL,99000000,persons,${SRC},modelled\n`)).body.errors;
      expect(errors).toEqual([expect.objectContaining({ line: 2, column: 'value', code: 'EXCEEDS_POPULATION' })]);
      expect(errors[0].message).toMatch(/population of VN in 2020 \(96,300,000\)/);
    });

    it('a NUL byte is refused by the dry run and the upload alike', async () => {
      const body = `${HEADER}\nemployment,2020,VN,C,ALL,5,persons,Bad\u0000source,modelled\n`;
      const dry = (await refused(body, { dryRun: '1' })).body.errors;
      const real = (await refused(body)).body.errors;
      expect(dry).toEqual([expect.objectContaining({ line: 2, column: 'source', code: 'CONTROL_CHARACTER' })]);
      expect(real).toEqual(dry);
      expect(t.errors).toEqual([]);
    });

    it('a 100 KB source is refused at once, quoted only in part', async () => {
      const big = 'S'.repeat(100_000);
      const lines = Array.from(
        { length: 999 },
        (_, i) => `employment,${2013 + (i % 12)},VN,${['A', 'C', 'F', 'G'][Math.floor(i / 12) % 4]},ALL,${1000 + i},persons,${big},modelled`,
      );
      const r = await refused(`${HEADER}\n${lines.slice(0, 48).join('\n')}\n`);
      expect(r.body.errors[0]).toMatchObject({ line: 2, column: 'source', code: 'FIELD_TOO_LONG' });
      expect(r.size).toBeLessThan(100_000);
      const micro = await refused(example('microdata.csv'), { format: 'microdata', period: '2024', source: big });
      expect(micro.body.errors[0]).toMatchObject({ column: 'source', code: 'FIELD_TOO_LONG' });
    });

    it('a 5 MB header line gets a short error body', async () => {
      const r = await refused(`${'x'.repeat(5_000_000)}\n1\n`);
      expect(r.size).toBeLessThan(20_000);
    });
  });

  describe('versions behave as an analyst expects', () => {
    it('re-uploading a file after a rollback applies it on top of the current version', async () => {
      const body = `${HEADER}\nemployment,2024,VN,G,ALL,7777777,persons,${SRC},modelled\n`;
      const first = await upload(body);
      expect(first.status).toBe(201);
      const parent = first.body.version.parentId;
      const rb = await t.app.request(`/api/versions/${parent}/rollback`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      expect(rb.status).toBe(200);
      const again = await upload(body);
      expect(again.status, JSON.stringify(again.body)).toBe(201);
      expect(again.body).toMatchObject({ status: 'created', version: { parentId: parent, isCurrent: true } });
      expect(again.body.version.id).not.toBe(first.body.version.id);
      const series = (await get('/api/series?indicator=employment&region=VN&sector=G&qualification=ALL')).body;
      expect(series.values[series.periods.indexOf('2024')]).toBe(7_777_777);
      // The same data once more, now current: nothing new.
      const third = await upload(body);
      expect(third.body).toMatchObject({ status: 'duplicate', version: { id: again.body.version.id } });
    });

    it('a microdata file that yields no cells is refused with a clear message', async () => {
      const body = 'province,sector,qualification,status,age,weight\n01,,none,outside,70,1500\n79,,none,outside,80,2500\n';
      const errors = (await refused(body, { format: 'microdata', period: '2024' })).body.errors;
      expect(errors[0]).toMatchObject({ code: 'NO_CELLS' });
      expect(errors[0].message).toMatch(/no respondent is in the labour force/);
    });

    it('a version still being built is invisible: no diff, no listing, no rollback', async () => {
      const inserted = await t.database.db.execute(
        sql`insert into dataset_versions (hash, label, kind, row_count, is_current) values ('x', 'building', 'upload', 0, false) returning id`,
      );
      const id = Number((inserted as unknown as { rows: { id: number }[] }).rows[0].id);
      expect((await get(`/api/versions/${id}/diff`)).status).toBe(404);
      expect((await get('/api/versions')).body.versions.map((v: any) => v.id)).not.toContain(id);
      expect((await t.app.request(`/api/versions/${id}/rollback`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })).status).toBe(404);
      await t.database.db.execute(sql`delete from dataset_versions where id = ${id}`);
    });

    it('ids and limits are positive 32-bit decimal integers (400), never reaching SQL', async () => {
      const before = t.errors.length;
      for (const id of ['2147483648', '99999999999999999999', '0x10', '1e3', '0', '-1', '1.5', '%20 7']) {
        const r = await get(`/api/versions/${id}/diff`);
        expect(r.status, id).toBe(400);
        expect(r.body.type).toBe('/api/problems/validation');
      }
      const rb = await t.app.request('/api/versions/2147483648/rollback', { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      expect(rb.status).toBe(400);
      for (const q of ['limit=1e3', 'limit=0x10', 'limit=0', 'limit=1001', 'offset=-1', 'offset=1e3'])
        expect((await get(`/api/versions/1/diff?${q}`)).status, q).toBe(400);
      expect((await get('/api/versions?limit=1e3')).status).toBe(400);
      expect((await get('/api/audit?before=0x10')).status).toBe(400);
      expect((await get('/api/versions/2147483647/diff')).status).toBe(404);
      expect(t.errors.length).toBe(before);
    });
  });

  describe('messages that say what is wrong', () => {
    it('CR-only line endings', async () => {
      const body = `${HEADER}\remployment,2020,VN,C,ALL,5,persons,${SRC},modelled\r`;
      expect((await refused(body)).body.errors[0]).toMatchObject({ line: 1, code: 'LINE_ENDINGS' });
      expect((await refused(body, wide)).body.errors[0]).toMatchObject({ code: 'LINE_ENDINGS' });
    });

    it('gzip, zip and binary files', async () => {
      const gz = (await refused(gzipSync(example('long.csv')))).body.errors[0];
      expect(gz).toMatchObject({ code: 'NOT_A_TEXT_FILE' });
      expect(gz.message).toMatch(/gzip/);
      const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
      expect((await refused(zip, { format: 'microdata', period: '2024' })).body.errors[0].message).toMatch(/ZIP/);
      const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256));
      expect((await refused(binary)).body.errors[0]).toMatchObject({ code: 'NOT_A_TEXT_FILE' });
      expect((await refused(gzipSync(example('nsdp-lfs.xml')), { format: 'sdmx' })).body.errors[0].message).toMatch(/gzip/);
    });

    it('microdata periods out of range or not over yet', async () => {
      const at = (period: string) => refused(example('microdata.csv'), { format: 'microdata', period }).then((r) => r.body.errors[0]);
      const e1800 = await at('1800');
      expect(e1800).toMatchObject({ column: 'period', code: 'PERIOD_OUT_OF_RANGE' });
      expect(e1800.message).toMatch(/out of range/);
      const now = new Date();
      const quarter = `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
      expect(await at(quarter)).toMatchObject({ column: 'period', code: 'FUTURE_PERIOD' });
      expect(await at(String(now.getUTCFullYear()))).toMatchObject({ code: 'FUTURE_PERIOD' });
    });

    it("the 401 hint names the project command, not pnpm's own", async () => {
      const res = await t.app.request('/api/uploads', { method: 'POST', body: 'x' });
      const body = (await res.json()) as any;
      expect(res.status).toBe(401);
      expect(body.detail).toContain('pnpm run token create');
      expect(body.detail).not.toMatch(/`pnpm token create/);
    });
  });
});
