import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig, REPO_ROOT } from './config';

describe('readConfig', () => {
  it('defaults to PGlite in <repo>/data whatever the cwd, on port 8787', () => {
    const c = readConfig({});
    expect(c.port).toBe(8787);
    expect(c.database).toEqual({ kind: 'pglite', dataDir: join(REPO_ROOT, 'data') });
    expect(c.webDist).toBe(join(REPO_ROOT, 'web', 'dist'));
    expect(c.seed).toBe(true);
  });
  it('switches to PostgreSQL with DATABASE_URL and honours DATA_DIR, PORT and SEED', () => {
    expect(readConfig({ DATABASE_URL: 'postgres://u:p@h/db' }).database).toEqual({ kind: 'postgres', url: 'postgres://u:p@h/db' });
    expect(readConfig({ DATA_DIR: '/tmp/x' }).database).toEqual({ kind: 'pglite', dataDir: '/tmp/x' });
    expect(readConfig({ PORT: '9000', SEED: '0' })).toMatchObject({ port: 9000, seed: false });
  });
  it('rejects a bad PORT or a non-postgres DATABASE_URL with a clear message', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT must be a port number/);
    expect(() => readConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/postgres:\/\//);
  });
});
