/**
 * Node entry: reads the environment, opens and migrates the database, loads the
 * seeds on a first start, serves the API and the built web app on one port, and
 * prepares the results in the background (/api/health `ready`). Closes the
 * database on SIGINT/SIGTERM.
 */
import { serve } from '@hono/node-server';
import { createServer as createHttpServer, type RequestListener, type ServerOptions } from 'node:http';
import { createFastPath } from './http/fast-path';
import { portProblem, portProblemText } from './http/port-free';
import { authState } from './http/require-role';
import { createApp } from './app';
import { scenariosOf } from './deps';
import { ConfigError, loadConfig, type Config } from './config';
import { getCurrentVersion } from './services/dataset-versions';
import { computeResults, computeSystemBacktest } from './services/compute';
import { readCacheFor } from './services/read-cache';
import { ResultsStore } from './services/results-store';
import { openAndMigrate, seedOnce } from './services/startup';

const t0 = performance.now();
const since = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
let config: Config;
try {
  config = loadConfig();
} catch (error) {
  // A bad variable is the operator's to fix: say which, without a stack trace.
  if (!(error instanceof ConfigError)) throw error;
  console.error(`[lmo] ${error.message}`);
  process.exit(1);
}
const portCode = await portProblem(config.host, config.port);
if (portCode) {
  console.error(`[lmo] ${portProblemText(portCode, config.host, config.port)}`);
  process.exit(1);
}
const opened = await openAndMigrate(config.database);
const { database, timings } = opened;
// A first start seeds before listening, so the first 200 from /api/health already has data.
// A restart with data listens at once and checks the seeds (a new release may bring new
// ones; unchanged files are recognised by their fingerprint) in the background.
const hasData = (await getCurrentVersion(database.db)) !== null;
const seed =
  config.seed && !hasData
    ? await seedOnce(opened).catch(async (error: unknown) => {
        await database.close();
        throw error;
      })
    : null;
// recheckMs: how soon this instance serves a version another instance committed (README "Running at scale").
// The embedded database belongs to this process alone, so its current version only changes through
// this process (uploads, rollbacks, seeds), which invalidates the store itself: no polling needed.
const recheckMs = database.kind === 'pglite' ? Infinity : config.resultsRecheckMs;
// The read path's one cache: decoded results, meta and series, and whole answers within RESPONSE_CACHE_MB of it.
const cache = readCacheFor(config);
const store = new ResultsStore(database.db, {
  lock: database.withLock,
  recheckMs,
  cache,
  compute: (db, id) => computeResults(db, id, config.compute),
  systemBacktest: config.compute.systemBacktest ? (db, id) => computeSystemBacktest(db, id, config.compute) : undefined,
});
// Another instance's new version is announced by NOTIFY (migration 0006): this one re-checks at
// once. While LISTEN works, polling is a slow safety net; when it is lost, polling every recheckMs
// takes over until it is back.
const unlisten = await database
  .listenVersions?.(
    () => {
      store.invalidate();
      void store.current().catch(() => {
        /* the next request reports it */
      });
    },
    undefined,
    (listening) => store.setListening(listening),
  )
  .catch((error: unknown) => {
    console.warn(`[lmo] LISTEN lmo_version failed, polling every ${recheckMs} ms instead:`, error instanceof Error ? error.message : error);
    return undefined;
  });
const deps = { database, store, config, webDist: config.webDist };
const app = createApp(deps);
// Cache hits are answered before Hono (http/fast-path.ts); everything else goes through the app.
const fastPath = createFastPath({ cache, freshVersion: () => store.freshVersionId(), publicRead: () => authState(deps).settings.publicRead });
const createServer: typeof createHttpServer = ((options: ServerOptions, listener: RequestListener) =>
  createHttpServer(options, (req, res) => {
    if (!fastPath(req, res)) listener(req, res);
  })) as typeof createHttpServer;

let stopping = false;
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host, createServer }, (info) => {
  const host = info.address === '0.0.0.0' || info.address === '::' ? 'localhost' : info.address;
  console.log(`[lmo] database: ${database.describe} (open ${timings.openMs} ms, migrate ${timings.migrateMs} ms)`);
  if (seed) console.log(`[lmo] seeds: ${seed.action} (dataset version ${seed.version.id}, ${timings.seedMs} ms)`);
  console.log(`[lmo] listening on http://${host}:${info.port}/ after ${since()} — API docs at /api/docs`);
  void prepareData();
});
// Taken between the check above and now (a race): the same message, and the database closed.
server.once('error', (error: NodeJS.ErrnoException) => {
  console.error(`[lmo] ${portProblemText(error.code ?? String(error), config.host, config.port)}`);
  void database.close().finally(() => process.exit(1));
});

/** Computes (first start, in a worker thread) or loads the current version's results; /api/health reports `ready`. */
async function prepareData() {
  try {
    if (config.seed && hasData) {
      const later = await seedOnce(opened);
      if (later.action === 'loaded') console.log(`[lmo] seeds: loaded new seed files as dataset version ${later.version.id}`);
      store.invalidate();
    }
    if (stopping) return;
    const snap = await store.current();
    console.log(`[lmo] results ready for dataset version ${snap.version.id} at ${since()} (computed in ${snap.version.computeMs ?? '?'} ms)`);
  } catch (error) {
    if (!stopping) console.error('[lmo] could not prepare the data:', error instanceof Error ? error.message : error);
  }
}

async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[lmo] ${signal}: shutting down`);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  server.close();
  await scenariosOf(deps).engine.close();
  // Keep-alive sockets would hold close() open; end them.
  (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
  await unlisten?.();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
