/**
 * The token and ingest CLIs: output format, exit codes, the busy-database
 * guard, and ingest over HTTP to a running server.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../../test/backends';
import type { TestApp } from '../../test/harness';
import { getCurrentVersion } from '../services/dataset-versions';
import { formatProblems, ingestCli } from './ingest';
import { capture, EXAMPLES, startBusyServer } from './test-io';
import { tokenCli } from './token';

const [pglite] = await testBackends();

describe('formatProblems', () => {
  it('prints file:line:column: message, and counts what is not listed', () => {
    const lines = formatProblems('a.csv', {
      errors: [
        { line: 3, column: 'region', message: 'Unknown region "Ha Nol"' },
        { line: 7, column: null, message: 'Duplicate of line 6' },
      ],
      errorCount: 5,
      detail: '5 problem(s)',
    });
    expect(lines).toEqual(['a.csv:3:region: Unknown region "Ha Nol"', 'a.csv:7:: Duplicate of line 6', '… and 3 more', '5 problem(s)']);
  });
});

describe('CLIs with a busy embedded database', () => {
  let srv: Awaited<ReturnType<typeof startBusyServer>>;
  let dir = '';
  let t: TestApp;
  let url = '';
  let token = '';
  beforeAll(async () => {
    srv = await startBusyServer(pglite, 'cli-test');
    ({ dir, t, url, token } = srv);
  });
  afterAll(async () => srv?.close());
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
    expect(bad.err).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/long-invalid\.csv:2:indicator: Unknown indicator "employmnet"/),
        expect.stringMatching(/long-invalid\.csv:5:value: Value "13,800,000" is not a number/),
      ]),
    );
    const before = await getCurrentVersion(t.database.db);
    const dry = capture();
    expect(await ingestCli(['long.csv', '--dry-run'], { ...dry.io, env: { ...env(), LMO_TOKEN: token, LMO_URL: url } })).toBe(0);
    expect(dry.out.join('')).toMatch(/valid — 14 records → 14 cells.*Dry run: nothing stored/);
    expect((await getCurrentVersion(t.database.db))!.id).toBe(before!.id);
    const wide = capture();
    const code = await ingestCli(['wide-worldbank.csv', '--format', 'wide', '--mapping', 'wide-mapping.json'], {
      ...wide.io,
      env: { ...env(), LMO_TOKEN: token, LMO_URL: url },
    });
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
