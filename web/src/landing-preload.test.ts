import fc from 'fast-check';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { prefetchPage } from './features/prefetch';
import { LANDING_PARAMS, landingPreload } from './landing-preload';
import { DEFAULT_STATE, parseUrlState } from './router/url-state';

afterEach(() => vi.unstubAllGlobals());

/** The URLs the app requests at boot (boot-requests.ts) for a query string. */
async function bootUrls(search: string): Promise<string[]> {
  const urls: string[] = [];
  vi.stubGlobal('fetch', (input: RequestInfo | URL) => {
    urls.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    return Promise.reject(new Error('offline'));
  });
  await prefetchPage(new QueryClient({ defaultOptions: { queries: { retry: false } } }), parseUrlState(search));
  vi.unstubAllGlobals();
  return urls;
}

describe('landingPreload', () => {
  it('lists the first chart’s three national forecasts, same-origin', async () => {
    const { urls } = await landingPreload();
    expect(urls).toHaveLength(3);
    for (const url of urls) expect(url).toMatch(/^\/api\/forecasts\?indicator=\w+&region=VN&sector=TOTAL&qualification=ALL&scenario=baseline&horizon=10&/);
    expect(new Set(urls).size).toBe(3);
  });

  it('names exactly URLs the app requests at boot for the landing view, so the browser uses the preloaded answers', async () => {
    const { urls } = await landingPreload();
    for (const search of ['', '?page=overview', '?lang=en', '?page=overview&lang=en&scenario=baseline&horizon=10']) {
      const boot = await bootUrls(search);
      for (const url of urls) expect(boot, search).toContain(url);
    }
  });

  it('restores the real fetch', async () => {
    const real = globalThis.fetch;
    await landingPreload();
    expect(globalThis.fetch).toBe(real);
  });

  it('allows only query strings that open the default overview', () => {
    const entries = Object.entries(LANDING_PARAMS).map(([k, values]) =>
      fc.option(fc.constantFrom(...values.map((v): [string, string] => [k, v])), { nil: undefined }),
    );
    fc.assert(
      fc.property(fc.tuple(...entries), (picked) => {
        const search = new URLSearchParams(picked.filter((p) => p !== undefined)).toString();
        const state = parseUrlState(search);
        expect([state.page, state.scenario, state.horizon]).toEqual([DEFAULT_STATE.page, DEFAULT_STATE.scenario, DEFAULT_STATE.horizon]);
        expect(Object.keys(state).sort()).toEqual(['horizon', 'lang', 'page', 'scenario']);
      }),
    );
  });
});
