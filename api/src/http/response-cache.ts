/**
 * Per-version response cache for the read routes. A dataset version never
 * changes, so an answer computed for (version, URL) stays right until another
 * version is served. Routes opt in by setting the `Data-Version` header to the
 * version they answered from; the answer is stored under that version and
 * served again, byte for byte, while it is still the one served.
 *
 * It is mounted outermost, so a hit skips the whole middleware chain and the
 * route: the stored answer already carries the security headers added around
 * it. That is why only requests for which every caller gets the same answer
 * take part (`cacheable`): anonymous reads while PUBLIC_READ is on, without an
 * Origin (CORS answers vary by origin). Signed-in requests always go through
 * the guard and the route. Each answer gets an ETag, so browsers revalidate
 * with If-None-Match and receive 304.
 */
import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { VersionInfo } from '../services/dataset-versions';

/** Header a read route sets to the dataset version its answer came from (opts the answer into the cache). */
export const DATA_VERSION_HEADER = 'Data-Version';

// Headers that belong to one exchange, not to the stored answer.
const DROPPED = new Set(['date', 'content-length', 'set-cookie', 'etag', 'cache-control', 'connection', 'keep-alive', 'transfer-encoding']);

interface Entry { body: Uint8Array<ArrayBuffer>; headers: [string, string][]; etag: string }

export interface ResponseCacheOptions {
  /** The version being served (a cheap, shared re-check), or null to skip the cache. */
  current: () => Promise<VersionInfo | null>;
  /** Requests whose answer is the same for every caller (see the module comment); default all. */
  cacheable?: (c: Context) => boolean;
  /** Bytes of bodies kept (least recently used go first); RESPONSE_CACHE_MB, default 32 MB. */
  maxBytes?: number;
}

/** RESPONSE_CACHE_MB in bytes (default 32 MB; 0 turns the cache off). */
export function responseCacheBytes(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.RESPONSE_CACHE_MB ?? 32);
  return Number.isFinite(n) && n >= 0 ? Math.round(n * 1024 * 1024) : 32 * 1024 * 1024;
}

/** Path plus query with parameters sorted, so the same question in another order is one entry. */
export function canonicalRequestKey(url: string): string {
  const u = new URL(url);
  const params = [...u.searchParams.entries()].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  return `${u.pathname}?${new URLSearchParams(params).toString()}`;
}

/** True when an If-None-Match header lists `etag` (or is `*`). */
const matches = (ifNoneMatch: string | undefined, etag: string) =>
  !!ifNoneMatch && ifNoneMatch.split(',').some((t) => { const v = t.trim(); return v === '*' || v === etag || v === `W/${etag}`; });

/** The cache middleware (see the module comment). */
export function responseCache(options: ResponseCacheOptions): MiddlewareHandler {
  const maxBytes = options.maxBytes ?? responseCacheBytes();
  const entries = new Map<string, Entry>();
  let bytes = 0;
  let lastVersion: number | undefined;
  const remove = (k: string) => {
    const e = entries.get(k);
    if (!e) return;
    entries.delete(k);
    bytes -= e.body.byteLength;
  };

  const answer = (entry: Entry, ifNoneMatch: string | undefined, head: boolean) => {
    const headers = new Headers(entry.headers);
    headers.set('etag', entry.etag);
    // The version can change at any time: clients revalidate (cheap: 304) rather than reuse blindly.
    headers.set('cache-control', 'no-cache');
    if (matches(ifNoneMatch, entry.etag)) return new Response(null, { status: 304, headers });
    return new Response(head ? null : entry.body, { status: 200, headers });
  };

  return async (c, next) => {
    const method = c.req.method;
    if (maxBytes === 0 || (method !== 'GET' && method !== 'HEAD') || (options.cacheable && !options.cacheable(c))) return next();
    const key = canonicalRequestKey(c.req.url);
    let version: VersionInfo | null;
    try {
      version = await options.current();
    } catch {
      // The database is unreachable: the route itself answers (503), nothing stale is served.
      return next();
    }
    if (version && version.id !== lastVersion) {
      // A new current version: answers of the others will not be asked for again.
      lastVersion = version.id;
      for (const k of [...entries.keys()]) if (!k.startsWith(`${version.id} `)) remove(k);
    }
    const ifNoneMatch = c.req.header('if-none-match');
    const id = version ? `${version.id} ${key}` : '';
    const hit = entries.get(id);
    if (hit) {
      // Map order doubles as least-recently-used order.
      entries.delete(id);
      entries.set(id, hit);
      return answer(hit, ifNoneMatch, method === 'HEAD');
    }
    await next();
    const answered = c.res.headers.get(DATA_VERSION_HEADER);
    if (c.res.status !== 200 || !answered || method !== 'GET') return;
    const body = new Uint8Array(await c.res.arrayBuffer());
    const headers = [...c.res.headers.entries()].filter(([h]) => !DROPPED.has(h.toLowerCase()));
    const entry: Entry = { body, headers, etag: `"v${answered}-${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"` };
    // Only answers of the current version are kept, each at most an eighth of the budget.
    if (Number(answered) === lastVersion && body.byteLength <= maxBytes / 8) {
      const k = `${answered} ${key}`;
      remove(k);
      entries.set(k, entry);
      bytes += body.byteLength;
      for (const old of entries.keys()) {
        if (bytes <= maxBytes) break;
        remove(old);
      }
    }
    c.res = answer(entry, ifNoneMatch, false);
  };
}
