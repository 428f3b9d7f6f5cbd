/**
 * Item 4, parameterised SQL only: SQL-injection strings through every query
 * parameter of every route (and upload fields and cells) leave the database
 * intact, on PGlite and PostgreSQL; and a source scan rejects raw or
 * string-built SQL outside a short allowlist.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../backends';
import { startSecureApp, uploadCsv, type SecureApp } from './support/app';
import { ROUTE_PARAMS } from './support/routes';
import { API_DIR } from './support/server-process';

const INJECTIONS = [
  "'; DROP TABLE observations; --",
  "C' OR '1'='1",
  '1; DELETE FROM dataset_versions',
  "VN'); UPDATE dataset_versions SET is_current = false; --",
  '1 OR 1=1',
  '$1',
  "' UNION SELECT hash, hash, hash FROM api_tokens --",
  "\\'; TRUNCATE audit_log; --",
  "%' AND pg_sleep(5) IS NULL --",
  '"; DROP TABLE "api_tokens"; --',
];

/** Every route with each of its query parameters (same order as ROUTE_PARAMS). */
const ROUTES: Record<string, readonly string[]> = {
  ...ROUTE_PARAMS,
  // Routes without query parameters get an unknown one.
  '/api/health': ['x'],
  '/api/meta': ['x'],
  // The injection sweep leaves out audit's 'after'.
  '/api/audit': ROUTE_PARAMS['/api/audit'].filter((p) => p !== 'after'),
};

const backends = await testBackends();

describe.each(backends)('SQL injection through every parameter on $name', (backend) => {
  let t: SecureApp;
  beforeAll(async () => {
    t = await startSecureApp({ UPLOAD_RATE_LIMIT: '0' }, backend);
  });
  afterAll(async () => t?.close());

  async function fingerprint() {
    const db = t.database.db;
    const one = async (q: ReturnType<typeof sql>) => JSON.stringify(((await db.execute(q)) as unknown as { rows: unknown[] }).rows);
    return {
      tables: await one(sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`),
      versions: await one(sql`select id, is_current, row_count, hash from dataset_versions order by id`),
      observations: await one(sql`select count(*)::int as n, sum(value)::float8 as s from observations`),
      tokens: await one(sql`select id, role, revoked_at from api_tokens order by id`),
    };
  }

  it('never errors with 500 and leaves tables, versions and tokens untouched', async () => {
    const before = await fingerprint();
    const statuses = new Map<number, number>();
    for (const [route, params] of Object.entries(ROUTES)) {
      for (const param of params) {
        for (const evil of INJECTIONS) {
          const base = route === '/api/export.csv' && param !== 'view' ? 'view=series&' : '';
          const url = `${route}?${base}${param}=${encodeURIComponent(evil)}`;
          const res = await t.req(url, { token: t.tokens.analyst });
          await res.arrayBuffer();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          expect(res.status, url).toBeLessThan(500);
        }
      }
    }
    // Path parameters and upload options, too.
    for (const evil of INJECTIONS) {
      expect((await t.req(`/api/versions/${encodeURIComponent(evil)}/diff`, { token: t.tokens.analyst })).status).toBe(400);
      expect((await t.req(`/api/versions/${encodeURIComponent(evil)}/rollback`, { method: 'POST', token: t.tokens.analyst })).status).toBe(400);
      const up = await uploadCsv(
        t,
        'indicator,period\n',
        t.tokens.analyst,
        `format=${encodeURIComponent(evil)}&source=${encodeURIComponent(evil)}&period=${encodeURIComponent(evil)}`,
      );
      expect(up.status).toBeGreaterThanOrEqual(400);
      expect(up.status).toBeLessThan(500);
    }
    expect(t.errors).toEqual([]);
    expect(await fingerprint()).toEqual(before);
    // Mostly 400s for the injections; some parameters are free text and simply match nothing.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(100);
  }, 120_000);

  it('stores injection strings inside uploaded cells as plain text', async () => {
    const evil = "x'); DROP TABLE observations; --";
    const csv = 'indicator,period,region,sector,qualification,value,unit,source,status\n' + `employment,2024,01,C,ALL,555,persons,"${evil}",modelled\n`;
    const res = await uploadCsv(t, csv, t.tokens.analyst);
    expect(res.status).toBe(201);
    const series = await (await t.req('/api/series?indicator=employment&region=01&sector=C&qualification=ALL')).json();
    expect(series.source, JSON.stringify(series)).toEqual([evil]);
    const tables = (
      (await t.database.db.execute(sql`select count(*)::int as n from information_schema.tables where table_name = 'observations'`)) as unknown as {
        rows: { n: number }[];
      }
    ).rows[0].n;
    expect(tables).toBe(1);
  }, 60_000);
});

describe('source scan: SQL is built only with Drizzle or bound parameters', () => {
  const ROOTS = ['src', '../models/src', '../seeds/src', '../seeds'].map((d) => join(API_DIR, d));
  // file (relative to the repo) → reason it may contain a pattern below.
  const ALLOW: Record<string, string> = {};
  const FORBIDDEN: [RegExp, string][] = [
    [/sql\.raw\s*\(/, 'sql.raw() bypasses parameter binding'],
    [/\.(query|exec|execute|unsafe)\s*\(\s*`[^`]*\$\{/, 'a template string with ${…} passed to query()/exec()/execute()'],
    [/\.(query|exec|execute|unsafe)\s*\(\s*(['"`])[^'"`]*\2\s*\+/, 'a concatenated string passed to query()/exec()/execute()'],
    [/\.(query|exec|execute|unsafe)\s*\(\s*[A-Za-z_$][\w$]*\s*\+/, 'a concatenated string passed to query()/exec()/execute()'],
    [/sql\.identifier\s*\(/, 'sql.identifier() from a variable'],
  ];

  function files(dir: string): string[] {
    let out: string[] = [];
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules' || name === 'data' || name === 'examples') continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (dir.endsWith('seeds')) continue; // ../seeds: top-level scripts only; seeds/src is scanned on its own
        out = out.concat(files(path));
      } else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(path);
    }
    return out;
  }

  it('finds no raw or string-built SQL in application code', () => {
    const scanned = ROOTS.flatMap(files);
    expect(scanned.length).toBeGreaterThan(30);
    const offences: string[] = [];
    for (const file of scanned) {
      const rel = relative(join(API_DIR, '..'), file);
      if (ALLOW[rel]) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const [pattern, why] of FORBIDDEN) if (pattern.test(line)) offences.push(`${rel}:${i + 1}: ${why}: ${line.trim()}`);
        });
    }
    expect(offences).toEqual([]);
  });

  it('would catch the patterns it forbids', () => {
    const samples = [
      'db.execute(sql.raw(`select ${x}`))',
      'client.query(`select * from t where id = ${id}`)',
      "client.query('select ' + col)",
      'pool.query(text + where)',
    ];
    for (const s of samples)
      expect(
        FORBIDDEN.some(([p]) => p.test(s)),
        s,
      ).toBe(true);
    expect(FORBIDDEN.some(([p]) => p.test("client.query('select pg_advisory_lock($1)', [LOCK])"))).toBe(false);
  });
});
