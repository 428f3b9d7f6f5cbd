/**
 * Computes the outlook (forecasts, gaps, targets for every scenario) of one
 * dataset version and stores it as compressed chunks, so requests only read.
 * The model runs in a worker thread when it can, so the instance keeps serving.
 */
import { Worker } from 'node:worker_threads';
import type { CellForecast, GapRow, TargetPath } from '@lmo/models';
import type { Db } from '../db/client';
import { results } from '../db/schema';
import { computePacked, type PackedChunk } from './compute-pack';
import type { ComputeJob } from './compute-worker';
import { workerUrl } from './compute-worker-bundle';
import { markComputed } from './dataset-versions';
import { modelFingerprint } from './model-fingerprint';
import { loadObservationColumns } from './ingest';
import { fromColumns } from './observation-columns';
import { systemBacktestChunk } from './system-backtest-run';

export { unpackChunk, type ChunkKind, type OutlookSummary, type SetSummary } from './compute-pack';

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

/** How the model runs; the server passes Config.compute (worker on unless LMO_COMPUTE_WORKER=0). */
export interface ComputeOptions {
  /** Run the model in a worker thread (default false: in process, as tests and scripts want). */
  worker?: boolean;
  /** The worker's heap limit in MB (LMO_COMPUTE_HEAP_MB, default 192; 0 = V8's own). */
  heapMb?: number;
  /** The worker's CPU niceness (LMO_COMPUTE_NICE, default 10). */
  nice?: number;
}

/** Where chunks go as they are packed. */
type ChunkSink = (chunk: PackedChunk) => void;

/** Thrown by a worker that hit its heap limit (Node's code for it). */
const isOutOfMemory = (error: unknown) => (error as { code?: string } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';

/**
 * Runs the model in a worker. A tight heap limit makes V8 collect early, which
 * keeps the instance's peak memory near the model's live size; a dataset that
 * needs more is retried once without the limit (its chunks already written are
 * identical and skipped).
 */
async function inWorker(job: ComputeJob, onChunk: ChunkSink, heapMb: number): Promise<Record<string, number>> {
  // The typed arrays cannot be transferred: a retry needs them again.
  try {
    return await runWorker(job, onChunk, heapMb);
  } catch (error) {
    if (!isOutOfMemory(error) || heapMb === 0) throw error;
    console.warn(`[lmo] the model needs more than LMO_COMPUTE_HEAP_MB=${heapMb} MB for dataset version ${job.versionId}; retrying without the limit`);
    return runWorker(job, onChunk, 0);
  }
}

async function runWorker(job: ComputeJob, onChunk: ChunkSink, heapMb: number): Promise<Record<string, number>> {
  const resourceLimits = heapMb > 0 ? { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 8 } : undefined;
  const worker = new Worker(workerUrl('compute-worker'), { resourceLimits });
  worker.postMessage(job);
  return new Promise((resolve, reject) => {
    worker.on('message', (m: { chunk?: PackedChunk; done?: boolean; timingMs?: Record<string, number> }) => {
      if (m.chunk) onChunk(m.chunk);
      if (m.done) {
        resolve(m.timingMs!);
        void worker.terminate();
      }
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`compute worker exited with code ${code}`));
    });
  });
}

// Results rows are written in batches of about this many bytes while the model still runs.
const WRITE_BATCH_BYTES = 512 << 10;

/**
 * Writes chunks as they arrive, a batch at a time, in order. Readers never see
 * a half-written version: they only read results of versions marked computed,
 * which happens after `finish`. Another instance computing the same version
 * writes identical rows, so conflicts are skipped.
 */
function resultsWriter(db: Db, versionId: number) {
  let batch: PackedChunk[] = [];
  let batchBytes = 0;
  let chunks = 0;
  let bytes = 0;
  let writing: Promise<void> = Promise.resolve();
  let failure: unknown;
  const flush = () => {
    if (batch.length === 0) return;
    const rows = batch.map((c) => ({ datasetVersionId: versionId, ...c }));
    batch = [];
    batchBytes = 0;
    // The chain never rejects (a rejection nobody awaits yet would crash the process); finish() reports it.
    writing = writing
      .then(async () => {
        if (failure === undefined) await db.insert(results).values(rows).onConflictDoNothing();
      })
      .catch((error: unknown) => {
        failure ??= error;
      });
  };
  return {
    add(chunk: PackedChunk) {
      batch.push(chunk);
      chunks++;
      bytes += chunk.data.length;
      batchBytes += chunk.data.length;
      if (batchBytes >= WRITE_BATCH_BYTES) flush();
    },
    async finish() {
      flush();
      await writing;
      if (failure !== undefined) throw failure;
      return { chunks, bytes };
    },
  };
}

/**
 * Computes and stores every result of `versionId`, then marks it computed. The
 * observations go to the worker as columns and each packed chunk is written as
 * it arrives, so neither thread holds the whole outlook at once.
 */
export async function computeResults(db: Db, versionId: number, options: ComputeOptions = {}): Promise<ComputeReport> {
  const t0 = performance.now();
  const columns = await loadObservationColumns(db, versionId);
  const count = columns.values.length;
  // A full collection before the model run returns the pages of what came before it (an upload's
  // parse and commit), so they do not add to the run's peak. About 30 ms; needs node --expose-gc
  // (pnpm start passes it), otherwise a no-op.
  (globalThis as { gc?: () => void }).gc?.();
  const writer = resultsWriter(db, versionId);
  const useWorker = options.worker ?? false;
  let timingMs: Record<string, number>;
  try {
    if (useWorker) {
      timingMs = await inWorker({ columns, versionId, nice: options.nice ?? 10 }, (c) => writer.add(c), options.heapMb ?? 192);
    } else {
      timingMs = computePacked(
        () => fromColumns(columns),
        { dataVersion: String(versionId) },
        (c) => writer.add(c),
      );
    }
  } catch (error) {
    // No write may still be running when the caller cleans up after a failure.
    await writer.finish().catch(() => {});
    throw error;
  }
  const t1 = performance.now();
  const written = await writer.finish();
  const t2 = performance.now();
  await markComputed(db, versionId, Math.round(t2 - t0), modelFingerprint());
  return {
    versionId,
    observations: count,
    chunks: written.chunks,
    bytes: written.bytes,
    computeMs: Math.round(t1 - t0),
    storeMs: Math.round(t2 - t1),
    inWorker: useWorker,
    timingMs,
  };
}

/**
 * Computes and stores the system's backtest on `versionId`'s data (its `system-backtest` chunk), in
 * the worker when `options.worker`. Run after the version's results are served (results-loader.ts),
 * so nothing waits for it; another instance writing the same chunk is skipped.
 */
export async function computeSystemBacktest(db: Db, versionId: number, options: ComputeOptions = {}): Promise<void> {
  const columns = await loadObservationColumns(db, versionId);
  let chunk: PackedChunk | undefined;
  const keep = (c: PackedChunk) => void (chunk = c);
  if (options.worker) await inWorker({ columns, versionId, nice: options.nice ?? 10, task: 'system-backtest' }, keep, options.heapMb ?? 192);
  else keep(systemBacktestChunk(fromColumns(columns)));
  if (chunk)
    await db
      .insert(results)
      .values({ datasetVersionId: versionId, ...chunk })
      .onConflictDoNothing();
}

export type { CellForecast, GapRow, TargetPath };
