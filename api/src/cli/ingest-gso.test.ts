/**
 * `pnpm ingest --format sdmx|pxweb`: problems print as file:line:column with
 * the series and period, valid GSO files are stored (over HTTP to a running
 * server, as with a busy embedded database).
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../../test/backends';
import { ingestCli } from './ingest';
import { capture, EXAMPLES, startBusyServer } from './test-io';

const [pglite] = await testBackends();

describe('ingest --format sdmx | pxweb', () => {
  let srv: Awaited<ReturnType<typeof startBusyServer>>;
  let dir = '';
  beforeAll(async () => {
    srv = await startBusyServer(pglite, 'ingest-gso');
    dir = srv.dir;
    for (const f of ['nsdp-lfs.xml', 'pxweb-labour-force.csv', 'pxweb-mapping.json']) copyFileSync(join(EXAMPLES, f), join(dir, f));
    const xml = readFileSync(join(EXAMPLES, 'nsdp-lfs.xml'), 'utf8');
    writeFileSync(join(dir, 'unbalanced.xml'), xml.replace('    </Series>\n', ''));
    writeFileSync(join(dir, 'unknown.xml'), xml.replace('INDICATOR="LUR_PT"', 'INDICATOR="LUR_XX_PT"').replace('OBS_VALUE="2.26"', 'OBS_VALUE="2,26"'));
  });
  afterAll(async () => srv?.close());
  const env = () => ({ ...process.env, DATA_DIR: join(dir, 'data'), DATABASE_URL: '', INIT_CWD: dir, LMO_TOKEN: srv.token, LMO_URL: srv.url });

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
    expect(
      await ingestCli(['pxweb-labour-force.csv', '--format', 'pxweb', '--mapping', 'pxweb-mapping.json'], { ...px.io, env: env() }),
      px.err.join('\n'),
    ).toBe(0);
    expect(px.out.join('')).toMatch(/stored as version \d+ .*labour_force 42/);
  });

  it('pxweb without --mapping: the missing mapping is reported', async () => {
    const c = capture();
    expect(await ingestCli(['pxweb-labour-force.csv', '--format', 'pxweb', '--dry-run'], { ...c.io, env: env() })).toBe(1);
    expect(c.err[0]).toMatch(/pxweb-labour-force\.csv:0:mapping: A PX-Web table needs a mapping/);
  });
});
