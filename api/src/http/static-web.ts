/**
 * Serves the built web app (web/dist) beside the API. @hono/node-server's
 * serveStatic rejects `..`, backslashes, double slashes and encoded traversal.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { landingLink, landingRequestsReader } from './landing-preload';

const FALLBACK_PAGE = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Triển vọng thị trường lao động</title></head>
<body><h1>Triển vọng thị trường lao động — Labour Market Outlook</h1>
<p>Giao diện web chưa được build (<code>pnpm --filter @lmo/web build</code>). The web app is not built yet.</p>
<p><a href="/api/docs">API reference (/api/docs)</a> · <a href="/api/openapi.json">OpenAPI 3.1</a> · <a href="/api/health">/api/health</a></p>
</body></html>`;

/** The app shell and other unhashed files: always revalidated, so a new build is picked up at once. */
const REVALIDATE = 'no-cache';
/** Vite's hashed assets (assets/name-HASH.ext) never change under their name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Cache-Control of a served URL path: hashed build assets are immutable, everything else revalidates. */
export function cacheControlFor(path: string): string {
  return /^\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(path) ? IMMUTABLE : REVALIDATE;
}

/**
 * Adds static routes for `webDist`; files are sent brotli- or gzip-compressed when the build made a
 * copy and the client accepts it (`precompressed`). Whether the build exists is checked per
 * request (a rebuild may replace it while the server runs); without it, `/` is a
 * plain page linking to the API docs. The app shell of the landing view carries a `Link` header
 * preloading its first chart's data (landing-preload.ts).
 */
export function mountWeb(app: Hono, webDist: string | null | undefined): void {
  if (!webDist) {
    app.get('/', (c) => c.html(FALLBACK_PAGE));
    return;
  }
  const index = join(webDist, 'index.html');
  // Created on first use: serveStatic warns at creation when its root is missing.
  let files: MiddlewareHandler | undefined;
  const shell = serveStatic({ path: index, precompressed: true });
  const landingRequests = landingRequestsReader(webDist);
  const preloadLanding = (c: Context, res: Response) => {
    const link = landingLink(landingRequests(), new URL(c.req.url).searchParams);
    if (link) res.headers.set('link', link);
  };
  app.use('*', async (c, next) => {
    if (!existsSync(index)) return next();
    files ??= serveStatic({ root: webDist, precompressed: true });
    const res = await files(c, next);
    // serveStatic answers with its own Response (undefined when it passed the request on).
    if (res instanceof Response) {
      res.headers.set('cache-control', cacheControlFor(c.req.path));
      if ((c.req.path === '/' || c.req.path === '/index.html') && res.ok) preloadLanding(c, res);
    }
    return res;
  });
  // Client-side routes (anything not under /api and not a file) get the app shell.
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path === '/api') return next();
    if (!existsSync(index)) return c.req.path === '/' ? c.html(FALLBACK_PAGE) : next();
    const res = await shell(c, next);
    if (res instanceof Response) {
      res.headers.set('cache-control', REVALIDATE);
      if (res.ok) preloadLanding(c, res);
    }
    return res;
  });
}
