/** What the app needs from the outside; tests pass their own. */
import { loadConfig, type Config } from './config';
import type { Database } from './db/client';
import { ScenarioEngine } from './services/scenario-engine';
import { ScenarioService } from './services/scenario-service';
import type { ResultsStore, Snapshot } from './services/results-store';

export interface AppDeps {
  database: Database;
  /** Shared cache of the current version's results. */
  store: ResultsStore;
  /** Settings parsed at start-up (server.ts); default: parsed from the environment when the app is built. */
  config?: Config;
  /** Planners' scenarios (default: one service per deps, engine started on first use). */
  scenarios?: ScenarioService;
  /** Folder of the built web app (web/dist), or null to serve only the API. */
  webDist?: string | null;
  /** Where unexpected errors are reported (default console.error). */
  logError?: (error: unknown) => void;
}

const configs = new WeakMap<AppDeps, Config>();
const services = new WeakMap<AppDeps, ScenarioService>();

/** The app's configuration: the one it was given, else the environment's, parsed once per deps. */
export function configOf(deps: AppDeps): Config {
  if (deps.config) return deps.config;
  let c = configs.get(deps);
  if (!c) configs.set(deps, (c = loadConfig()));
  return c;
}

/** The scenario service of an app (created on first use when the caller gave none). */
export function scenariosOf(deps: AppDeps): ScenarioService {
  if (deps.scenarios) return deps.scenarios;
  let s = services.get(deps);
  if (!s) {
    const { worker, nice, maxStored } = configOf(deps).scenarios;
    services.set(deps, (s = new ScenarioService(deps.database.db, new ScenarioEngine(deps.database.db, { worker, nice }), { maxStored })));
  }
  return s;
}

/**
 * The served snapshot (`resolved`: the one the request's version middleware found), with `scenario`
 * computed on it if it is a planner's scenario read there for the first time.
 */
export async function snapshotFor(deps: AppDeps, scenario: string, resolved?: Snapshot): Promise<Snapshot> {
  const snap = resolved ?? (await deps.store.current());
  await scenariosOf(deps).ensure(snap, scenario);
  return snap;
}
