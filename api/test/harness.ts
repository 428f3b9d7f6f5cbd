/** Builds a complete app over a fresh database of one backend, seeded with the fixture. */
import { sql } from 'drizzle-orm';
import type { Observation } from '@lmo/models';
import { createApp } from '../src/app';
import type { Database } from '../src/db/client';
import { createToken } from '../src/services/auth';
import { ResultsStore } from '../src/services/results-store';
import { startDatabase } from '../src/services/startup';
import type { Backend } from './backends';
import { fixtureRows } from './fixture';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  database: Database;
  store: ResultsStore;
  errors: unknown[];
  close(): Promise<void>;
}

/** `recheckMs: 0` so a new version is seen by the very next request. */
export async function startTestApp(backend: Backend, rows: Observation[] = fixtureRows()): Promise<TestApp> {
  const created = await backend.create();
  const { database } = await startDatabase(created.config, { seedRows: rows });
  const store = new ResultsStore(database.db, { recheckMs: 0 });
  const errors: unknown[] = [];
  const app = createApp({ database, store, webDist: null, logError: (e) => errors.push(e) });
  return {
    app,
    database,
    store,
    errors,
    async close() {
      await database.close();
      await created.drop();
    },
  };
}

/** GET `path` and parse JSON, returning status, content type and body. */
export async function getJson(app: TestApp['app'], path: string) {
  const res = await app.request(path);
  const type = res.headers.get('content-type') ?? '';
  const body = type.includes('json') ? await res.json() : await res.text();
  return { status: res.status, type, body: body as any };
}

/** How many dataset versions and observation rows the database holds: a failed upload must change neither. */
export async function storedCounts(t: TestApp): Promise<{ versions: number; rows: number }> {
  const r = await t.database.db.execute(sql`select (select count(*) from dataset_versions)::int as versions, (select count(*) from observations)::int as rows`);
  const row = (r as unknown as { rows: { versions: number; rows: number }[] }).rows[0];
  return { versions: Number(row.versions), rows: Number(row.rows) };
}

/** Long-format CSV rows (no header) posted to `app` as a new upload by a fresh analyst token; the response. */
export async function uploadLongCsv(app: TestApp['app'], database: Database, rows: string, fileName = 'upload.csv'): Promise<Response> {
  const { token } = await createToken(database.db, { name: `test upload ${fileName}`, role: 'analyst' });
  const form = new FormData();
  form.set('format', 'long');
  form.set('file', new Blob([`indicator,period,region,sector,qualification,value,unit,source,status\n${rows}`]), fileName);
  return app.request('/api/uploads', { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
}
