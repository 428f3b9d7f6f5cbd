/**
 * Item 3, bad input at scale (query parameters): fast-check sends random values
 * for every query parameter of every route, plus unknown parameters and
 * repeated keys. Never a 500, never a hang, always JSON, CSV or problem+json,
 * and the data version never changes.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSecureApp, type SecureApp } from './support/app';
import { ROUTE_PARAMS } from './support/routes';

// Plausible-looking values near the valid ones, as well as anything at all.
const nearValid = fc.constantFrom(
  'employment',
  'graduates',
  'VN',
  '01',
  '79',
  'RRD',
  'C',
  'TOTAL',
  'ALL',
  'university',
  'semiconductors',
  'baseline',
  'series',
  'forecasts',
  'gaps',
  'rank',
  'imbalance',
  '2024',
  '2024-Q3',
  '2024-Q5',
  '80,95',
  '0',
  '-1',
  '1e309',
  'NaN',
  'Infinity',
  '10',
  '41',
  '1.5',
  '99.999',
  '0x10',
  ' 5 ',
  '',
  'Hà Nội',
  'ha-noi',
  'vn',
  'c',
  '..',
  '%',
  '%00',
  '\u0000',
  '\uFFFF',
  '😀',
  'null',
  'undefined',
  '[]',
  '{}',
  'true',
  '__proto__',
  'constructor',
);
const anyValue = fc.oneof(
  nearValid,
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.array(nearValid, { minLength: 1, maxLength: 6 }).map((a) => a.join(',')),
  fc.nat(5000).map((n) => 'x'.repeat(n)),
);

const request = fc.record({
  route: fc.constantFrom(...Object.keys(ROUTE_PARAMS)),
  values: fc.array(fc.tuple(fc.nat(20), anyValue), { maxLength: 8 }),
  extra: fc.array(fc.tuple(fc.string({ maxLength: 10 }), anyValue), { maxLength: 2 }),
  token: fc.constantFrom<'none' | 'viewer' | 'analyst'>('none', 'viewer', 'analyst'),
});

let t: SecureApp;
beforeAll(async () => {
  t = await startSecureApp({ AUTH_MAX_FAILURES: '1000000' });
});
afterAll(async () => t?.close());

describe('random query parameters on every route', () => {
  it('never answer 500, never hang, never change the data', async () => {
    // Results are computed on first use; do it now so the version row is final before fuzzing.
    await t.store.current();
    const version = (await (await t.req('/api/health')).json()).dataVersion;
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async ({ route, values, extra, token }) => {
        const params = new URLSearchParams();
        const names = ROUTE_PARAMS[route];
        for (const [i, v] of values) if (names.length) params.append(names[i % names.length], v);
        for (const [k, v] of extra) params.append(k, v);
        const url = `${route}?${params}`;
        const res = await Promise.race([
          t.req(url, { token: token === 'none' ? undefined : t.tokens[token] }),
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`hang: ${url}`)), 10_000)),
        ]);
        const type = res.headers.get('content-type') ?? '';
        const body = await res.text();
        seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
        if (res.status >= 500) throw new Error(`${res.status} for ${url}: ${body.slice(0, 300)}`);
        if (res.status >= 400) {
          expect(type, url).toContain('application/problem+json');
          expect(JSON.parse(body).status).toBe(res.status);
        } else {
          expect(type, url).toMatch(/application\/json|text\/csv/);
        }
      }),
      { numRuns: 2500, seed: Number(process.env.FUZZ_SEED ?? 20260701) },
    );
    expect(t.errors).toEqual([]);
    expect((await (await t.req('/api/health')).json()).dataVersion).toEqual(version);
    // The generator reaches both successes and refusals.
    expect(seen.get(200) ?? 0).toBeGreaterThan(100);
    expect(seen.get(400) ?? 0).toBeGreaterThan(100);
  }, 120_000);
});
