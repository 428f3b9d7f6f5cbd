/**
 * The `Link: rel=preload` header of the web app's landing view: the first chart's API requests,
 * listed by the web build in `landing-requests.json` (web/src/landing-preload.ts). Sent with the
 * app shell, it lets the browser fetch that data beside the scripts instead of after they have run.
 * Only for the view the list was made for: every query parameter of the page must be allowed.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The build's landing-requests.json. */
export interface LandingRequests {
  /** Query parameters the landing view may carry, with their allowed values. */
  params: Record<string, string[]>;
  /** Same-origin API paths with their query. */
  urls: string[];
}

// Same-origin API paths only, in characters a Link header carries as they are.
const SAFE_URL = /^\/api\/[A-Za-z0-9\-._~/?=&%]*$/;

/** The header value for a page's query, or undefined when the page is not the landing view (or nothing is listed). */
export function landingLink(list: LandingRequests | undefined, query: URLSearchParams): string | undefined {
  if (!list || !Array.isArray(list.urls)) return undefined;
  for (const [key, value] of query) if (!list.params?.[key]?.includes(value)) return undefined;
  const urls = list.urls.filter((u) => typeof u === 'string' && SAFE_URL.test(u));
  return urls.length ? urls.map((u) => `<${u}>; rel=preload; as=fetch; crossorigin`).join(', ') : undefined;
}

/**
 * Reads `landing-requests.json` of a build directory, again only when the file changes (a rebuild
 * may replace it while the server runs); undefined when missing or unreadable.
 */
export function landingRequestsReader(webDist: string): () => LandingRequests | undefined {
  const file = join(webDist, 'landing-requests.json');
  let cached: { mtimeMs: number; size: number; list: LandingRequests | undefined } | undefined;
  return () => {
    let stat;
    try {
      stat = statSync(file);
    } catch {
      return undefined;
    }
    if (cached?.mtimeMs !== stat.mtimeMs || cached.size !== stat.size) {
      let list: LandingRequests | undefined;
      try {
        list = JSON.parse(readFileSync(file, 'utf8')) as LandingRequests;
      } catch {
        list = undefined;
      }
      cached = { mtimeMs: stat.mtimeMs, size: stat.size, list };
    }
    return cached.list;
  };
}
