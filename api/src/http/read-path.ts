/**
 * The read routes' middleware, around the one cache (services/read-cache.ts):
 *
 * - `servedVersion` lets a read request resolve the served dataset version
 *   once (`c.var.version`), when first needed: by `answerCache` for a request it
 *   may replay, by `revalidate` for an If-None-Match, else by the route after its
 *   validation, so a refused request (401, 403, 400) never pays for it;
 * - `answerCache`, mounted outermost, replays whole answers stored per
 *   (version, canonical URL) for requests every caller gets the same answer to
 *   (anonymous reads while PUBLIC_READ is on, without an Origin: `sharedRequest`);
 *   a stored answer already carries the security headers added inside it.
 *   `fast-path.ts` replays the same entries before Hono;
 * - `revalidate`, mounted inside the guard, answers If-None-Match with 304
 *   before the route runs: the ETag is the version plus the canonical URL, so a
 *   revalidation costs no route, no database and no serialisation.
 *
 * Routes opt in by setting `Data-Version` to the version they answered from.
 */
import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { VersionInfo } from '../services/dataset-versions';
import { modelFingerprint } from '../services/model-fingerprint';
import { ANSWER, type ReadCache } from '../services/read-cache';
import type { ResultsStore, Snapshot } from '../services/results-store';

/** Header a read route sets to the dataset version its answer came from (opts the answer into cache and ETag). */
export const DATA_VERSION_HEADER = 'Data-Version';

/** The served version as resolved for one request (or why it could not be). */
export type ServedVersion = { info: VersionInfo | null; snapshot?: Snapshot } | { error: unknown };

/** What the read middleware works out for one request, each at most once and only when asked. */
interface ReadRequest {
  /** Resolves the served version (set by servedVersion on the read paths). */
  resolve?: () => Promise<ServedVersion>;
  /** The canonical request key. */
  key?: string;
  /** The last ETag worked out, with the version it is for. */
  tag?: { versionId: number; etag: string };
}

declare module 'hono' {
  interface ContextVariableMap {
    /** The served version, once resolved for this request. */
    version?: ServedVersion;
    readRequest?: ReadRequest;
  }
}

/** A stored answer: body and headers as first sent, plus its ETag. */
export interface CachedAnswer {
  body: Uint8Array<ArrayBuffer>;
  headers: [string, string][];
  etag: string;
}

// Headers that belong to one exchange, not to the stored answer.
const DROPPED = new Set(['date', 'content-length', 'set-cookie', 'etag', 'cache-control', 'connection', 'keep-alive', 'transfer-encoding']);
const isRead = (c: Context) => c.req.method === 'GET' || c.req.method === 'HEAD';

/** Path plus query with parameters sorted, so the same question in another order is one entry. */
export function canonicalRequestKey(url: string): string {
  const u = new URL(url, 'http://localhost');
  const params = [...u.searchParams.entries()].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  return `${u.pathname}?${new URLSearchParams(params).toString()}`;
}

/**
 * The ETag of the answer to `key` in `versionId`: known before any route runs. It also hashes the
 * model fingerprint: an upgrade recomputes a version's results under the same id, and a browser
 * must not be told its copy from the old model is still current.
 */
const etagFor = (versionId: number | string, key: string) =>
  `"v${versionId}-${createHash('sha1').update(modelFingerprint()).update('\0').update(key).digest('base64url').slice(0, 16)}"`;

/** True when an If-None-Match header lists `etag` (or is `*`). */
export const etagMatches = (ifNoneMatch: string | undefined, etag: string) =>
  !!ifNoneMatch &&
  ifNoneMatch.split(',').some((t) => {
    const v = t.trim();
    return v === '*' || v === etag || v === `W/${etag}`;
  });

/** Whether a request's answer is the same for every caller, so it may be replayed (see the module comment). */
export const sharedRequest = (headers: { authorization?: string; origin?: string }, publicRead: boolean): boolean =>
  publicRead && headers.authorization === undefined && headers.origin === undefined;

/** Headers of a replayed answer: as stored, with its ETag and revalidation required. */
export function answerHeaders(answer: CachedAnswer): [string, string][] {
  // The version can change at any time: clients revalidate (cheap: 304) rather than reuse blindly.
  return [...answer.headers, ['etag', answer.etag], ['cache-control', 'no-cache']];
}

/** A stored answer of `versionId` to `key` in `cache`, if any (fast path and answerCache). */
export const storedAnswer = (cache: ReadCache, versionId: number, key: string) => cache.peek<CachedAnswer>(versionId, ANSWER + key);

/**
 * Stores an answer, priced at its body plus its strings at two bytes a character (V8's widest;
 * the cache adds its key), so many small answers under long URLs weigh what they cost.
 */
export function storeAnswer(cache: ReadCache, versionId: number, key: string, answer: CachedAnswer): void {
  let chars = answer.etag.length;
  for (const [name, value] of answer.headers) chars += name.length + value.length;
  cache.set(versionId, ANSWER + key, answer, answer.body.byteLength + 2 * chars);
}

/** The routes whose answers depend only on the served version and the URL (they set Data-Version). */
export const READ_PATHS: ReadonlySet<string> = new Set([
  '/api/meta',
  '/api/series',
  '/api/forecasts',
  '/api/gaps',
  '/api/targets',
  '/api/accuracy',
  '/api/export.csv',
]);

