/**
 * Cross-cutting HTTP protections, mounted first in `apiRoutes()` so they wrap
 * every route, the docs and the static web app:
 * - Hono's `secureHeaders` plus a Content-Security-Policy (strict for the API,
 *   `'self'`-only for the web app, none for the externally scripted /api/docs);
 * - CORS only when `CORS_ORIGINS` lists origins (same-origin use needs none);
 * - a small body limit for everything except uploads, which enforce their own
 *   `MAX_UPLOAD_BYTES` while streaming;
 * - a per-client rate limit on uploads (`UPLOAD_RATE_LIMIT`, requests/minute).
 * Settings are read from the environment each time `security()` is called.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { problemResponse } from './on-error';
import { clientKey, FixedWindowLimiter } from './security-rate-limit';

export interface SecurityOptions {
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
}

const int = (text: string | undefined, fallback: number, name: string): number => {
  if (text === undefined || text.trim() === '') return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number ≥ 0, got '${text}'`);
  return n;
};

/** Reads CORS_ORIGINS (comma-separated), MAX_BODY_BYTES, UPLOAD_RATE_LIMIT, SCENARIO_RATE_LIMIT and TRUST_PROXY. */
export function readSecurityOptions(env: NodeJS.ProcessEnv = process.env): SecurityOptions {
  const corsOrigins = (env.CORS_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const origin of corsOrigins) {
    if (origin === '*' || !/^https?:\/\/[^/]+$/.test(origin)) {
      throw new Error(`CORS_ORIGINS lists exact origins like https://example.gov.vn (no '*', no path), got '${origin}'`);
    }
  }
  return {
    corsOrigins,
    maxBodyBytes: int(env.MAX_BODY_BYTES, 64 * 1024, 'MAX_BODY_BYTES'),
    uploadsPerMinute: int(env.UPLOAD_RATE_LIMIT, 30, 'UPLOAD_RATE_LIMIT'),
    scenariosPerMinute: int(env.SCENARIO_RATE_LIMIT, 60, 'SCENARIO_RATE_LIMIT'),
    trustProxy: ['1', 'true', 'yes'].includes((env.TRUST_PROXY ?? '').toLowerCase()),
  };
}

// JSON and CSV never need to run or embed anything.
const API_CSP = { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] };
// The built web app: its own scripts only (no inline script, no eval); inline styles for recharts; blob workers for papaparse.
const WEB_CSP = {
  defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'], connectSrc: ["'self'"], workerSrc: ["'self'", 'blob:'], objectSrc: ["'none'"],
  baseUri: ["'self'"], formAction: ["'self'"], frameAncestors: ["'none'"],
};

const isUpload = (path: string) => path === '/api/uploads' || path.startsWith('/api/uploads/');

/** The middleware chain, in order. */
export function security(options: SecurityOptions = readSecurityOptions()): MiddlewareHandler[] {
  const apiHeaders = secureHeaders({ contentSecurityPolicy: API_CSP });
  const webHeaders = secureHeaders({ contentSecurityPolicy: WEB_CSP });
  // The Scalar reference page loads its script from a CDN; every other header still applies.
  const docsHeaders = secureHeaders();
  const chain: MiddlewareHandler[] = [
    (c, next) => {
      const path = c.req.path;
      if (path === '/api/docs') return docsHeaders(c, next);
      return (path === '/api' || path.startsWith('/api/') ? apiHeaders : webHeaders)(c, next);
    },
  ];
  if (options.corsOrigins.length > 0) {
    const corsMw = cors({
      origin: options.corsOrigins, allowMethods: ['GET', 'POST', 'OPTIONS'], allowHeaders: ['Authorization', 'Content-Type', 'If-None-Match'],
      exposeHeaders: ['Content-Disposition', 'Retry-After', 'Data-Version', 'ETag'], maxAge: 600,
    });
    chain.push((c, next) => (c.req.path.startsWith('/api/') ? corsMw(c, next) : next()));
  }
  const limitBody = bodyLimit({
    maxSize: options.maxBodyBytes,
    onError: (c) => problemResponse(c, {
      type: '/api/problems/too-large', title: 'Payload too large', status: 413,
      detail: `Request bodies are limited to ${options.maxBodyBytes} bytes (uploads: MAX_UPLOAD_BYTES).`,
    }),
  });
  chain.push((c, next) => (isUpload(c.req.path) ? next() : limitBody(c, next)));
  if (options.uploadsPerMinute > 0) chain.push(rateLimit(options.uploadsPerMinute, 'uploads', isUpload, options.trustProxy));
  if (options.scenariosPerMinute > 0) chain.push(rateLimit(options.scenariosPerMinute, 'scenario requests', (p) => p === '/api/scenarios', options.trustProxy));
  return chain;
}

/** POSTs to matching paths limited per client and minute; 429 problem with Retry-After past the limit. */
function rateLimit(perMinute: number, what: string, matches: (path: string) => boolean, trustProxy: boolean): MiddlewareHandler {
  const limiter = new FixedWindowLimiter(perMinute, 60_000);
  return async (c, next) => {
    if (c.req.method !== 'POST' || !matches(c.req.path)) return next();
    const wait = limiter.hit(clientKey(c, trustProxy));
    if (wait > 0) {
      c.header('retry-after', String(Math.ceil(wait / 1000)));
      return problemResponse(c, {
        type: '/api/problems/rate-limited', title: 'Too many requests', status: 429,
        detail: `At most ${perMinute} ${what} a minute per client; retry in ${Math.ceil(wait / 1000)} s.`,
      });
    }
    return next();
  };
}
