/**
 * Computes the outlook (forecasts, gaps, targets for every scenario) of one
 * dataset version and stores it as compressed JSON chunks, so requests only read.
 */
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { CellForecast, GapRow, OutlookSet, TargetPath } from '@lmo/models';
import { computeOutlook } from '@lmo/models/labour/outlook';
import type { Db } from '../db/client';
import { results } from '../db/schema';
import { markComputed } from './dataset-versions';
import { loadObservations } from './ingest';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** Key of a forecast cell: `indicator|region|sector|qualification`. */
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

export type ChunkKind = 'set' | 'outlook' | 'targets' | 'forecasts' | 'gaps';

/** One chunk before compression. */
export interface Chunk {
  kind: ChunkKind;
  scenario: string;
  key: string;
  items: number;
  value: unknown;
}

function groupByRegion<T extends { region: string }>(items: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    let list = out.get(item.region);
    if (!list) out.set(item.region, (list = []));
    list.push(item);
  }
  return out;
}

/** Splits an OutlookSet into chunks: summaries, targets, and forecasts and gaps per region. */
export function toChunks(set: OutlookSet): Chunk[] {
  const summary: SetSummary = { baseYear: set.baseYear, horizon: set.horizon, scenarios: set.scenarios, timingMs: set.timingMs };
  const chunks: Chunk[] = [{ kind: 'set', scenario: '*', key: 'summary', items: set.scenarios.length, value: summary }];
  for (const [scenario, outlook] of Object.entries(set.outlooks)) {
    const { forecasts, gaps, targets, ...rest } = outlook;
    chunks.push({ kind: 'outlook', scenario, key: 'summary', items: 1, value: rest });
    chunks.push({ kind: 'targets', scenario, key: 'all', items: targets.length, value: targets });
    for (const [region, list] of groupByRegion(forecasts)) chunks.push({ kind: 'forecasts', scenario, key: region, items: list.length, value: list });
    for (const [region, list] of groupByRegion(gaps)) chunks.push({ kind: 'gaps', scenario, key: region, items: list.length, value: list });
  }
  return chunks;
}

/** base64(gzip(JSON)) of a value; gzip level 1 keeps writes fast and still shrinks ~7×. */
export const packChunk = async (value: unknown): Promise<string> =>
  (await gzipAsync(JSON.stringify(value), { level: 1 })).toString('base64');

/** Inverse of packChunk. */
export const unpackChunk = async <T>(data: string): Promise<T> =>
  JSON.parse((await gunzipAsync(Buffer.from(data, 'base64'))).toString('utf8')) as T;

export interface ComputeReport {
  versionId: number;
  observations: number;
  chunks: number;
  bytes: number;
  computeMs: number;
  storeMs: number;
  timingMs: Record<string, number>;
}

/** Computes and stores every result of `versionId`. */
export async function computeResults(db: Db, versionId: number): Promise<ComputeReport> {
  const t0 = performance.now();
  const observations = await loadObservations(db, versionId);
  const set = computeOutlook(observations, { dataVersion: String(versionId) });
  const t1 = performance.now();
  const chunks = toChunks(set);
  const rows = await Promise.all(chunks.map(async (c) => ({
    datasetVersionId: versionId, kind: c.kind, scenario: c.scenario, key: c.key, items: c.items, data: await packChunk(c.value),
  })));
  // One transaction: readers never see half the results. Another instance computing the
  // same version concurrently writes identical rows, so conflicts are simply skipped.
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 50) await tx.insert(results).values(rows.slice(i, i + 50)).onConflictDoNothing();
  });
  const t2 = performance.now();
  await markComputed(db, versionId, Math.round(t2 - t0));
  return {
    versionId, observations: observations.length, chunks: rows.length, bytes: rows.reduce((n, r) => n + r.data.length, 0),
    computeMs: Math.round(t1 - t0), storeMs: Math.round(t2 - t1), timingMs: set.timingMs,
  };
}

export type { CellForecast, GapRow, TargetPath };
