/**
 * GSO's own formats as uploads (issue 11 §3): SDMX (NSDP SDMX-ML, SDMX-CSV)
 * and PX-Web CSV exports, through app.request() on PGlite. Valid files commit
 * the expected observations; malformed ones get a 422 with line (and series
 * and period) and nothing is written; the next NSDP release revises official
 * figures and the diff shows each revision.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../src/services/auth';
import { testBackends } from './backends';
import { startTestApp, storedCounts, type TestApp } from './harness';

const [pglite] = await testBackends();
const example = (name: string) => readFileSync(new URL(`../../seeds/examples/${name}`, import.meta.url));
const text = (name: string) => example(name).toString('utf8');
const MAPPING = text('pxweb-mapping.json');

describe('GSO upload formats (sdmx, pxweb) on pglite', () => {
  let t: TestApp;
  let token = '';
  beforeAll(async () => {
    t = await startTestApp(pglite);
    token = (await createToken(t.database.db, { name: 'gso analyst', role: 'analyst' })).token;
  });
  afterAll(async () => {
    await t?.close();
  });

  const counts = () => storedCounts(t);
  async function upload(body: Uint8Array | string, fields: Record<string, string>, fileName = 'upload.xml') {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    form.set('file', new Blob([body as BlobPart]), fileName);
    const res = await t.app.request('/api/uploads', { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as any };
  }
  const get = async (path: string) => (await (await t.app.request(path, { headers: { authorization: `Bearer ${token}` } })).json()) as any;
  /** Expects 422 problem+json with nothing stored; returns the errors. */
  async function rejected(body: Uint8Array | string, fields: Record<string, string>, fileName?: string) {
    const before = await counts();
    const r = await upload(body, fields, fileName);
    expect(r.status, JSON.stringify(r.body) + String(t.errors.at(-1))).toBe(422);
    expect(r.type).toContain('application/problem+json');
    expect(await counts()).toEqual(before);
    return r.body.errors as {
      line: number;
      column: string | null;
      value: string;
      message: string;
      messageVi?: string;
      code: string;
      series?: string;
      period?: string;
    }[];
  }

  describe('SDMX: malformed files are refused with where and why', () => {
    const xml = text('nsdp-lfs.xml');

    it('an unknown series code names the series and its line', async () => {
      const bad = xml.replace('INDICATOR="LUR_PT"', 'INDICATOR="LUR_XX_PT"');
      const errors = await rejected(bad, { format: 'sdmx' });
      const line = bad.split('\n').findIndex((l) => l.includes('LUR_XX_PT')) + 1;
      expect(errors).toEqual([expect.objectContaining({ line, column: 'INDICATOR', code: 'UNKNOWN_SERIES', series: 'LUR_XX_PT' })]);
      expect(errors[0].message).toMatch(/LUR_XX_PT.*not mapped.*"unknownSeries": "skip"/);
      expect(errors[0].messageVi).toMatch(/LUR_XX_PT/);
    });

    it('unbalanced XML: BAD_XML at its line and column', async () => {
      const bad = xml.replace('    </Series>\n', '');
      const errors = await rejected(bad, { format: 'sdmx' });
      expect(errors[0]).toMatchObject({ code: 'BAD_XML', line: expect.any(Number) });
      expect(errors[0].line).toBeGreaterThan(1);
      expect(errors[0].message).toMatch(/malformed at line \d+, column \d+/);
    });

    it('a truncated file is refused, not half-loaded', async () => {
      const errors = await rejected(xml.slice(0, Math.floor(xml.length / 2)), { format: 'sdmx' });
      expect(errors[0]).toMatchObject({ code: 'BAD_XML' });
      expect(errors[0].message).toMatch(/truncated/);
    });

    it('a value that is not a number names series and period', async () => {
      const bad = xml.replace('OBS_VALUE="2.26"', 'OBS_VALUE="2,26"');
      const errors = await rejected(bad, { format: 'sdmx' });
      expect(errors[0]).toMatchObject({ code: 'NOT_A_NUMBER', column: 'OBS_VALUE', series: 'LUR_PT', period: '2023-Q4' });
    });

    it('a mapping with a non-GSO series needs a status', async () => {
      const errors = await rejected(xml, {
        format: 'sdmx',
        mapping: JSON.stringify({ codes: { UNE_TUNE_SEX_AGE_NB: { indicator: 'unemployed', unit: 'persons' } } }),
      });
      expect(errors[0]).toMatchObject({ line: 0, column: 'mapping.status', code: 'BAD_MAPPING' });
      expect(errors[0].messageVi).toBeTruthy();
    });

    it('NSDP series without an indicator here (earnings) are skipped with a warning; other unknown codes can be skipped on request', async () => {
      const earnings =
        '    <Series DATA_DOMAIN="LMI" REF_AREA="VN" INDICATOR="LME_AVG_XDC" COUNTERPART_AREA="_Z" FREQ="Q" UNIT_MULT="3">\n' +
        '      <Obs TIME_PERIOD="2023-Q1" OBS_VALUE="7 902.3"></Obs>\n      <Obs TIME_PERIOD="2023-Q2" OBS_VALUE="na"></Obs>\n    </Series>\n';
      const withEarnings = xml.replace('  </message:DataSet>', `${earnings}  </message:DataSet>`);
      const r = await upload(withEarnings, { format: 'sdmx', dryRun: '1' });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body).toMatchObject({ status: 'validated', cells: 24 });
      expect(r.body.warnings[0]).toMatch(/1 GSO NSDP series have no indicator in this project and were skipped: LME_AVG_XDC/);
      const unknown = xml.replace('INDICATOR="LUR_PT"', 'INDICATOR="LUR_XX_PT"');
      const skipped = await upload(unknown, { format: 'sdmx', dryRun: '1', mapping: '{"unknownSeries": "skip"}' });
      expect(skipped.status, JSON.stringify(skipped.body)).toBe(200);
      expect(skipped.body).toMatchObject({ cells: 20 });
      expect(skipped.body.warnings.join(' ')).toMatch(/1 series not mapped to an indicator were skipped: LUR_XX_PT/);
    });

    it('"na" values are skipped with a warning, not an error', async () => {
      const before = await counts();
      const r = await upload(xml.replace('OBS_VALUE="2.26"', 'OBS_VALUE="na"'), { format: 'sdmx', dryRun: '1' });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body).toMatchObject({ status: 'validated', rows: 20, cells: 23 });
      expect(r.body.warnings.join(' ')).toMatch(/1 observation\(s\) are not available.*Series LUR_PT 2023-Q4/);
      expect(await counts()).toEqual(before);
    });
  });

  describe('SDMX: an NSDP release, then the next one revising it', () => {
    let first = 0;

    it('dry run: 20 quarterly values and the annual means of the two complete years of each stock', async () => {
      const r = await upload(example('nsdp-lfs.xml'), { format: 'sdmx', dryRun: '1' }, 'nsdp-lfs.xml');
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body).toMatchObject({ status: 'validated', rows: 20, cells: 24, indicators: { employment: 10, labour_force: 10, unemployment_rate: 4 } });
    });

    it('commits official figures with their NSDP citation', async () => {
      const r = await upload(example('nsdp-lfs.xml'), { format: 'sdmx' }, 'nsdp-lfs.xml');
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      first = r.body.version.id;
      const { rows } = (await t.database.db
        .execute(sql`select period, value, status, (select text from sources where id = source_id) as source from observations
        where dataset_version_id = ${first} and indicator = 'employment' and region = 'VN' and sector = 'TOTAL' and qualification = 'ALL' order by period`)) as unknown as {
        rows: { period: string; value: number; status: string; source: string }[];
      };
      const by = Object.fromEntries(rows.map((x) => [x.period, x]));
      expect(by['2023-Q4']).toMatchObject({ value: 51_450_028.3667, status: 'official', source: 'GSO, NSDP SDMX 2024-10-09 (nsdp-lfs.xml), LE_PE_NUM' });
      // The annual figure is the mean of the four quarters, as GSO publishes it (51.29 m in 2023).
      expect(by['2023'].value).toBeCloseTo(51_287_670.4, 0);
      expect(by['2023'].source).toBe('GSO, NSDP SDMX 2024-10-09 (nsdp-lfs.xml), LE_PE_NUM (annual mean of the four quarters)');
      expect(by['2023'].status).toBe('official');
      const rate = (await t.database.db.execute(
        sql`select value from observations where dataset_version_id = ${first} and indicator = 'unemployment_rate' and period = '2023-Q2'`,
      )) as unknown as { rows: { value: number }[] };
      expect(Number(rate.rows[0].value)).toBe(2.3); // percent: GSO's UNIT_MULT 3 on rates is not applied
    });

    it('the next release revises one value: still official, and the diff shows old → new', async () => {
      const r = await upload(example('nsdp-lfs-revised.xml'), { format: 'sdmx' }, 'nsdp-lfs-revised.xml');
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      const second = r.body.version.id;
      expect(r.body.version.parentId).toBe(first);
      const diff = await get(`/api/versions/${second}/diff`);
      const cell = diff.cells.find((c: any) => c.indicator === 'employment' && c.period === '2023-Q4');
      expect(cell).toMatchObject({ region: 'VN', sector: 'TOTAL', qualification: 'ALL', before: 51_450_028.3667, after: 51_470_200 });
      expect(cell.sourceBefore).toMatch(/2024-10-09/);
      expect(cell.sourceAfter).toBe('GSO, NSDP SDMX 2025-01-10 (nsdp-lfs-revised.xml), LE_PE_NUM');
      // The largest revision first; the annual mean moves with it.
      expect(diff.cells[0]).toMatchObject({ indicator: 'employment', period: '2023-Q4' });
      const annual = diff.cells.find((c: any) => c.indicator === 'employment' && c.period === '2023');
      expect(annual.after - annual.before).toBeCloseTo((51_470_200 - 51_450_028.3667) / 4, 2);
      // Only these two values changed; the other cells differ only by the release in their citation.
      expect(diff.cells.filter((c: any) => c.before !== c.after)).toHaveLength(2);
      const { rows } = (await t.database.db.execute(
        sql`select status from observations where dataset_version_id = ${second} and indicator = 'employment' and period = '2023-Q4' and region = 'VN' and sector = 'TOTAL'`,
      )) as unknown as { rows: { status: string }[] };
      expect(rows[0].status).toBe('official');
    });

    it('SDMX-CSV with a code map and status (ILO) commits as international', async () => {
      const csv =
        'DATAFLOW,REF_AREA,INDICATOR,SEX,FREQ,UNIT_MULT,TIME_PERIOD,OBS_VALUE\n' +
        'ILO:DF_UNE_TUNE_SEX_AGE_NB(1.0),VNM,UNE_TUNE_SEX_AGE_NB,SEX_T,A,3,2021,1415.2\n' +
        'ILO:DF_UNE_TUNE_SEX_AGE_NB(1.0),VNM,UNE_TUNE_SEX_AGE_NB,SEX_T,A,3,2022,1066.6\n';
      const mapping = {
        codes: { UNE_TUNE_SEX_AGE_NB: { indicator: 'unemployed', unit: 'persons' } },
        status: 'international',
        source: 'ILO, ILOSTAT SDMX-CSV (example)',
      };
      const r = await upload(csv, { format: 'sdmx', mapping: JSON.stringify(mapping) }, 'ilo.csv');
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      const { rows } = (await t.database.db.execute(
        sql`select period, value, status, (select text from sources where id = source_id) as source from observations where dataset_version_id = ${r.body.version.id} and indicator = 'unemployed' and region = 'VN' and period = '2022'`,
      )) as unknown as { rows: { value: number; status: string; source: string }[] };
      expect(rows[0]).toMatchObject({
        value: 1_066_600,
        status: 'international',
        source: 'ILO, ILOSTAT SDMX-CSV (example) (ilo.csv), UNE_TUNE_SEX_AGE_NB.SEX_T',
      });
    });
  });

  describe('PX-Web CSV export', () => {
    it('BOM, "..", "Prel. 2016" and doubled spaces: commits the expected official cells', async () => {
      const r = await upload(example('pxweb-labour-force.csv'), { format: 'pxweb', mapping: MAPPING }, 'pxweb-labour-force.csv');
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      // 9 rows: Ha Tay is all ".."; Bac Ninh + Bac Giang and Thai  Nguyen + Bac Kan are added into today's units.
      expect(r.body).toMatchObject({ rows: 9, cells: 42, indicators: { labour_force: 42 } });
      expect(r.body.warnings.join(' ')).toMatch(/7 cell\(s\) are not available/);
      const { rows } = (await t.database.db
        .execute(sql`select region, value, status, (select text from sources where id = source_id) as source from observations
        where dataset_version_id = ${r.body.version.id} and indicator = 'labour_force' and period = '2016' and sector = 'TOTAL' and qualification = 'ALL' order by region`)) as unknown as {
        rows: { region: string; value: number; status: string; source: string }[];
      };
      const by = Object.fromEntries(rows.map((x) => [x.region, x]));
      expect(by.VN).toMatchObject({ value: 54_445_300, status: 'official' });
      expect(by.VN.source).toMatch(/PX-Web.*\(preliminary\)$/);
      expect(Number(by['24'].value)).toBe(1_701_400); // former Bắc Ninh 666.9 + Bắc Giang 1034.5 (thousand)
      expect(Number(by['19'].value)).toBe(958_700); // "Thai  Nguyen" 729.9 + Bắc Kạn 228.8
      expect(by.RRD.value).toBe(11_993_800);
    });

    it('no mapping, a bad mapping, a bad cell: 422, nothing stored', async () => {
      const file = text('pxweb-labour-force.csv');
      expect((await rejected(file, { format: 'pxweb' }, 'px.csv'))[0]).toMatchObject({ line: 0, column: 'mapping', code: 'MISSING_MAPPING' });
      const badStatus = JSON.stringify({ ...JSON.parse(MAPPING), status: 'guessed' });
      expect((await rejected(file, { format: 'pxweb', mapping: badStatus }, 'px.csv'))[0]).toMatchObject({
        line: 0,
        column: 'mapping.status',
        code: 'BAD_MAPPING',
      });
      const errors = await rejected(file.replace('642.1', '642,1'), { format: 'pxweb', mapping: MAPPING }, 'px.csv');
      expect(errors[0]).toMatchObject({ line: 8, column: '2013', value: '642,1', code: 'NOT_A_NUMBER' });
    });

    it('an unknown province label names the line', async () => {
      const errors = await rejected(text('pxweb-labour-force.csv').replace('"Ha Noi"', '"Ha Nol"'), { format: 'pxweb', mapping: MAPPING }, 'px.csv');
      expect(errors[0]).toMatchObject({ line: 6, code: 'UNKNOWN_REGION' });
      expect(errors[0].message).toMatch(/Ha Nol/);
    });
  });
});
