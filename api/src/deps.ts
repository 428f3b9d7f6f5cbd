/** What the app needs from the outside; tests pass their own. */
import type { Database } from './db/client';
import type { ResultsStore } from './services/results-store';

export interface AppDeps {
  database: Database;
  /** Shared cache of the current version's results. */
  store: ResultsStore;
  /** Folder of the built web app (web/dist), or null to serve only the API. */
  webDist?: string | null;
  /** Where unexpected errors are reported (default console.error). */
  logError?: (error: unknown) => void;
}
