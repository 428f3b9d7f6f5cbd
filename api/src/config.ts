/**
 * Settings from the environment. Paths resolve from this file, not the cwd, so
 * `pnpm start` from the repo root and `tsx src/server.ts` from api/ agree.
 */
import { fileURLToPath } from 'node:url';
import type { DatabaseConfig } from './db/client';

/** The repository root (api/src/../..). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ServerConfig {
  port: number;
  host: string;
  database: DatabaseConfig;
  webDist: string;
  seed: boolean;
}

/** Reads PORT, HOST, DATABASE_URL, DATA_DIR, WEB_DIST and SEED. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got '${env.PORT}'`);
  const url = env.DATABASE_URL?.trim();
  let database: DatabaseConfig;
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new Error('DATABASE_URL must start with postgres:// (leave it unset for the embedded PGlite database)');
    database = { kind: 'postgres', url };
  } else {
    database = { kind: 'pglite', dataDir: env.DATA_DIR?.trim() || fileURLToPath(new URL('../../data', import.meta.url)) };
  }
  return {
    port,
    host: env.HOST?.trim() || '127.0.0.1',
    database,
    webDist: env.WEB_DIST?.trim() || fileURLToPath(new URL('../../web/dist', import.meta.url)),
    seed: !['0', 'false', 'no'].includes((env.SEED ?? '').toLowerCase()),
  };
}
