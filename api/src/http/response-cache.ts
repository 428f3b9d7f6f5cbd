/**
 * Per-version response cache for the read routes. A dataset version never
 * changes, so an answer computed for (version, URL) stays right until another
 * version is served. Routes opt in by setting the `Data-Version` header to the
 * version they answered from; the answer is stored under that version and
 * served again, byte for byte, while it is still the one served.
 *
 * The middleware is mounted outermost, so a hit skips the whole middleware
 * chain and the route: the stored answer already carries the security headers
 * added around it. That is why only requests for which every caller gets the
 * same answer take part (`cacheable`): anonymous reads while PUBLIC_READ is on,
 * without an Origin (CORS answers vary by origin). Signed-in requests always go
 * through the guard and the route. Each answer gets an ETag, so browsers
 * revalidate with If-None-Match and receive 304. `fast-path.ts` replays the
 * same entries before a request even reaches Hono.
 */
import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { VersionInfo } from '../services/dataset-versions';

/** Header a read route sets to the dataset version its answer came from (opts the answer into the cache). */
export const DATA_VERSION_HEADER = 'Data-Version';

// Headers that belong to one exchange, not to the stored answer.
const DROPPED = new Set(['date', 'content-length', 'set-cookie', 'etag', 'cache-control', 'connection', 'keep-alive', 'transfer-encoding']);

/** A stored answer: body and headers as first sent, plus its ETag. */
export interface CachedAnswer { body: Uint8Array<ArrayBuffer>; headers: [string, string][]; etag: string }

/** Default byte budget of the cache (RESPONSE_CACHE_MB, Config.responseCacheBytes; 0 turns the cache off). */
export const DEFAULT_RESPONSE_CACHE_BYTES = 32 * 1024 * 1024;

/** Path plus query with parameters sorted, so the same question in another order is one entry. */
export function canonicalRequestKey(url: string): string {
  const u = new URL(url, 'http://localhost');
  const params = [...u.searchParams.entries()].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  return `${u.pathname}?${new URLSearchParams(params).toString()}`;
}

/** True when an If-None-Match header lists `etag` (or is `*`). */
export const etagMatches = (ifNoneMatch: string | undefined, etag: string) =>
  !!ifNoneMatch && ifNoneMatch.split(',').some((t) => { const v = t.trim(); return v === '*' || v === etag || v === `W/${etag}`; });

// Map entry, key and entry objects, and the ETag, per stored answer (an estimate on the safe side).
const ENTRY_OVERHEAD = 256;

/**
 * What an answer costs the cache: its body, its key and headers (two bytes a
 * character, V8's widest strings) and a fixed overhead, so that many small
 * answers under long URLs count as much as they weigh.
 */
export function answerCost(id: string, answer: CachedAnswer): number {
  let chars = id.length + answer.etag.length;
  for (const [name, value] of answer.headers) chars += name.length + value.length;
  return answer.body.byteLength + 2 * chars + ENTRY_OVERHEAD;
}

/**
 * Answers of the served version, least recently used dropped first, within a
 * byte budget that counts keys, headers and bodies (answerCost). Only 200
 * answers a route opted in with are stored (the middleware below): a miss or
 * an error is never kept.
 */
export class ResponseCache {
  private readonly entries = new Map<string, { answer: CachedAnswer; cost: number }>();
  private used = 0;
  private version: number | undefined;

  constructor(readonly maxBytes = DEFAULT_RESPONSE_CACHE_BYTES) {}

  get enabled(): boolean {
    return this.maxBytes > 0;
  }

  /** Bytes the stored answers account for (≤ maxBytes). */
  get bytes(): number {
    return this.used;
  }

  /** Number of stored answers. */
  get size(): number {
    return this.entries.size;
  }

  /** Records the version being served; answers of any other are dropped (they will not be asked for again). */
  serving(versionId: number): void {
    if (versionId === this.version) return;
    this.version = versionId;
    for (const k of [...this.entries.keys()]) if (!k.startsWith(`${versionId} `)) this.remove(k);
  }

