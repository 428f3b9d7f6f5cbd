/**
 * Computes the outlook (forecasts, gaps, targets for every scenario) of one
 * dataset version and stores it, so requests only read.
 */
import type { CellForecast, GapRow, OutlookSet, TargetPath } from '@lmo/models';
import { computeOutlook } from '@lmo/models/labour/outlook';
import type { Db } from '../db/client';
import { results } from '../db/schema';
import { markComputed } from './dataset-versions';
import { loadObservations } from './ingest';

/** Key of a forecast cell inside the results table. */
export const forecastKey = (c: { indicator: string; region: string; sector: string; qualification: string }) =>
  `${c.indicator}|${c.region}|${c.sector}|${c.qualification}`;

/** Stored once per version (scenario `*`). */
export interface SetSummary {
  baseYear: number;
  horizon: number;
  scenarios: OutlookSet['scenarios'];
  timingMs: Record<string, number>;
}

/** Stored once per scenario. */
export type OutlookSummary = Omit<OutlookSet['outlooks'][string], 'forecasts' | 'gaps' | 'targets'>;

type ResultRow = typeof results.$inferInsert;

/** Flattens an OutlookSet into result rows. */
export function toResultRows(versionId: number, set: OutlookSet): ResultRow[] {
  const rows: ResultRow[] = [];
  const summary: SetSummary = { baseYear: set.baseYear, horizon: set.horizon, scenarios: set.scenarios, timingMs: set.timingMs };
  rows.push({ datasetVersionId: versionId, kind: 'set', scenario: '*', key: 'summary', payload: summary });
  for (const [scenario, outlook] of Object.entries(set.outlooks)) {
    const { forecasts, gaps, targets, ...rest } = outlook;
    rows.push({ datasetVersionId: versionId, kind: 'outlook', scenario, key: 'summary', payload: rest });
    for (const f of forecasts) rows.push({ datasetVersionId: versionId, kind: 'forecast', scenario, key: forecastKey(f), payload: f });
    const byRegion = new Map<string, GapRow[]>();
    for (const g of gaps) (byRegion.get(g.region) ?? byRegion.set(g.region, []).get(g.region)!).push(g);
    for (const [region, list] of byRegion) rows.push({ datasetVersionId: versionId, kind: 'gaps', scenario, key: region, payload: list });
    rows.push({ datasetVersionId: versionId, kind: 'targets', scenario, key: 'all', payload: targets });
  }
  return rows;
}

export interface ComputeReport {
  versionId: number;
  observations: number;
  resultRows: number;
  computeMs: number;
  storeMs: number;
  timingMs: Record<string, number>;
}

const BATCH = 250;

/** Computes and stores every result of `versionId`. */
export async function computeResults(db: Db, versionId: number): Promise<ComputeReport> {
  const t0 = performance.now();
  const observations = await loadObservations(db, versionId);
  const set = computeOutlook(observations, { dataVersion: String(versionId) });
  const t1 = performance.now();
  const rows = toResultRows(versionId, set);
  // One transaction: readers never see half the results. Another instance computing the
  // same version concurrently writes identical rows, so conflicts are simply skipped.
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += BATCH) {
      await tx.insert(results).values(rows.slice(i, i + BATCH)).onConflictDoNothing();
    }
  });
  const t2 = performance.now();
  await markComputed(db, versionId, Math.round(t2 - t0));
  return {
    versionId, observations: observations.length, resultRows: rows.length,
    computeMs: Math.round(t1 - t0), storeMs: Math.round(t2 - t1), timingMs: set.timingMs,
  };
}

export type { CellForecast, GapRow, TargetPath };
