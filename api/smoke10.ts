import { startDatabase } from './src/services/startup';
import { ResultsStore } from './src/services/results-store';
import { createApp } from './src/app';
import { fixtureRows } from './test/fixture';
const { database } = await startDatabase({ kind: 'pglite' }, { seedRows: fixtureRows() });
const store = new ResultsStore(database.db);
const app = createApp({ database, store, webDist: null });
const url = '/api/forecasts?indicator=employment&region=VN&sector=TOTAL&qualification=ALL&horizon=10&scenario=baseline';
for (let i = 0; i < 200; i++) await (await app.request(url)).text();
for (const [name, u] of [['forecasts', url], ['health', '/api/health'], ['gaps', '/api/gaps?region=VN&horizon=5']]) {
  const n = 3000; const t = performance.now();
  for (let i = 0; i < n; i++) await (await app.request(u)).text();
  console.log(name, ((performance.now() - t) / n).toFixed(3), 'ms/request');
}
await database.close();
