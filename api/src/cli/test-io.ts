/**
 * Shared by the CLI tests: the example upload files, and an `io` that collects
 * what a CLI prints instead of writing to the terminal.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { Backend } from '../../test/backends';
import { startTestApp, type TestApp } from '../../test/harness';
import { createToken } from '../services/auth';

/** seeds/examples/, where the example upload files live. */
export const EXAMPLES = fileURLToPath(new URL('../../../seeds/examples/', import.meta.url));

/** An `io` for a CLI, with what it printed to stdout (`out`) and stderr (`err`). */
export function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) } };
}

/**
 * A running API over the fixture, seen by the CLIs as a busy embedded database: a temp dir whose
 * `data/` holds the lock file PGlite leaves while a process has it open, an analyst token, and the
 * server's URL. `close()` stops the server and removes the dir.
 */
export async function startBusyServer(backend: Backend, name: string) {
  const dir = mkdtempSync(join(tmpdir(), `lmo-${name}-`));
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'data', 'postmaster.pid'), '-42\n');
  const t: TestApp = await startTestApp(backend);
  const token = (await createToken(t.database.db, { name, role: 'analyst' })).token;
  let server: ReturnType<typeof serve> | undefined;
  const url = await new Promise<string>((ok) => {
    server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => ok(`http://127.0.0.1:${info.port}`));
  });
  const close = async () => {
    server?.close();
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { dir, t, token, url, close };
}
