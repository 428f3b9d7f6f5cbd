/**
 * Citations are stored once per text (issue 15 §3): uploads write one `sources`
 * row however many cells carry it, readers get the text back, and migration
 * 0003 moves existing text citations into the table.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../../test/backends';
import { fixtureRows } from '../../test/fixture';
import { MIGRATIONS_FOLDER } from '../db/migrate';
import { startDatabase } from './startup';
import { commitObservations, loadObservationColumns, loadObservations } from './ingest';
import { readSeries } from './series';
import { sourceIds, sourceTexts } from './sources';
import type { Database } from '../db/client';

const backends = await testBackends();
type Rows<T> = { rows: T[] };

describe.each(backends)('sources on $name', (backend) => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const created = await backend.create();
    drop = created.drop;
    database = (await startDatabase(created.config, { seed: false })).database;
  });
  afterAll(async () => {
    await database?.close();
    await drop?.();
  });
  const one = async <T>(q: ReturnType<typeof sql>) => ((await database.db.execute(q)) as unknown as Rows<T>).rows[0];

  it('gives each text one id, inserting only new texts', async () => {
    const long = `GSO, LFS — ${'chi tiết '.repeat(50)}`.slice(0, 500);
    const first = await sourceIds(database.db, ['A', 'B', long, 'A']);
    expect(first.size).toBe(3);
    const again = await sourceIds(database.db, ['B', long, 'Nguồn mới']);
    expect(again.get('B')).toBe(first.get('B'));
    expect(again.get(long)).toBe(first.get(long));
    expect(new Set([...again.values()]).size).toBe(3);
    const texts = await sourceTexts(database.db, [...again.values()]);
    expect(texts.get(again.get('Nguồn mới')!)).toBe('Nguồn mới');
    expect(await sourceIds(database.db, [])).toEqual(new Map());
  });

  it("stores an upload's citation once, not once per cell, and reads it back", async () => {
    const before = await one<{ n: number }>(sql`select count(*)::int as n from sources`);
    const citation = `Provincial survey ${'x'.repeat(480)}`;
    const rows = fixtureRows().map((o) => ({ ...o, source: citation }));
    const { version } = await commitObservations(database.db, rows, { label: 'one citation', kind: 'upload' });
    const after = await one<{ n: number; cells: number; ids: number }>(sql`select (select count(*)::int from sources) as n,
      (select count(*)::int from observations where dataset_version_id = ${version.id}) as cells,
      (select count(distinct source_id)::int from observations where dataset_version_id = ${version.id}) as ids`);
    expect(after).toEqual({ n: before.n + 1, cells: rows.length, ids: 1 });
    expect((await loadObservations(database.db, version.id)).every((o) => o.source === citation)).toBe(true);
    const columns = await loadObservationColumns(database.db, version.id, 100);
    expect(columns.values.length).toBe(rows.length);
    expect(columns.dict).toContain(citation);
    const s = await readSeries(database.db, version.id, {
      indicator: rows[0].indicator,
      region: rows[0].region,
      sector: rows[0].sector,
      qualification: rows[0].qualification,
    });
    expect(new Set(s.source)).toEqual(new Set([citation]));
    // The same text in a later upload reuses the row.
    await commitObservations(
      database.db,
      rows.map((o) => ({ ...o, value: o.value + 1 })),
      { label: 'again', kind: 'upload' },
    );
    expect((await one<{ n: number }>(sql`select count(*)::int as n from sources`)).n).toBe(before.n + 1);
  });
});

describe('migration 0003', () => {
  let pg: PGlite;
  beforeAll(async () => {
    pg = await PGlite.create();
  });
  afterAll(async () => {
    await pg?.close();
  });
  const apply = async (tag: string) => {
    for (const statement of readFileSync(join(MIGRATIONS_FOLDER, `${tag}.sql`), 'utf8').split('--> statement-breakpoint')) {
      if (statement.trim()) await pg.exec(statement);
    }
  };

  it("moves text citations into sources and keeps every row's citation", async () => {
    for (const tag of ['0000_init', '0001_results_chunks', '0002_scenarios']) await apply(tag);
    await pg.exec(`insert into dataset_versions (hash, label, kind, row_count, is_current) values ('h', 'old', 'seed', 3, true)`);
    await pg.exec(`insert into observations (dataset_version_id, indicator, period, region, sector, qualification, value, unit, source, status) values
      (1, 'employment', '2023', 'VN', 'TOTAL', 'ALL', 1, 'persons', 'GSO LFS 2023', 'official'),
      (1, 'employment', '2024', 'VN', 'TOTAL', 'ALL', 2, 'persons', 'GSO LFS 2023', 'official'),
      (1, 'labour_force', '2024', 'VN', 'TOTAL', 'ALL', 3, 'persons', 'World Bank WDI', 'international')`);
    await apply('0003_sources');
    const sources = (await pg.query<{ text: string }>('select text from sources order by text')).rows.map((r) => r.text);
    expect(sources).toEqual(['GSO LFS 2023', 'World Bank WDI']);
    const rows = (
      await pg.query<{ period: string; source: string }>(`select o.indicator || ' ' || o.period as period, s.text as source
      from observations o join sources s on s.id = o.source_id order by o.id`)
    ).rows;
    expect(rows).toEqual([
      { period: 'employment 2023', source: 'GSO LFS 2023' },
      { period: 'employment 2024', source: 'GSO LFS 2023' },
      { period: 'labour_force 2024', source: 'World Bank WDI' },
    ]);
    const columns = (await pg.query<{ column_name: string }>(`select column_name from information_schema.columns where table_name = 'observations'`)).rows.map(
      (r) => r.column_name,
    );
    expect(columns).toContain('source_id');
    expect(columns).not.toContain('source');
  });
});
