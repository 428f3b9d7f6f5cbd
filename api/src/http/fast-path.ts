/**
 * Replays stored answers (read-path.ts, in the one read cache) straight from
 * Node's request listener, before Hono builds a Request and runs the middleware
 * chain: a hit costs a key, a map look-up and one write, several times cheaper
 * than the same hit inside Hono, which is what keeps p99 low with hundreds of
 * concurrent readers on one core. Everything else (a miss, a signed-in or
 * cross-origin request, PUBLIC_READ off, a version not re-checked lately) goes
 * to Hono unchanged. It keeps nothing of its own.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ReadCache } from '../services/read-cache';
import { answerHeaders, canonicalRequestKey, etagMatches, READ_PATHS, sharedRequest, storedAnswer } from './read-path';

export interface FastPathOptions {
  cache: ReadCache;
  /** The served version when it was confirmed recently enough to answer without asking; else undefined. */
  freshVersion: () => number | undefined;
  /** Anonymous reads allowed (PUBLIC_READ). */
  publicRead: () => boolean;
  /**
   * Answers at least this large go to Hono when the client accepts a compressed
   * encoding, so they leave compressed (app.ts `compress`, COMPRESS_THRESHOLD) with the
   * same headers either way; the fast path sends bodies as stored. Default COMPRESS_THRESHOLD.
   */
  compressAbove?: number;
}

const ACCEPTS_COMPRESSION = /\b(gzip|br|deflate|zstd)\b/i;

/** Answers larger than this many bytes are compressed (app.ts `compress`); the fast path must agree. */
export const COMPRESS_THRESHOLD = 2048;

/** A listener that answers stored answers itself and returns true, or returns false to pass the request on. */
export function createFastPath({ cache, freshVersion, publicRead, compressAbove = COMPRESS_THRESHOLD }: FastPathOptions) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const method = req.method;
    const url = req.url ?? '';
    // Only the read paths' answers are ever stored: nothing else (health probes, docs) is worth canonicalising.
    if ((method !== 'GET' && method !== 'HEAD') || !READ_PATHS.has(url.split('?', 1)[0]!)) return false;
    if (!sharedRequest(req.headers, publicRead())) return false;
    const version = freshVersion();
    if (version === undefined) return false;
    const hit = storedAnswer(cache, version, canonicalRequestKey(url));
    if (!hit) return false;
    if (hit.body.byteLength >= compressAbove && ACCEPTS_COMPRESSION.test(String(req.headers['accept-encoding'] ?? ''))) return false;
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
}