/** Lets a read request resolve `c.var.version` once, when first needed (an outage is kept for the route to report: 503). */
export function servedVersion(store: Pick<ResultsStore, 'served'>, paths = READ_PATHS): MiddlewareHandler {
  return async (c, next) => {
    if (isRead(c) && paths.has(c.req.path)) {
      let pending: Promise<ServedVersion> | undefined;
      const settle = (v: ServedVersion) => {
        c.set('version', v);
        return v;
      };
      readRequest(c).resolve = () => (pending ??= store.served().then(settle, (error: unknown) => settle({ error })));
    }
    return next();
  };
}

function readRequest(c: Context): ReadRequest {
  let r = c.get('readRequest');
  if (!r) c.set('readRequest', (r = {}));
  return r;
}

/** The served version of this request, resolved on the first ask; undefined off the read paths. */
async function served(c: Context): Promise<ServedVersion | undefined> {
  return c.get('version') ?? c.get('readRequest')?.resolve?.();
}

/** Whether this request has a served version to resolve (a read path). */
const onReadPath = (c: Context) => c.get('version') !== undefined || c.get('readRequest')?.resolve !== undefined;

const infoOf = (v: ServedVersion | undefined) => (v && 'info' in v ? v.info : null);

/** The version `servedVersion` resolves for this request (or throws its error). */
export async function versionOf(c: Context): Promise<VersionInfo | null> {
  const v = await served(c);
  // Every route that asks is a read path, which the middleware always runs for.
  if (!v) throw new Error(`servedVersion did not run for ${c.req.path}`);
  if ('error' in v) throw v.error;
  return v.info;
}

// The canonical key and the ETag of a request, each worked out once: answerCache and revalidate
// both need them, and the ETag (a SHA-1) only when a route runs or a tag is compared.
function keyOf(c: Context): string {
  const r = readRequest(c);
  return (r.key ??= canonicalRequestKey(c.req.url));
}

function etagOf(c: Context, versionId: number): string {
  const r = readRequest(c);
  if (r.tag?.versionId !== versionId) r.tag = { versionId, etag: etagFor(versionId, keyOf(c)) };
  return r.tag.etag;
}

/** The 304 or 200 of a stored answer. */
function replay(answer: CachedAnswer, ifNoneMatch: string | undefined, head: boolean): Response {
  const headers = new Headers(answerHeaders(answer));
  if (etagMatches(ifNoneMatch, answer.etag)) return new Response(null, { status: 304, headers });
  // As a fresh answer and the fast path have it (compress() reads it for its threshold); a HEAD gives the GET's.
  headers.set('content-length', String(answer.body.byteLength));
  return new Response(head ? null : answer.body, { status: 200, headers });
}

export interface AnswerCacheOptions {
  cache: ReadCache;
  /** Requests whose answer is the same for every caller (see the module comment); default all. */
  cacheable?: (c: Context) => boolean;
}

/** Replays and stores whole answers (see the module comment); needs `servedVersion` mounted before it. */
export function answerCache({ cache, cacheable }: AnswerCacheOptions): MiddlewareHandler {
  // Answers are kept only when the cache gives them a budget (RESPONSE_CACHE_MB: read-cache.ts readCacheFor).
  const enabled = cache.budgetOf(ANSWER) > 0;
  return async (c, next) => {
    if (!enabled || !isRead(c) || !onReadPath(c) || (cacheable && !cacheable(c))) return next();
    // Only a request that may be replayed needs the version before the guard and the route.
    const version = infoOf(await served(c));
    if (!version) return next();
    cache.serving(version.id);
    const key = keyOf(c);
    const hit = storedAnswer(cache, version.id, key);
    if (hit) return replay(hit, c.req.header('if-none-match'), c.req.method === 'HEAD');
    await next();
    const answered = c.res.headers.get(DATA_VERSION_HEADER);
    if (c.req.method !== 'GET' || c.res.status !== 200 || !answered) return;
    const body = new Uint8Array(await c.res.arrayBuffer());
    const headers = [...c.res.headers.entries()].filter(([h]) => !DROPPED.has(h.toLowerCase()));
    const answer: CachedAnswer = { body, headers, etag: etagOf(c, Number(answered)) };
    storeAnswer(cache, Number(answered), key, answer);
    c.res = replay(answer, c.req.header('if-none-match'), false);
  };
}

/** 304 before the route when If-None-Match names this version's ETag for the URL; tags opted-in 200 answers. */
export function revalidate(): MiddlewareHandler {
  return async (c, next) => {
    if (!isRead(c) || !onReadPath(c)) return next();
    const ifNoneMatch = c.req.header('if-none-match');
    // Without one, the route resolves the version after its validation (see the module comment).
    if (ifNoneMatch) {
      const version = infoOf(await served(c));
      if (!version) return next();
      const etag = etagOf(c, version.id);
      if (etagMatches(ifNoneMatch, etag)) {
        return c.body(null, 304, { etag, 'cache-control': 'no-cache', [DATA_VERSION_HEADER]: String(version.id) });
      }
    }
    await next();
    const answered = c.res.headers.get(DATA_VERSION_HEADER);
    if (c.res.status !== 200 || !answered) return;
    // Not when the served version turned out missing or unreadable (the route answered without one).
    const v = c.get('version');
    if (v && !infoOf(v)) return;
    // From the version the route answered from (the served one, unless it changed meanwhile).
    c.res.headers.set('etag', etagOf(c, Number(answered)));
    c.res.headers.set('cache-control', 'no-cache');
  };
}

/** The snapshot `servedVersion` resolves for this request, if results were loaded (throws its error, if any). */
export async function requestSnapshot(c: Context): Promise<Snapshot | undefined> {
  const v = await served(c);
  if (v && 'error' in v) throw v.error;
  return v?.snapshot;
}
