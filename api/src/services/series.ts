/** Observed values of one cell for the current version. */
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Db } from '../db/client';
import { observations, sources } from '../db/schema';

export interface CellQuery {
  indicator: string;
  region: string;
  sector: string;
  qualification: string;
  from?: string;
  to?: string;
}

/** Columnar series: `periods[i]` goes with `values[i]`, `status[i]` and `source[i]`. */
export interface SeriesColumns {
  indicator: string;
  region: string;
  sector: string;
  qualification: string;
  unit: string | null;
  periods: string[];
  values: number[];
  status: string[];
  source: string[];
  dataVersion: number;
}

/** Reads one cell's observations of `versionId`, oldest first. */
export async function readSeries(db: Db, versionId: number, q: CellQuery): Promise<SeriesColumns> {
  const rows = await db
    .select({
      period: observations.period,
      value: observations.value,
      unit: observations.unit,
      status: observations.status,
      source: sources.text,
    })
    .from(observations)
    .innerJoin(sources, eq(sources.id, observations.sourceId))
    .where(
      and(
        eq(observations.datasetVersionId, versionId),
        eq(observations.indicator, q.indicator),
        eq(observations.region, q.region),
        eq(observations.sector, q.sector),
        eq(observations.qualification, q.qualification),
        q.from ? gte(observations.period, q.from) : undefined,
        q.to ? lte(observations.period, q.to) : undefined,
      ),
    )
    .orderBy(asc(observations.period));
  return {
    indicator: q.indicator,
    region: q.region,
    sector: q.sector,
    qualification: q.qualification,
    unit: rows[0]?.unit ?? null,
    periods: rows.map((r) => r.period),
    values: rows.map((r) => r.value),
    status: rows.map((r) => r.status),
    source: rows.map((r) => r.source),
    dataVersion: versionId,
  };
}
