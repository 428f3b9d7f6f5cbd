/**
 * `pnpm ingest --format sdmx|pxweb`: problems print as file:line:column with
 * the series and period, valid GSO files are stored (over HTTP to a running
 * server, as with a busy embedded database).
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../../test/backends';
import { startTestApp, type TestApp } from '../../test/harness';
import { createToken } from '../services/auth';
import { ingestCli } from './ingest';

const EXAMPLES = fileURLToPath(new URL('../../../seeds/examples/', import.meta.url));
const [pglite] = await testBackends();

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) } };
}

describe('ingest --format sdmx | pxweb', () => {
  let dir: string;
  let t: TestApp;
  let server: ReturnType<typeof serve>;
  let url = '';
  let token = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lmo-ingest-gso-'));
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'postmaster.pid'), '-42\n'); // a server has the embedded database open
    for (const f of ['nsdp-lfs.xml', 'pxweb-labour-force.csv', 'pxweb-mapping.json']) copyFileSync(join(EXAMPLES, f), join(dir, f));
    const xml = readFileSync(join(EXAMPLES, 'nsdp-lfs.xml'), 'utf8');
    writeFileSync(join(dir, 'unbalanced.xml'), xml.replace('    </Series>\n', ''));
    writeFileSync(join(dir, 'unknown.xml'), xml.replace('INDICATOR="LUR_PT"', 'INDICATOR="LUR_XX_PT"').replace('OBS_VALUE="2.26"', 'OBS_VALUE="2,26"'));
    t = await startTestApp(pglite);
    token = (await createToken(t.database.db, { name: 'cli gso', role: 'analyst' })).token;
    await new Promise<void>((ok) => {
      server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => { url = `http://127.0.0.1:${info.port}`; ok(); });
    });
  });
  afterAll(async () => {
    server?.close();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const env = () => ({ ...process.env, DATA_DIR: join(dir, 'data'), DATABASE_URL: '', INIT_CWD: dir, LMO_TOKEN: token, LMO_URL: url });

  it('malformed XML: file:line:column with the XML column', async () => {
    const c = capture();
    expect(await ingestCli(['unbalanced.xml', '--format', 'sdmx'], { ...c.io, env: env() })).toBe(1);
    expect(c.err[0]).toMatch(/unbalanced\.xml:\d+:\d+: The XML is malformed at line \d+, column \d+/);
  });

  it('an unknown series and a bad value: line, column and series', async () => {
    const c = capture();
    expect(await ingestCli(['unknown.xml', '--format', 'sdmx', '--dry-run'], { ...c.io, env: env() })).toBe(1);
    expect(c.err.join('\n')).toMatch(/unknown\.xml:\d+:OBS_VALUE: Series LUR_XX_PT 2023-Q4: /);
  });

  it('valid NSDP and PX-Web files are validated and stored', async () => {
    const dry = capture();
    expect(await ingestCli(['nsdp-lfs.xml', '--format', 'sdmx', '--dry-run'], { ...dry.io, env: env() }), dry.err.join('\n')).toBe(0);
    expect(dry.out.join('')).toMatch(/valid — 20 records → 24 cells.*Dry run: nothing stored/);
    const px = capture();
    expect(await ingestCli(['pxweb-labour-force.csv', '--format', 'pxweb', '--mapping', 'pxweb-mapping.json'], { ...px.io, env: env() }), px.err.join('\n')).toBe(0);
    expect(px.out.join('')).toMatch(/stored as version \d+ .*labour_force 42/);
  });

  it('pxweb without --mapping: the missing mapping is reported', async () => {
    const c = capture();
    expect(await ingestCli(['pxweb-labour-force.csv', '--format', 'pxweb', '--dry-run'], { ...c.io, env: env() })).toBe(1);
    expect(c.err[0]).toMatch(/pxweb-labour-force\.csv:0:mapping: A PX-Web table needs a mapping/);
  });
});
