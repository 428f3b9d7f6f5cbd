import { describe, expect, it } from 'vitest';
import { ApiError, readJson, toProblem } from './problem';

describe('readJson', () => {
  it('returns the body of a successful response', async () => {
    const res = new Response(JSON.stringify({ a: 1 }), { headers: { 'content-type': 'application/json' } });
    expect(await readJson(res)).toEqual({ a: 1 });
  });
  it('throws the problem+json detail of a failed response', async () => {
    const body = {
      type: '/api/problems/validation',
      title: 'Invalid request',
      status: 400,
      detail: 'horizon: must be at most 10 years',
      errors: [{ path: 'horizon', message: 'must be at most 10 years' }],
    };
    const res = new Response(JSON.stringify(body), { status: 400, headers: { 'content-type': 'application/problem+json' } });
    const error = (await readJson(res).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.problem).toMatchObject({ status: 400, title: 'Invalid request', detail: 'horizon: must be at most 10 years' });
    expect(error.problem.errors).toHaveLength(1);
  });
  it('keeps the status when the failure is not JSON', async () => {
    const res = new Response('Bad gateway', { status: 502, statusText: 'Bad Gateway', headers: { 'content-type': 'text/plain' } });
    const error = await readJson(res).catch((e) => e);
    expect(toProblem(error)).toMatchObject({ status: 502, title: 'Bad Gateway', detail: 'Bad gateway' });
  });
});
