/**
 * Node entry: reads the environment, opens and migrates the database, serves the
 * API and the built web app on one port, then loads the seeds (first start) and
 * prepares the results in the background. Closes the database on SIGINT/SIGTERM.
 */
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { readConfig } from './config';
import { ResultsStore } from './services/results-store';
import { openAndMigrate, seedOnce } from './services/startup';

const t0 = performance.now();
const since = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
const config = readConfig();
const opened = await openAndMigrate(config.database);
const { database, timings } = opened;
const store = new ResultsStore(database.db);
const app = createApp({ database, store, webDist: config.webDist });

let stopping = false;
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const host = info.address === '0.0.0.0' || info.address === '::' ? 'localhost' : info.address;
  console.log(`[lmo] database: ${database.describe} (open ${timings.openMs} ms, migrate ${timings.migrateMs} ms)`);
  console.log(`[lmo] listening on http://${host}:${info.port}/ after ${since()} — API docs at /api/docs`);
  void prepareData();
});

/** Seeds (first start only) and computes/loads the current version's results; /api/health reports progress. */
async function prepareData() {
  try {
    if (config.seed) {
      const seed = await seedOnce(opened);
      console.log(`[lmo] seeds: ${seed.action} (dataset version ${seed.version.id}, ${timings.seedMs} ms, at ${since()})`);
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
  // Keep-alive sockets would hold close() open; end them.
  (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
