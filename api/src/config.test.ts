import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, REPO_ROOT } from './config';

describe('loadConfig', () => {
  it('defaults to PGlite in <repo>/data whatever the cwd, on port 8787, with every default', () => {
    const c = loadConfig({});
    expect(c.port).toBe(8787);
    expect(c.host).toBe('127.0.0.1');
    expect(c.database).toEqual({ kind: 'pglite', dataDir: join(REPO_ROOT, 'data'), thread: true, sharedBuffers: '16MB' });
    expect(c.webDist).toBe(join(REPO_ROOT, 'web', 'dist'));
    expect(c.seed).toBe(true);
    expect(c).toMatchObject({
      resultsRecheckMs: 250,
      responseCacheBytes: 32 << 20,
      maxUploadBytes: 200 << 20,
      security: { corsOrigins: [], maxBodyBytes: 64 << 10, uploadsPerMinute: 30, scenariosPerMinute: 60, trustProxy: false },
      auth: { publicRead: true, maxFailures: 10, windowMs: 60_000 },
      compute: { worker: true, heapMb: 192, nice: 10 },
      scenarios: { worker: true, nice: 0, maxStored: 500 },
    });
  });

  it('switches to PostgreSQL with DATABASE_URL and honours DATA_DIR, PORT and SEED', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@h/db' }).database).toEqual({ kind: 'postgres', url: 'postgres://u:p@h/db', queryTimeoutMs: 60_000 });
    expect(loadConfig({ DATA_DIR: '/tmp/x', LMO_PGLITE_THREAD: '0' }).database).toMatchObject({ kind: 'pglite', dataDir: '/tmp/x', thread: false });
    expect(loadConfig({ PORT: '9000', SEED: '0' })).toMatchObject({ port: 9000, seed: false });
  });

  it('reads every setting from its variable', () => {
    const c = loadConfig({
      RESULTS_RECHECK_MS: '0',
      RESPONSE_CACHE_MB: '0',
      MAX_UPLOAD_BYTES: '200',
      CORS_ORIGINS: ' https://a.vn, https://b.vn ',
      MAX_BODY_BYTES: '10',
      UPLOAD_RATE_LIMIT: '0',
      SCENARIO_RATE_LIMIT: '2',
      TRUST_PROXY: 'yes',
      PUBLIC_READ: 'false',
      AUTH_MAX_FAILURES: '3',
      LMO_COMPUTE_WORKER: '0',
      LMO_COMPUTE_HEAP_MB: '4',
      LMO_COMPUTE_NICE: '0',
      LMO_SCENARIO_NICE: '5',
      LMO_MAX_SCENARIOS: '7',
    });
    expect(c).toMatchObject({
      resultsRecheckMs: 0,
      responseCacheBytes: 0,
      maxUploadBytes: 200,
      security: { corsOrigins: ['https://a.vn', 'https://b.vn'], maxBodyBytes: 10, uploadsPerMinute: 0, scenariosPerMinute: 2, trustProxy: true },
      auth: { publicRead: false, maxFailures: 3 },
      compute: { worker: false, heapMb: 4, nice: 0 },
      scenarios: { worker: false, nice: 5, maxStored: 7 },
    });
  });

  it('treats a blank variable as unset', () => {
    expect(loadConfig({ PORT: ' ', DATABASE_URL: '', SEED: '' })).toMatchObject({ port: 8787, database: { kind: 'pglite' }, seed: true });
  });

  it('rejects a bad value with a message naming the variable and the value', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT must be a port number \(0–65535\), got 'abc'/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must start with postgres:\/\//);
    expect(() => loadConfig({ SEED: 'maybe' })).toThrow(/SEED must be one of/);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://ok.vn, *' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadConfig({ PGLITE_SHARED_BUFFERS: 'lots' })).toThrow(/PGLITE_SHARED_BUFFERS/);
    expect(() => loadConfig({ LMO_COMPUTE_NICE: '40' })).toThrow(/LMO_COMPUTE_NICE/);
  });

  it('names every bad variable at once', () => {
    expect(() => loadConfig({ MAX_UPLOAD_BYTES: '0', RESPONSE_CACHE_MB: 'x' })).toThrow(
      /MAX_UPLOAD_BYTES.*; RESPONSE_CACHE_MB|RESPONSE_CACHE_MB.*; MAX_UPLOAD_BYTES/,
    );
  });
});
