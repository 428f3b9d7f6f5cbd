/**
 * Node entry: reads the environment, prepares the database, serves the API and
 * the built web app on one port, and closes the database on SIGINT/SIGTERM.
 */
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { readConfig } from './config';
import { ResultsStore } from './services/results-store';
import { startDatabase } from './services/startup';

const t0 = performance.now();
const config = readConfig();
const { database, seed } = await startDatabase(config.database, { seed: config.seed });
const store = new ResultsStore(database.db);
const app = createApp({ database, store, webDist: config.webDist });

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const host = info.address === '0.0.0.0' || info.address === '::' ? 'localhost' : info.address;
  console.log(`[lmo] database: ${database.describe}`);
  if (seed) console.log(`[lmo] seeds: ${seed.action} (dataset version ${seed.version.id}${'ms' in seed ? `, ${seed.ms} ms` : ''})`);
  console.log(`[lmo] listening on http://${host}:${info.port}/ (ready in ${Math.round(performance.now() - t0)} ms; API docs at /api/docs)`);
  // Results are computed once per dataset version; warm them now so the first forecast request does not wait.
  store.current().then(
    (snap) => console.log(`[lmo] results ready for dataset version ${snap.version.id} (${snap.version.computeMs ?? '?'} ms to compute)`),
    (error) => console.error('[lmo] could not prepare results:', error instanceof Error ? error.message : error),
  );
});

let stopping = false;
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
