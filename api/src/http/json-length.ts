/**
 * Hono's `c.json()` answers carry no Content-Length, and `compress()` applies its size threshold
 * only to answers that do: without this, a 300-byte /api/health went out gzipped (larger, and
 * slower to make). Mounted just inside `compress()`: JSON built in memory gets its length here.
 */
import type { MiddlewareHandler } from 'hono';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;

/** Sets Content-Length on JSON answers that lack one (they are in memory already; nothing streams). */
export function jsonContentLength(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (!res.body || res.headers.has('content-length') || res.headers.has('content-encoding') || res.headers.has('transfer-encoding')) return;
    if (!JSON_TYPE.test(res.headers.get('content-type') ?? '')) return;
    const body = await res.arrayBuffer();
    const sized = new Response(body, res);
    sized.headers.set('content-length', String(body.byteLength));
    c.res = sized;
  };
}
