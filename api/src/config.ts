/**
 * The one place the environment is read: `loadConfig()` parses every variable
 * once at start-up into a typed `Config`, which travels on the app's deps
 * (AppDeps.config). A bad value stops the start with a message naming the
 * variable. Paths resolve from this file, not the cwd, so `pnpm start` from the
 * repo root and `tsx src/server.ts` from api/ agree.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { BUFFER_SIZE, type DatabaseConfig } from './db/client';

/** The repository root (api/src/../..). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const MB = 1024 * 1024;
const FALSE = ['0', 'false', 'no', 'off'];
const TRUE = ['1', 'true', 'yes', 'on'];

// Unset and blank are the same: a variable exported empty takes its default.
const text = () =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined));
const whole = (fallback: number, min: number, max = Number.MAX_SAFE_INTEGER, what = `a whole number ≥ ${min}`) =>
  text()
    .pipe(
      z
        .string()
        .regex(/^-?\d+$/, `must be ${what}`)
        .transform(Number)
        .refine((n) => n >= min && n <= max, `must be ${what}`)
        .optional(),
    )
    .transform((n) => n ?? fallback);
const megabytes = (fallback: number) =>
  text()
    .pipe(
      z
        .string()
        .regex(/^\d+(\.\d+)?$/, 'must be a number of megabytes ≥ 0')
        .transform(Number)
        .optional(),
    )
    .transform((n) => Math.round((n ?? fallback) * MB));
const flag = (fallback: boolean) =>
  text()
    .refine((v) => v === undefined || [...TRUE, ...FALSE].includes(v.toLowerCase()), `must be one of ${[...TRUE, ...FALSE].join(', ')}`)
    .transform((v) => (v === undefined ? fallback : TRUE.includes(v.toLowerCase())));

/** The environment variables the API reads, with their defaults. */
const envSchema = z.object({
  PORT: whole(8787, 0, 65535, 'a port number (0–65535)'),
  HOST: text().transform((v) => v ?? '127.0.0.1'),
  DATABASE_URL: text().refine(
    (v) => v === undefined || /^postgres(ql)?:\/\//.test(v),
    'must start with postgres:// (leave it unset for the embedded PGlite database)',
  ),
  DATA_DIR: text(),
  WEB_DIST: text(),
  SEED: flag(true),
  PG_QUERY_TIMEOUT_MS: whole(60_000, 0),
  LMO_PGLITE_THREAD: flag(true),
  PGLITE_SHARED_BUFFERS: text()
    .refine((v) => v === undefined || BUFFER_SIZE.test(v), 'must be a size such as 16MB')
    .transform((v) => v ?? '16MB'),
  RESULTS_RECHECK_MS: whole(250, 0),
  RESPONSE_CACHE_MB: megabytes(32),
  MAX_UPLOAD_BYTES: whole(200 * MB, 1),
  CORS_ORIGINS: text()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .superRefine((origins, ctx) => {
      for (const origin of origins) {
        if (origin === '*' || !/^https?:\/\/[^/]+$/.test(origin))
          ctx.addIssue({ code: 'custom', message: `lists exact origins like https://example.gov.vn (no '*', no path); '${origin}' is not one` });
      }
    }),
  MAX_BODY_BYTES: whole(64 * 1024, 0),
  UPLOAD_RATE_LIMIT: whole(30, 0),
  SCENARIO_RATE_LIMIT: whole(60, 0),
  TRUST_PROXY: flag(false),
  PUBLIC_READ: flag(true),
  AUTH_MAX_FAILURES: whole(10, 1),
  LMO_COMPUTE_WORKER: flag(true),
  LMO_COMPUTE_HEAP_MB: whole(192, 0),
  LMO_COMPUTE_NICE: whole(10, -20, 19, 'a niceness from -20 to 19'),
  LMO_SYSTEM_BACKTEST: flag(true),
  LMO_SCENARIO_NICE: whole(0, -20, 19, 'a niceness from -20 to 19'),
  LMO_MAX_SCENARIOS: whole(500, 1),
});

