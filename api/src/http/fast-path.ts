/**
 * Replays cached answers (response-cache.ts) straight from Node's request
 * listener, before Hono builds a Request and runs the middleware chain: a hit
 * costs a map look-up and one write, several times cheaper than the same hit
 * inside Hono, which is what keeps p99 low with hundreds of concurrent readers
 * on one core. Everything else (a miss, a signed-in or cross-origin request,
 * PUBLIC_READ off, a version not re-checked lately) goes to Hono unchanged.
 * Memory is bounded in bytes: the URL map keeps only URLs that were hits
 * (UrlKeyMap), and the answers themselves live in the ResponseCache's budget.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerHeaders, canonicalRequestKey, etagMatches, sharedRequest, type ResponseCache } from './response-cache';

export interface FastPathOptions {
  cache: ResponseCache;
  /** The served version when it was confirmed recently enough to answer without asking; else undefined. */
  freshVersion: () => number | undefined;
  /** Anonymous reads allowed (PUBLIC_READ). */
  publicRead: () => boolean;
  /** Byte budget of the URL map (default FAST_PATH_MAP_MB, 1 MB). */
  maxMapBytes?: number;
  /**
   * Answers at least this large go to Hono when the client accepts a compressed
   * encoding, so they leave compressed (app.ts `compress`, threshold 2048) with the
   * same headers either way; the fast path sends bodies as stored. Default 2048.
   */
  compressAbove?: number;
}

const ACCEPTS_COMPRESSION = /\b(gzip|br|deflate|zstd)\b/i;

/** Default budget of the raw-URL → canonical-key map (FAST_PATH_MAP_MB, Config.fastPathMapBytes). */
export const DEFAULT_FAST_PATH_MAP_BYTES = 1024 * 1024;

// URLs longer than this are canonicalised every time: real links are far shorter, and a long one
// would take much of the budget for a question nobody asks twice.
const MAX_REMEMBERED_URL = 2_048;
// Map entry, two string headers and hash-table slack, per remembered URL (an estimate on the safe side).
const ENTRY_OVERHEAD = 96;

/**
 * Raw request URL → canonical key, for URLs that were cache hits only (a miss, or a
 * URL never asked again, costs nothing), within a byte budget: strings counted at
 * two bytes a character (V8's widest), oldest dropped first.
 */
export class UrlKeyMap {
  private readonly keys = new Map<string, string>();
  private used = 0;
  constructor(readonly maxBytes = DEFAULT_FAST_PATH_MAP_BYTES) {}

  /** Bytes the map accounts for (≤ maxBytes). */
  get bytes(): number { return this.used; }
  get size(): number { return this.keys.size; }

  get(url: string): string | undefined { return this.keys.get(url); }

  /** Remembers the key of a URL that was just answered from the cache. */
  remember(url: string, key: string): void {
    if (url.length > MAX_REMEMBERED_URL || this.keys.has(url)) return;
    const cost = UrlKeyMap.cost(url, key);
    if (cost > this.maxBytes) return;
    this.keys.set(url, key);
    this.used += cost;
    for (const [old, oldKey] of this.keys) {
      if (this.used <= this.maxBytes) break;
      this.keys.delete(old);
      this.used -= UrlKeyMap.cost(old, oldKey);
    }
  }

  private static cost(url: string, key: string): number {
    return 2 * (url.length + key.length) + ENTRY_OVERHEAD;
  }
}

/** The fast path's listener, with its URL map exposed for measurements (bench:load, tests). */
export type FastPath = ((req: IncomingMessage, res: ServerResponse) => boolean) & { urlKeys: UrlKeyMap };

/** A listener that answers cache hits itself and returns true, or returns false to pass the request on. */
export function createFastPath({ cache, freshVersion, publicRead, maxMapBytes, compressAbove = 2048 }: FastPathOptions): FastPath {
  const keys = new UrlKeyMap(maxMapBytes);
  const listener = (req: IncomingMessage, res: ServerResponse): boolean => {
    const method = req.method;
    const url = req.url ?? '';
    if ((method !== 'GET' && method !== 'HEAD') || !url.startsWith('/api/') || !cache.enabled) return false;
    if (!sharedRequest(req.headers, publicRead())) return false;
    const version = freshVersion();
    if (version === undefined) return false;
    const known = keys.get(url);
    const key = known ?? canonicalRequestKey(url);
    const hit = cache.get(version, key);
    if (!hit) return false;
    if (hit.body.byteLength >= compressAbove && ACCEPTS_COMPRESSION.test(String(req.headers['accept-encoding'] ?? ''))) return false;
    if (known === undefined) keys.remember(url, key);
    // writeHead takes a flat [name, value, name, value, …] list.
    const headers = answerHeaders(hit).flat();
    if (etagMatches(req.headers['if-none-match'], hit.etag)) {
      res.writeHead(304, headers);
      res.end();
    } else {
      res.writeHead(200, [...headers, 'content-length', String(hit.body.byteLength)]);
      res.end(method === 'HEAD' ? undefined : hit.body);
    }
    return true;
  };
  return Object.assign(listener, { urlKeys: keys });
}
