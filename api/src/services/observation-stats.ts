/**
 * Periods and sources of a dataset version, for /api/meta (which keeps them in
 * the read cache per version, so meta never waits for the outlook computation).
 */
import { eq, sql } from 'drizzle-orm';
import type { ObservationGroup } from '@lmo/models/labour';
import { dataLevelsWithSources, mergeSourceFamilies, type LevelRowWithCounts, type SourceFamilyRow } from './level-sources';
import type { Db } from '../db/client';
import { observations } from '../db/schema';
import { withSourceTexts } from './sources';

export interface ObservationStats {
  /** Observed periods, sorted. */
  periods: string[];
  /** Each citation family (level-sources.ts) with its status, how many values carry it and how many citations it merges. */
  sources: SourceFamilyRow[];
  /** Last year with employment data: where the outlook starts (null without employment rows). */
  lastEmploymentYear: number | null;
  /**
   * Which levels of detail hold which indicators, years, statuses and sources (models/src/labour/data-levels.ts),
   * sources merged into families and capped (level-sources.ts).
   */
  dataLevels: LevelRowWithCounts[];
}

/** Stats of `versionId` in `db` (a few GROUP BYs over the version's observations). */
export async function observationStats(db: Db, versionId: number): Promise<ObservationStats> {
  const periods = (await db.selectDistinct({ period: observations.period }).from(observations).where(eq(observations.datasetVersionId, versionId)))
    .map((p) => p.period)
    .sort();
  const groups = await cellGroups(db, versionId);
  // The source list and the last employment year follow from the groups: no further scan of the version.
  const bySource = new Map<string, { citation: string; status: string; rows: number }>();
  let lastEmploymentYear: number | null = null;
  for (const g of groups) {
    const key = `${g.status}|${g.source}`;
    const s = bySource.get(key);
    if (s) s.rows += g.rows;
    else bySource.set(key, { citation: g.source, status: g.status, rows: g.rows });
    if (g.indicator === 'employment' && g.maxYear !== null && (lastEmploymentYear === null || g.maxYear > lastEmploymentYear)) lastEmploymentYear = g.maxYear;
  }
  return { periods, sources: mergeSourceFamilies([...bySource.values()]), lastEmploymentYear, dataLevels: dataLevelsWithSources(groups) };
}

/** Observations grouped by cell, status and source (one row per group), for the data-levels table. */
async function cellGroups(db: Db, versionId: number): Promise<ObservationGroup[]> {
  const annual = sql`${observations.period} ~ '^[0-9]{4}$'`;
  const rows = await db
    .select({
      indicator: observations.indicator,
      region: observations.region,
      sector: observations.sector,
      qualification: observations.qualification,
      status: observations.status,
      sourceId: observations.sourceId,
      minPeriod: sql<string>`min(${observations.period})`,
      maxPeriod: sql<string>`max(${observations.period})`,
      minYear: sql<string | null>`min(${observations.period}) filter (where ${annual})`,
      maxYear: sql<string | null>`max(${observations.period}) filter (where ${annual})`,
      quarterly: sql<boolean>`bool_or(not (${annual}))`,
      rows: sql<number>`count(*)::int`,
    })
    .from(observations)
    .where(eq(observations.datasetVersionId, versionId))
    .groupBy(observations.indicator, observations.region, observations.sector, observations.qualification, observations.status, observations.sourceId);
  // Grouped by id (an integer) and named afterwards: the citation text is not compared per row.
  return (await withSourceTexts(db, rows)).map((r) => ({
    ...r,
    minYear: r.minYear === null ? null : Number(r.minYear),
    maxYear: r.maxYear === null ? null : Number(r.maxYear),
    quarterly: Boolean(r.quarterly),
    rows: Number(r.rows),
  }));
}
