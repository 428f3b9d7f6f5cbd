import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { describe, expect, it } from 'vitest';
import { jsonContentLength } from './json-length';

const app = new Hono()
  .use('*', compress({ threshold: 2048 }))
  .use('*', jsonContentLength())
  .get('/small', (c) => c.json({ status: 'ok', n: 1 }))
  .get('/large', (c) => c.json({ rows: Array.from({ length: 500 }, (_, i) => ({ i, name: `row ${i}` })) }))
  .get('/problem', (c) => c.body(JSON.stringify({ title: 'x'.repeat(10) }), 400, { 'content-type': 'application/problem+json' }))
  .get('/text', (c) => c.text('x'.repeat(5000)));

const get = (path: string) => app.request(path, { headers: { 'accept-encoding': 'gzip, br' } });

describe('JSON answers and the compression threshold', () => {
  it('sends JSON under 2 KB plain, with its length', async () => {
    const res = await get('/small');
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('content-length')).toBe(String(JSON.stringify({ status: 'ok', n: 1 }).length));
    expect(await res.json()).toEqual({ status: 'ok', n: 1 });
    const problem = await get('/problem');
    expect(problem.status).toBe(400);
    expect(problem.headers.get('content-encoding')).toBeNull();
    expect(problem.headers.get('content-type')).toBe('application/problem+json');
  });

  it('compresses JSON over 2 KB, and leaves other types to compress() as before', async () => {
    const res = await get('/large');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('content-length')).toBeNull();
    expect((await new Response(res.body!.pipeThrough(new DecompressionStream('gzip'))).json()).rows).toHaveLength(500);
    expect((await get('/text')).headers.get('content-encoding')).toBe('gzip');
  });
});