  /** The answer to `key` in `versionId`, if stored (and marks it recently used). */
  get(versionId: number, key: string): CachedAnswer | undefined {
    const id = `${versionId} ${key}`;
    const hit = this.entries.get(id);
    if (hit) {
      // Map order doubles as least-recently-used order.
      this.entries.delete(id);
      this.entries.set(id, hit);
    }
    return hit?.answer;
  }

  /** Stores an answer of the served version (others are ignored), each at most an eighth of the budget. */
  set(versionId: number, key: string, answer: CachedAnswer): void {
    if (versionId !== this.version) return;
    const id = `${versionId} ${key}`;
    const cost = answerCost(id, answer);
    if (cost > this.maxBytes / 8) return;
    this.remove(id);
    this.entries.set(id, { answer, cost });
    this.used += cost;
    for (const old of this.entries.keys()) {
      if (this.used <= this.maxBytes) break;
      this.remove(old);
    }
  }

  private remove(id: string): void {
    const e = this.entries.get(id);
    if (!e) return;
    this.entries.delete(id);
    this.used -= e.cost;
  }
}

/** Headers of a replayed answer: as stored, with its ETag and revalidation required. */
export function answerHeaders(answer: CachedAnswer): [string, string][] {
  // The version can change at any time: clients revalidate (cheap: 304) rather than reuse blindly.
  return [...answer.headers, ['etag', answer.etag], ['cache-control', 'no-cache']];
}

export interface ResponseCacheOptions {
  cache: ResponseCache;
  /** The version being served (a cheap, shared re-check), or null to skip the cache. */
  current: () => Promise<VersionInfo | null>;
  /** Requests whose answer is the same for every caller (see the module comment); default all. */
  cacheable?: (c: Context) => boolean;
}

/** The cache middleware (see the module comment). */
export function responseCache({ cache, current, cacheable }: ResponseCacheOptions): MiddlewareHandler {
  const replay = (answer: CachedAnswer, ifNoneMatch: string | undefined, head: boolean) => {
    const headers = new Headers(answerHeaders(answer));
    if (etagMatches(ifNoneMatch, answer.etag)) return new Response(null, { status: 304, headers });
    return new Response(head ? null : answer.body, { status: 200, headers });
  };

  /** The answer the route just gave, as a CachedAnswer (null when it did not opt in). */
  const answered = async (c: Context): Promise<{ version: number; answer: CachedAnswer } | null> => {
    const version = c.res.headers.get(DATA_VERSION_HEADER);
    if (c.res.status !== 200 || !version) return null;
    const body = new Uint8Array(await c.res.arrayBuffer());
    const headers = [...c.res.headers.entries()].filter(([h]) => !DROPPED.has(h.toLowerCase()));
    return { version: Number(version), answer: { body, headers, etag: `"v${version}-${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"` } };
  };

  return async (c, next) => {
    const method = c.req.method;
    if (method !== 'GET' && method !== 'HEAD') return next();
    // Requests not replayed (signed in, another origin, …) are still tagged, so they can be revalidated.
    let key: string | null = null;
    if (cache.enabled && (!cacheable || cacheable(c))) {
      key = canonicalRequestKey(c.req.url);
      let version: VersionInfo | null;
      try {
        version = await current();
      } catch {
        // The database is unreachable: the route itself answers (503), nothing stale is served.
        return next();
      }
      if (version) {
        cache.serving(version.id);
        const hit = cache.get(version.id, key);
        if (hit) return replay(hit, c.req.header('if-none-match'), method === 'HEAD');
      }
    }
    await next();
    const own = method === 'GET' ? await answered(c) : null;
    if (!own) return;
    if (key !== null) cache.set(own.version, key, own.answer);
    c.res = replay(own.answer, c.req.header('if-none-match'), false);
  };
}

/** Whether a request's answer is the same for every caller, so it may be replayed (see the module comment). */
export const sharedRequest = (headers: { authorization?: string; origin?: string }, publicRead: boolean): boolean =>
  publicRead && headers.authorization === undefined && headers.origin === undefined;
