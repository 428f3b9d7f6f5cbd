/**
 * Node entry: reads the environment, opens and migrates the database, loads the
 * seeds on a first start, serves the API and the built web app on one port, and
 * prepares the results in the background (/api/health `ready`). Closes the
 * database on SIGINT/SIGTERM.
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
// Seeding happens before listening: the first 200 from /api/health already has data.
// The seed files are fingerprinted, so a restart skips reading them.
const seed = config.seed ? await seedOnce(opened).catch(async (error: unknown) => {
  await database.close();
  throw error;
}) : null;
const store = new ResultsStore(database.db, { lock: database.withLock });
const app = createApp({ database, store, webDist: config.webDist });

let stopping = false;
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const host = info.address === '0.0.0.0' || info.address === '::' ? 'localhost' : info.address;
  console.log(`[lmo] database: ${database.describe} (open ${timings.openMs} ms, migrate ${timings.migrateMs} ms)`);
  if (seed) console.log(`[lmo] seeds: ${seed.action} (dataset version ${seed.version.id}, ${timings.seedMs} ms)`);
  console.log(`[lmo] listening on http://${host}:${info.port}/ after ${since()} — API docs at /api/docs`);
  void prepareData();
});

/** Computes (first start, in a worker thread) or loads the current version's results; /api/health reports `ready`. */
async function prepareData() {
  try {
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
