/**
 * Item 3, bad input at scale (files): fast-check generates thousands of
 * malformed CSVs (long, wide and microdata formats; broken headers, unknown
 * codes, bad numbers and periods, duplicates, ragged rows, stray quotes,
 * invalid UTF-8, other delimiters, noise) and sends them to POST /api/uploads
 * and through the CLI's pipeline. Every one is refused with a 4xx problem
 * (CLI: exit code 1 and `file:line:column: message`); never a 500, never a
 * hang, never a partial write: versions, observations and audit rows are unchanged.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestCli } from '../../src/cli/ingest';
import { DomainError } from '../../src/domain-error';
import { toProblem } from '../../src/http/on-error';
import { runUpload } from '../../src/services/upload-service';
import { startSecureApp, uploadCsv, type SecureApp } from './support/app';
import { createTestDatabase } from './support/pg-admin';

const HEADER = ['indicator', 'period', 'region', 'sector', 'qualification', 'value', 'unit', 'source', 'status'];
const validRow = fc.record({
  indicator: fc.constantFrom('employment', 'graduates'),
  period: fc.integer({ min: 2010, max: 2024 }).map(String),
  region: fc.constantFrom('VN', '01', '79', '31', '48'),
  sector: fc.constantFrom('C', 'F', 'G', 'A', 'TOTAL'),
  qualification: fc.constantFrom('ALL', 'university', 'college'),
  value: fc.integer({ min: 0, max: 9_000_000 }).map(String),
  unit: fc.constant('persons'),
  source: fc.constant('Fuzz (synthetic)'),
  status: fc.constant('modelled'),
});

/** A change that makes a row certainly invalid. */
const breakRow = fc.oneof(
  fc.record({ col: fc.constant('region'), v: fc.constantFrom('ZZ', '999', 'Atlantis', '', '0x1', "'; drop table x;--") }),
  fc.record({ col: fc.constant('sector'), v: fc.constantFrom('Q9', '', 'sector', '<zz>') }),
  fc.record({ col: fc.constant('indicator'), v: fc.constantFrom('jobs', '', 'EMPLOYMENTS') }),
  fc.record({ col: fc.constant('period'), v: fc.constantFrom('20x4', '1850', '2024-Q7', '', '2999', '24') }),
  fc.record({ col: fc.constant('value'), v: fc.constantFrom('abc', '-5', '', 'NaN', '1e400', '--1', '1,2,3', '∞') }),
  fc.record({ col: fc.constant('unit'), v: fc.constantFrom('kg', '', 'percent ') }),
  fc.record({ col: fc.constant('status'), v: fc.constantFrom('official-ish', '', 'secret') }),
);

const line = (r: Record<string, string>, delim = ',') => HEADER.map((h) => r[h]).join(delim);

/** Long-format files with at least one certainly-bad row among good ones, plus structural damage. */
const badLong = fc
  .record({
    rows: fc.uniqueArray(validRow, { minLength: 0, maxLength: 12, selector: (r) => `${r.indicator}${r.period}${r.region}${r.sector}${r.qualification}` }),
    broken: fc.array(fc.tuple(validRow, breakRow), { minLength: 1, maxLength: 3 }),
    damage: fc.constantFrom('none', 'dup', 'ragged', 'quote', 'header', 'bom', 'semicolon-mixed', 'crlf', 'blank-lines', 'latin1'),
    at: fc.nat(),
  })
  .map(({ rows, broken, damage, at }) => {
    const lines = rows.map((r) => line(r));
    for (const [r, b] of broken) lines.splice(at % (lines.length + 1), 0, line({ ...r, [b.col]: b.v }));
    let header = HEADER.join(',');
    if (damage === 'dup' && rows.length) lines.push(line(rows[0]));
    if (damage === 'ragged') lines.splice(at % (lines.length + 1), 0, 'employment,2020,VN');
    if (damage === 'quote') lines.splice(at % (lines.length + 1), 0, 'employment,"2020,VN,C,ALL,5,persons,x,modelled');
    if (damage === 'header') header = HEADER.filter((_, i) => i !== at % HEADER.length).join(',');
    if (damage === 'semicolon-mixed') lines.push(line(rows[0] ?? broken[0][0], ';'));
    let text = [header, ...lines].join(damage === 'crlf' ? '\r\n' : '\n') + (damage === 'blank-lines' ? '\n\n\n' : '\n');
    if (damage === 'bom') text = '\uFEFF' + text;
    const bytes = Buffer.from(text, 'utf8');
    if (damage === 'latin1') return Buffer.concat([bytes, Buffer.from([0x48, 0xe0, 0x20, 0x4e, 0xf4, 0x69, 0x0a])]);
    return bytes;
  });

/** Anything at all: empty, whitespace, binary, only a header, random text in any format. */
const noise = fc.oneof(
  fc.constantFrom('', ' ', '\n', '\uFEFF', HEADER.join(','), HEADER.join(',') + '\n', ',,,,,,,,\n', '"', '\u0000\u0000').map((s) => Buffer.from(s)),
  fc.string({ maxLength: 300 }).map((s) => Buffer.from(s)),
  fc.uint8Array({ maxLength: 400 }).map((a) => Buffer.from(a)),
  fc.array(fc.array(fc.string({ maxLength: 8 }), { maxLength: 9 }), { maxLength: 10 }).map((rows) => Buffer.from(rows.map((r) => r.join(',')).join('\n'))),
);

