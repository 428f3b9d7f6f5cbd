import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { readSeedObservations } from '@lmo/seeds';
import { openDatabase } from './src/db/client';
import { migrateDatabase } from './src/db/migrate';
let t = performance.now();
const lap = (s: string) => { const n = performance.now(); console.log(s, Math.round(n - t)); t = n; };
const rows = readSeedObservations(); lap('read');
const d = await openDatabase({ kind: 'pglite', dataDir: mkdtempSync(join(tmpdir(), 'exp-')) }); lap('initdb');
await migrateDatabase(d); lap('migrate');
const db = d.db;
await db.execute(sql`insert into dataset_versions (hash,label,kind,row_count) values ('x','x','seed',0)`);
const col = <K extends keyof typeof rows[0]>(k: K) => rows.map(r => r[k]);
const CH = 20000;
for (let i = 0; i < rows.length; i += CH) {
  const s = rows.slice(i, i + CH);
  const c = <K extends keyof typeof rows[0]>(k: K) => s.map(r => r[k]);
  await db.execute(sql`insert into observations (dataset_version_id, indicator, period, region, sector, qualification, value, unit, source, status)
    select 1, * from unnest(${sql.param(c('indicator'))}::text[], ${sql.param(c('period'))}::text[], ${sql.param(c('region'))}::text[], ${sql.param(c('sector'))}::text[], ${sql.param(c('qualification'))}::text[], ${sql.param(c('value'))}::float8[], ${sql.param(c('unit'))}::text[], ${sql.param(c('source'))}::text[], ${sql.param(c('status'))}::text[])`);
}
lap('unnest insert obs');
const out = JSON.parse(readFileSync('/tmp/outlook.json', 'utf8')); lap('parse outlook');
const keys: string[] = [], payloads: string[] = [];
for (const [sc, o] of Object.entries<any>(out.outlooks)) for (const f of o.forecasts) { keys.push(`${sc}|${f.indicator}|${f.region}|${f.sector}|${f.qualification}`); payloads.push(JSON.stringify(f)); }
lap(`stringify ${keys.length}`);
for (let i = 0; i < keys.length; i += 5000) {
  await db.execute(sql`insert into results (dataset_version_id, kind, scenario, key, payload) select 1, 'forecast', 's', k, p::jsonb from unnest(${sql.param(keys.slice(i, i + 5000))}::text[], ${sql.param(payloads.slice(i, i + 5000))}::text[]) as u(k, p)`);
}
lap('unnest insert forecasts jsonb');
const r = await db.execute(sql`select payload from results where dataset_version_id = 1 and kind='forecast' and scenario='s' and key = ${keys[12345]}`);
lap('one lookup');
for (let i = 0; i < 200; i++) await db.execute(sql`select payload from results where dataset_version_id = 1 and kind='forecast' and scenario='s' and key = ${keys[(i * 97) % keys.length]}`);
lap('200 lookups');
for (let i = 0; i < 200; i++) await db.execute(sql`select id from dataset_versions where is_current limit 1`);
lap('200 version checks');
await d.close();
