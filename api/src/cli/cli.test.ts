/**
 * The token and ingest CLIs: output format, exit codes, the busy-database
 * guard, and ingest over HTTP to a running server.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../../test/backends';
import { startTestApp, type TestApp } from '../../test/harness';
import { createToken } from '../services/auth';
import { getCurrentVersion } from '../services/dataset-versions';
import { formatProblems, ingestCli } from './ingest';
import { tokenCli } from './token';

const EXAMPLES = fileURLToPath(new URL('../../../seeds/examples/', import.meta.url));
const [pglite] = await testBackends();

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) } };
}

describe('formatProblems', () => {
  it('prints file:line:column: message, and counts what is not listed', () => {
    const lines = formatProblems('a.csv', { errors: [{ line: 3, column: 'region', message: 'Unknown region "Ha Nol"' }, { line: 7, column: null, message: 'Duplicate of line 6' }], errorCount: 5, detail: '5 problem(s)' });
    expect(lines).toEqual(['a.csv:3:region: Unknown region "Ha Nol"', 'a.csv:7:: Duplicate of line 6', '… and 3 more', '5 problem(s)']);
  });
});

describe('CLIs with a busy embedded database', () => {
  let dir: string;
  let t: TestApp;
  let server: ReturnType<typeof serve>;
  let url = '';
  let token = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lmo-cli-test-'));
    mkdirSync(join(dir, 'data'));
    // What PGlite leaves while a process has the directory open.
    writeFileSync(join(dir, 'data', 'postmaster.pid'), '-42\n');
    t = await startTestApp(pglite);
    token = (await createToken(t.database.db, { name: 'cli test', role: 'analyst' })).token;
    await new Promise<void>((ok) => {
      server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => { url = `http://127.0.0.1:${info.port}`; ok(); });
    });
  });
  afterAll(async () => {
    server?.close();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const env = () => ({ ...process.env, DATA_DIR: join(dir, 'data'), DATABASE_URL: '', INIT_CWD: EXAMPLES });

  it('token refuses to open the directory and says what to do', async () => {
    const c = capture();
    expect(await tokenCli(['list'], c.io.out, c.io.err, env())).toBe(3);
    expect(c.err.join('\n')).toMatch(/in use.*Stop the server/s);
  });

  it('ingest without LMO_TOKEN refuses', async () => {
    const c = capture();
    expect(await ingestCli(['long.csv', '--dry-run'], { ...c.io, env: env() })).toBe(3);
    expect(c.err.join('\n')).toMatch(/LMO_TOKEN/);
  });

  it('ingest posts to the running server: errors as file:line:column, then a valid file is stored', async () => {
    const bad = capture();
    expect(await ingestCli(['long-invalid.csv'], { ...bad.io, env: { ...env(), LMO_TOKEN: token, LMO_URL: url } })).toBe(1);
    expect(bad.err).toEqual(expect.arrayContaining([
      expect.stringMatching(/long-invalid\.csv:2:indicator: Unknown indicator "employmnet"/),
      expect.stringMatching(/long-invalid\.csv:5:value: Value "13,800,000" is not a number/),
    ]));
    const before = await getCurrentVersion(t.database.db);
    const dry = capture();
    expect(await ingestCli(['long.csv', '--dry-run'], { ...dry.io, env: { ...env(), LMO_TOKEN: token, LMO_URL: url } })).toBe(0);
    expect(dry.out.join('')).toMatch(/valid — 14 records → 14 cells.*Dry run: nothing stored/);
    expect((await getCurrentVersion(t.database.db))!.id).toBe(before!.id);
    const wide = capture();
    const code = await ingestCli(['wide-worldbank.csv', '--format', 'wide', '--mapping', 'wide-mapping.json'], { ...wide.io, env: { ...env(), LMO_TOKEN: token, LMO_URL: url } });
    expect(code, wide.err.join('\n')).toBe(0);
    expect(wide.out.join('')).toMatch(/stored as version \d+/);
    expect((await getCurrentVersion(t.database.db))!.id).toBeGreaterThan(before!.id);
  });

  it('usage errors exit 2', async () => {
    const c = capture();
    expect(await ingestCli([], { ...c.io, env: env() })).toBe(2);
    expect(await ingestCli(['x.csv', '--format', 'xml'], { ...c.io, env: env() })).toBe(2);
    expect(await tokenCli(['create', '--role', 'boss', '--name', 'x'], c.io.out, c.io.err, env())).toBe(2);
  });
});