const upload = fc.oneof(
  { weight: 3, arbitrary: fc.record({ format: fc.constant('long'), bytes: badLong }) },
  { weight: 2, arbitrary: fc.record({ format: fc.constantFrom('long', 'wide', 'microdata'), bytes: noise }) },
  { weight: 1, arbitrary: fc.record({ format: fc.constantFrom('wide', 'microdata'), bytes: badLong }) },
);

let t: SecureApp;
beforeAll(async () => {
  t = await startSecureApp({ UPLOAD_RATE_LIMIT: '0', AUTH_MAX_FAILURES: '1000000' });
  await t.store.current();
});
afterAll(async () => t?.close());

async function dbState() {
  const r = await t.database.db.execute(sql`select
    (select json_agg(json_build_array(id, is_current, row_count) order by id) from dataset_versions) as versions,
    (select count(*)::int from observations) as observations,
    (select count(*)::int from audit_log) as audit`);
  return (r as unknown as { rows: unknown[] }).rows[0];
}

const withTimeout = <T>(p: Promise<T>, what: string) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`hang: ${what}`)), 15_000))]);

describe('malformed CSVs', () => {
  it('POST /api/uploads refuses every one with a 4xx problem and stores nothing', async () => {
    const before = await dbState();
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(upload, fc.boolean(), async ({ format, bytes }, multipart) => {
        let res: Response;
        if (multipart) {
          const form = new FormData();
          form.set('format', format);
          form.set('file', new Blob([bytes], { type: 'text/csv' }), 'fuzz.csv');
          res = await withTimeout(t.req('/api/uploads', { method: 'POST', body: form, token: t.tokens.analyst }), format);
        } else {
          res = await withTimeout(uploadCsv(t, new Uint8Array(bytes), t.tokens.analyst, `format=${format}`), format);
        }
        const body = await res.text();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500 || res.status < 400)
          throw new Error(`${res.status} for a malformed ${format} file:\n${bytes.toString('utf8').slice(0, 400)}\n→ ${body.slice(0, 400)}`);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        const problem = JSON.parse(body);
        expect(problem.status).toBe(res.status);
        for (const e of problem.errors ?? []) expect(typeof e.message).toBe('string');
      }),
      { numRuns: 1500, seed: Number(process.env.FUZZ_SEED ?? 7) },
    );
    expect(t.errors).toEqual([]);
    expect(await dbState()).toEqual(before);
    expect(statuses.get(422) ?? 0).toBeGreaterThan(500);
  }, 150_000);

  it('the CLI pipeline refuses every one the same way and stores nothing', async () => {
    const before = await dbState();
    await fc.assert(
      fc.asyncProperty(upload, async ({ format, bytes }) => {
        try {
          const outcome = await withTimeout(
            runUpload(t.database.db, Readable.from([bytes]), { format: format as 'long', actor: 'cli', fileName: 'fuzz.csv' }),
            format,
          );
          throw new Error(`accepted a malformed ${format} file (${outcome.status}):\n${bytes.toString('utf8').slice(0, 400)}`);
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
          expect(toProblem(e).status).toBeGreaterThanOrEqual(400);
          expect(toProblem(e).status).toBeLessThan(500);
        }
      }),
      { numRuns: 1500, seed: Number(process.env.FUZZ_SEED ?? 11) },
    );
    expect(await dbState()).toEqual(before);
  }, 150_000);

  it('`pnpm ingest` exits 1 with file:line:column messages and writes nothing (PostgreSQL)', async () => {
    const db = await createTestDatabase('fuzzcli');
    const dir = mkdtempSync(join(tmpdir(), 'lmo-fuzz-cli-'));
    try {
      const env = { ...process.env, DATABASE_URL: db.url, SEED: '0', INIT_CWD: dir };
      const samples = fc.sample(fc.record({ format: fc.constant('long'), bytes: badLong }), { numRuns: 12, seed: 3 });
      for (const [i, { format, bytes }] of samples.entries()) {
        const file = join(dir, `bad-${i}.csv`);
        writeFileSync(file, bytes);
        const out: string[] = [];
        const err: string[] = [];
        const code = await ingestCli([file, '--format', format], { out: (s) => out.push(s), err: (s) => err.push(s), env });
        expect(code, err.join('\n')).toBe(1);
        expect(out).toEqual([]);
        expect(
          err.some((l) => new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:[^:]*: .+`).test(l)),
          err.join('\n'),
        ).toBe(true);
      }
      const { query } = await import('./support/pg-admin');
      const [counts] = await query<{ v: number; o: number }>(
        db.url,
        'select (select count(*)::int from dataset_versions) as v, (select count(*)::int from observations) as o',
      );
      expect(counts).toEqual({ v: 0, o: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await db.drop();
    }
  }, 120_000);
});
