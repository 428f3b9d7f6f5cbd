/**
 * Citations stored once (table `sources`) and referenced by observations
 * (`source_id`): an upload's `source` text is one row, however many cells
 * carry it (issue 15: a 100 KB source copied into 999 cells cost 1.3 GB).
 *
 * Writers turn texts into ids with `sourceIds` (inserting new texts); readers
 * turn ids back into texts with `sourceTexts`. Source rows are never deleted,
 * so an id always names the same text and the id → text cache cannot go stale.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { sources } from '../db/schema';

type Rows<T> = { rows: T[] };

/**
 * The id of every text in `texts`, inserting the texts not stored yet. One
 * statement: texts inserted by it are returned by its `insert … returning`,
 * the others are read through the md5 unique index.
 */
export async function sourceIds(db: Db, texts: Iterable<string>): Promise<Map<string, number>> {
  const wanted = [...new Set(texts)];
  const out = new Map<string, number>();
  if (wanted.length === 0) return out;
  const param = sql.param(wanted);
  const { rows } = (await db.execute(sql`
    with ins as (
      insert into ${sources} (text) select t from unnest(${param}::text[]) as t
      on conflict (md5(text)) do nothing returning id, text)
    select id, text from ins
    union all
    select s.id, s.text from ${sources} s where md5(s.text) = any(select md5(t) from unnest(${param}::text[]) as t)`)) as unknown as Rows<{
    id: number;
    text: string;
  }>;
  for (const r of rows) out.set(r.text, Number(r.id));
  const late = wanted.filter((text) => !out.has(text));
  if (late.length > 0) {
    // Inserted by a concurrent transaction that committed while this statement waited on the
    // unique index: invisible to the statement's snapshot, visible to a new statement.
    const again = (await db.execute(sql`select id, text from ${sources}
      where md5(text) = any(select md5(t) from unnest(${sql.param(late)}::text[]) as t)`)) as unknown as Rows<{ id: number; text: string }>;
    for (const r of again.rows) out.set(r.text, Number(r.id));
  }
  for (const text of wanted) {
    // Two different texts with one md5: never seen in practice, but say so rather than store a wrong citation.
    if (!out.has(text)) throw new Error(`source text could not be stored (md5 collision?): ${text.slice(0, 80)}`);
  }
  const cache = textsOf(db);
  for (const [text, id] of out) cache.set(id, text);
  return out;
}

const caches = new WeakMap<Db, Map<number, string>>();
function textsOf(db: Db): Map<number, string> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  return cache;
}

/** The text of every id in `ids` (cached per database: ids are immutable). */
export async function sourceTexts(db: Db, ids: Iterable<number>): Promise<Map<number, string>> {
  const cache = textsOf(db);
  const missing = [...new Set(ids)].filter((id) => !cache.has(id));
  if (missing.length > 0) {
    const { rows } = (await db.execute(sql`select id, text from ${sources} where id = any(${sql.param(missing)}::int[])`)) as unknown as Rows<{
      id: number;
      text: string;
    }>;
    for (const r of rows) cache.set(Number(r.id), r.text);
  }
  return cache;
}

/** Rows with `sourceId` → the same rows with `source` (the text), for readers that select ids. */
export async function withSourceTexts<T extends { sourceId: number }>(db: Db, rows: readonly T[]): Promise<(Omit<T, 'sourceId'> & { source: string })[]> {
  const texts = await sourceTexts(
    db,
    rows.map((r) => r.sourceId),
  );
  return rows.map(({ sourceId, ...rest }) => ({ ...rest, source: texts.get(sourceId)! }));
}
