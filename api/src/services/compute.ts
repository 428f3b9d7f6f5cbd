/**
 * Computes the outlook (forecasts, gaps, targets for every scenario) of one
 * dataset version and stores it as compressed chunks, so requests only read.
 * The model runs in a worker thread when it can, so the instance keeps serving.
 */
import { Worker } from 'node:worker_threads';
import type { CellForecast, GapRow, Observation, TargetPath } from '@lmo/models';
import { computeOutlook } from '@lmo/models/labour/outlook';
import type { Db } from '../db/client';
import { results } from '../db/schema';
import { packChunks, type PackedChunk } from './compute-pack';
import { markComputed } from './dataset-versions';
import { loadObservations } from './ingest';

export { toChunks, packChunk, unpackChunk, type ChunkKind, type OutlookSummary, type SetSummary } from './compute-pack';

/** Key of a forecast cell: `indicator|region|sector|qualification`. */
export const forecastKey = (c: { indicator: string; region: string; sector: string; qualification: string }) =>
  `${c.indicator}|${c.region}|${c.sector}|${c.qualification}`;

export interface ComputeReport {
  versionId: number;
  observations: number;
  chunks: number;
  bytes: number;
  /** Model + packing time. */
  computeMs: number;
  storeMs: number;
  inWorker: boolean;
  timingMs: Record<string, number>;
}

export interface ComputeOptions {
  /** Run the model in a worker thread (default: see workersAvailable). */
  worker?: boolean;
}

const WORKER_URL = new URL('./compute-worker.mjs', import.meta.url);

function inWorker(observations: Observation[], versionId: number): Promise<{ chunks: PackedChunk[]; timingMs: Record<string, number> }> {
  return new Promise((resolve, reject) => {
    // compute-worker.mjs registers tsx inside the worker, then loads compute-worker.ts.
    const worker = new Worker(WORKER_URL, { workerData: { observations, versionId } });
    worker.once('message', (m) => { resolve(m); void worker.terminate(); });
    worker.once('error', reject);
    worker.once('exit', (code) => { if (code !== 0) reject(new Error(`compute worker exited with code ${code}`)); });
  });
}

/** Default for `worker`: on, except under vitest (fast in-process runs) or with LMO_COMPUTE_WORKER=0. */
export function workersAvailable(): boolean {
  return !process.env.VITEST && process.env.LMO_COMPUTE_WORKER !== '0';
}

/** Computes and stores every result of `versionId`. */
export async function computeResults(db: Db, versionId: number, options: ComputeOptions = {}): Promise<ComputeReport> {
  const t0 = performance.now();
  const observations = await loadObservations(db, versionId);
  const useWorker = options.worker ?? workersAvailable();
  let packed: { chunks: PackedChunk[]; timingMs: Record<string, number> };
  if (useWorker) {
    packed = await inWorker(observations, versionId);
  } else {
    const set = computeOutlook(observations, { dataVersion: String(versionId) });
    packed = { chunks: await packChunks(set), timingMs: set.timingMs };
  }
  const t1 = performance.now();
  const rows = packed.chunks.map((c) => ({ datasetVersionId: versionId, ...c }));
  // One transaction: readers never see half the results. Another instance computing the
  // same version concurrently writes identical rows, so conflicts are simply skipped.
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 50) await tx.insert(results).values(rows.slice(i, i + 50)).onConflictDoNothing();
  });
  const t2 = performance.now();
  await markComputed(db, versionId, Math.round(t2 - t0));
  return {
    versionId, observations: observations.length, chunks: rows.length, bytes: rows.reduce((n, r) => n + r.data.length, 0),
    computeMs: Math.round(t1 - t0), storeMs: Math.round(t2 - t1), inWorker: useWorker, timingMs: packed.timingMs,
  };
}

export type { CellForecast, GapRow, TargetPath };
