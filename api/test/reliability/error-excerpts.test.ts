/**
 * Issue 15, item 6: error bodies echo at most a short excerpt of the offending
 * text. A 5 MB header line, a 1 MB cell and a 1 MB query value come back as a
 * problem of a few kilobytes (before, the header line was echoed whole: a
 * 50 MB line gave a 52 MB answer).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundProblem, MAX_DETAIL_CHARS, MAX_FIELD_CHARS } from '../../src/http/problem';
import { startSecureApp, uploadCsv, type SecureApp } from './support/app';

let t: SecureApp;
beforeAll(async () => {
  t = await startSecureApp({ UPLOAD_RATE_LIMIT: '0' });
}, 120_000);
afterAll(async () => t?.close());

/** Every string anywhere in `value`. */
const strings = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];

describe('error bodies stay small whatever the input', () => {
  it('a 5 MB header line', async () => {
    const csv = `${'x'.repeat(5 << 20)}\nemployment,2023,01,C,ALL,1,persons,s,modelled\n`;
    const res = await uploadCsv(t, csv, t.tokens.analyst);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const text = await res.text();
    expect(text.length).toBeLessThan(64 << 10);
    const body = JSON.parse(text);
    for (const s of strings(body)) expect(s.length).toBeLessThanOrEqual(MAX_DETAIL_CHARS + 1);
  });

  it('a 1 MB cell value', async () => {
    const csv = `indicator,period,region,sector,qualification,value,unit,source,status\nemployment,2023,${'Q'.repeat(1 << 20)},C,ALL,1,persons,s,modelled\n`;
    const res = await uploadCsv(t, csv, t.tokens.analyst);
    expect(res.status).toBe(422);
    expect((await res.text()).length).toBeLessThan(64 << 10);
  });

  it('a long query value', async () => {
    const res = await t.req(`/api/forecasts?indicator=employment&region=${'Z'.repeat(8_000)}&sector=C&qualification=ALL`);
    expect(res.status).toBe(400);
    expect((await res.text()).length).toBeLessThan(16 << 10);
  });
});

describe('boundProblem', () => {
  it('cuts every string, however deep, and the detail at its own limit', () => {
    const long = 'é'.repeat(10_000);
    const out = boundProblem({
      type: 't',
      title: 'x',
      status: 422,
      detail: long,
      errors: [{ path: long, message: long, expected: [long] }],
      extra: { deep: [{ v: long }] },
    });
    expect(out.detail).toHaveLength(MAX_DETAIL_CHARS + 1);
    expect(out.detail!.endsWith('…')).toBe(true);
    for (const s of strings({ ...out, detail: '' })) expect(s.length).toBeLessThanOrEqual(MAX_FIELD_CHARS + 1);
    expect(out.status).toBe(422);
  });

  it('never splits a surrogate pair and leaves short text alone', () => {
    const out = boundProblem({ type: 't', title: 'x', status: 400, errors: [{ path: 'p', message: `${'a'.repeat(MAX_FIELD_CHARS - 1)}😀tail` }] });
    expect(out.errors![0].message).toBe(`${'a'.repeat(MAX_FIELD_CHARS - 1)}…`);
    expect(boundProblem({ type: 't', title: 'short', status: 400, detail: 'fine' })).toEqual({ type: 't', title: 'short', status: 400, detail: 'fine' });
  });
});
