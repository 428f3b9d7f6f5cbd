/**
 * Periods and sources of a dataset version, for /api/meta. Cached per version
 * (versions are immutable), so meta never waits for the outlook computation.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { observations } from '../db/schema';

export interface ObservationStats {
  /** Observed periods, sorted. */
  periods: string[];
  /** Each citation with its status and how many values carry it. */
  sources: { citation: string; status: string; rows: number }[];
  /** Last year with employment data: where the outlook starts (null without employment rows). */
  lastEmploymentYear: number | null;
}

const cache = new Map<string, Promise<ObservationStats>>();

/** Stats of `versionId` in `db`. */
export function observationStats(db: Db, versionId: number): Promise<ObservationStats> {
  // Keyed by database too: tests open several databases in one process.
  const key = `${dbId(db)}:${versionId}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = load(db, versionId);
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
    while (cache.size > 8) cache.delete(cache.keys().next().value!);
  }
  return pending;
}

const ids = new WeakMap<Db, number>();
let nextId = 1;
function dbId(db: Db): number {
  let id = ids.get(db);
  if (id === undefined) ids.set(db, (id = nextId++));
  return id;
}

async function load(db: Db, versionId: number): Promise<ObservationStats> {
  const periods = (await db.selectDistinct({ period: observations.period }).from(observations)
    .where(eq(observations.datasetVersionId, versionId))).map((p) => p.period).sort();
  const sources = (await db.select({
    citation: observations.source, status: observations.status, rows: sql<number>`count(*)::int`,
  }).from(observations).where(eq(observations.datasetVersionId, versionId))
    .groupBy(observations.source, observations.status).orderBy(observations.source)).map((s) => ({ ...s, rows: Number(s.rows) }));
  const [last] = await db.select({ year: sql<string | null>`max(${observations.period})` }).from(observations)
    .where(and(eq(observations.datasetVersionId, versionId), eq(observations.indicator, 'employment'), sql`${observations.period} ~ '^[0-9]{4}$'`));
  return { periods, sources, lastEmploymentYear: last?.year ? Number(last.year) : null };
}
