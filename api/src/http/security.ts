/**
 * Cross-cutting HTTP protections, mounted first in `apiRoutes()` so they wrap
 * every route, the docs and the static web app:
 * - Hono's `secureHeaders` plus a Content-Security-Policy (strict for the API,
 *   `'self'`-only for the web app, none for the externally scripted /api/docs);
 * - CORS only when `CORS_ORIGINS` lists origins (same-origin use needs none);
 * - a small body limit for everything except uploads, which enforce their own
 *   `MAX_UPLOAD_BYTES` while streaming;
 * - a per-client rate limit on uploads (`UPLOAD_RATE_LIMIT`, requests/minute).
 * Settings come from Config.security (config.ts), parsed at start-up.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import type { Config } from '../config';
import { problemResponse } from './on-error';
import { clientKey, FixedWindowLimiter } from './security-rate-limit';

/** CORS origins, body and rate limits, proxy trust (see Config.security). */
export type SecurityOptions = Config['security'];

// JSON and CSV never need to run or embed anything.
const API_CSP = { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] };
// The built web app: its own scripts only (no inline script, no eval); inline styles for recharts; blob workers for papaparse.
const WEB_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

const isUpload = (path: string) => path === '/api/uploads' || path.startsWith('/api/uploads/');

/** The middleware chain, in order. */
export function security(options: SecurityOptions): MiddlewareHandler[] {
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
      origin: options.corsOrigins,
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'If-None-Match'],
      exposeHeaders: ['Content-Disposition', 'Retry-After', 'Data-Version', 'ETag'],
      maxAge: 600,
    });
    chain.push((c, next) => (c.req.path.startsWith('/api/') ? corsMw(c, next) : next()));
  }
  const limitBody = bodyLimit({
    maxSize: options.maxBodyBytes,
    onError: (c) =>
      problemResponse(c, {
        type: '/api/problems/too-large',
        title: 'Payload too large',
        status: 413,
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
        type: '/api/problems/rate-limited',
        title: 'Too many requests',
        status: 429,
        detail: `At most ${perMinute} ${what} a minute per client; retry in ${Math.ceil(wait / 1000)} s.`,
      });
    }
    return next();
  };
}
