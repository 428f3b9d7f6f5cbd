/** What the app needs from the outside; tests pass their own. */
import type { Database } from './db/client';
import type { ResponseCache } from './http/response-cache';
import type { ResultsStore } from './services/results-store';

export interface AppDeps {
  database: Database;
  /** Shared cache of the current version's results. */
  store: ResultsStore;
  /** Folder of the built web app (web/dist), or null to serve only the API. */
  webDist?: string | null;
  /** Answers replayed per version (shared with the server's fast path); default: one per app. */
  responses?: ResponseCache;
  /** Where unexpected errors are reported (default console.error). */
  logError?: (error: unknown) => void;
}