/** Everything the API is configured with. */
export interface Config {
  port: number;
  host: string;
  /** PostgreSQL with DATABASE_URL, else embedded PGlite in DATA_DIR (default <repo>/data). */
  database: DatabaseConfig;
  /** The built web app (WEB_DIST, default <repo>/web/dist). */
  webDist: string;
  /** Load the seeds on start (SEED). */
  seed: boolean;
  /** How soon an instance on a shared PostgreSQL sees another's new version (RESULTS_RECHECK_MS). */
  resultsRecheckMs: number;
  /** Byte budget of the whole answers held in the read cache (RESPONSE_CACHE_MB). */
  responseCacheBytes: number;
  /** Largest upload (MAX_UPLOAD_BYTES, default 200 MB). */
  maxUploadBytes: number;
  security: {
    /** Origins allowed to call the API from a browser; empty = CORS headers never sent. */
    corsOrigins: string[];
    /** Largest request body outside /api/uploads, in bytes. */
    maxBodyBytes: number;
    /** Upload requests per client per minute (0 = unlimited). */
    uploadsPerMinute: number;
    /** Scenario requests (POST /api/scenarios, each a model run) per client per minute (0 = unlimited). */
    scenariosPerMinute: number;
    /** Trust the first X-Forwarded-For address as the client (behind a load balancer). */
    trustProxy: boolean;
  };
  auth: {
    /** Anonymous GETs allowed (PUBLIC_READ). */
    publicRead: boolean;
    /** Failed attempts per address per window before 429 (AUTH_MAX_FAILURES). */
    maxFailures: number;
    windowMs: number;
  };
  /**
   * The model run of a new version: in a worker thread, its heap limit in MB (0 = V8's own), its CPU
   * niceness, and whether the system's backtest runs on the version's data (LMO_SYSTEM_BACKTEST).
   */
  compute: { worker: boolean; heapMb: number; nice: number; systemBacktest: boolean };
  /** Planners' scenarios: in a worker thread, its niceness, how many stored scenarios are kept. */
  scenarios: { worker: boolean; nice: number; maxStored: number };
}

/** A bad environment variable; the message names each one. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parses `env` into a Config, or throws ConfigError naming every bad variable and its value. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `${name} ${issue.message}, got '${env[name]}'`;
    });
    throw new ConfigError(`Invalid configuration: ${lines.join('; ')}`);
  }
  const e = parsed.data;
  const database: DatabaseConfig = e.DATABASE_URL
    ? { kind: 'postgres', url: e.DATABASE_URL, queryTimeoutMs: e.PG_QUERY_TIMEOUT_MS }
    : {
        kind: 'pglite',
        dataDir: e.DATA_DIR ?? fileURLToPath(new URL('../../data', import.meta.url)),
        thread: e.LMO_PGLITE_THREAD,
        sharedBuffers: e.PGLITE_SHARED_BUFFERS,
      };
  return {
    port: e.PORT,
    host: e.HOST,
    database,
    webDist: e.WEB_DIST ?? fileURLToPath(new URL('../../web/dist', import.meta.url)),
    seed: e.SEED,
    resultsRecheckMs: e.RESULTS_RECHECK_MS,
    responseCacheBytes: e.RESPONSE_CACHE_MB,
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    security: {
      corsOrigins: e.CORS_ORIGINS,
      maxBodyBytes: e.MAX_BODY_BYTES,
      uploadsPerMinute: e.UPLOAD_RATE_LIMIT,
      scenariosPerMinute: e.SCENARIO_RATE_LIMIT,
      trustProxy: e.TRUST_PROXY,
    },
    auth: { publicRead: e.PUBLIC_READ, maxFailures: e.AUTH_MAX_FAILURES, windowMs: 60_000 },
    compute: { worker: e.LMO_COMPUTE_WORKER, heapMb: e.LMO_COMPUTE_HEAP_MB, nice: e.LMO_COMPUTE_NICE, systemBacktest: e.LMO_SYSTEM_BACKTEST },
    scenarios: { worker: e.LMO_COMPUTE_WORKER, nice: e.LMO_SCENARIO_NICE, maxStored: e.LMO_MAX_SCENARIOS },
  };
}
