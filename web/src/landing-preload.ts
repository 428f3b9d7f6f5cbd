/**
 * The requests of the landing view's first chart, for the HTML to preload. Without it they leave
 * only once the entry script has downloaded and run (boot-requests.ts), a round trip and the
 * script's parse after the HTML; preloaded, they leave with the HTML's response headers and the
 * data is in by the time the app renders. vite.config.ts writes the result into the build as
 * `landing-requests.json`; the server (api/src/http/static-web.ts) sends it as a `Link` header with
 * the app shell of the landing view, i.e. when the page's query parameters are all in `params`.
 * Recorded from the overview's own queries, so the URLs are the ones the app asks for.
 */
import { QueryClient } from '@tanstack/react-query';
import { SYSTEM_HORIZON, SYSTEM_INDICATORS } from './features/overview/indicators';
import { overviewQueries } from './features/overview/queries';
import { DEFAULT_STATE, LANGS } from './router/url-state';

/** What the server needs to preload the landing view's data. */
export interface LandingPreload {
  /** Query parameters the landing view may carry, with their allowed values; any other parameter or value means another view. */
  params: Record<string, string[]>;
  /** Same-origin API URLs (path and query) the first chart fetches. */
  urls: string[];
}

/** The landing view's query parameters: the default page, scenario and horizon, in either language. */
export const LANDING_PARAMS: LandingPreload['params'] = {
  page: [DEFAULT_STATE.page],
  lang: [...LANGS],
  scenario: [DEFAULT_STATE.scenario],
  horizon: [String(DEFAULT_STATE.horizon)],
};

/** Runs the first chart's queries against a fetch that only records their URLs. */
export async function landingPreload(): Promise<LandingPreload> {
  const urls: string[] = [];
  const real = globalThis.fetch;
  globalThis.fetch = (input: RequestInfo | URL) => {
    urls.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    return Promise.reject(new Error('landing-preload: recorded, not sent'));
  };
  try {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await Promise.all(
      Object.values(SYSTEM_INDICATORS).map((code) => client.prefetchQuery(overviewQueries.national(code, DEFAULT_STATE.scenario, SYSTEM_HORIZON))),
    );
  } finally {
    globalThis.fetch = real;
  }
  return { params: LANDING_PARAMS, urls };
}
