/**
 * Worker-thread entry: computes a version's outlook (or, as its second task, the
 * system's backtest on the version's data) and posts its packed chunks one by
 * one, so an instance keeps answering requests while a version is computed and
 * neither thread holds every scenario's rows at once. It runs as a plain-JS
 * bundle (compute-worker-bundle.ts), so the worker carries no TypeScript loader.
 */
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { computePacked, type PackedChunk } from './compute-pack';
import { systemBacktestChunk } from './system-backtest-run';
import { fromColumns, type ObservationColumns } from './observation-columns';

/** What the main thread posts: the version's observations as columns, the worker's nice value, and the task. */
export interface ComputeJob {
  columns?: ObservationColumns;
  versionId: number;
  nice: number;
  /** `outlook` (default): the version's results; `system-backtest`: the system's backtest on its data (one chunk). */
  task?: 'outlook' | 'system-backtest';
}

parentPort!.once('message', (job: ComputeJob) => {
  // On Linux a nice value belongs to one thread: this lowers only the model run,
  // so the instance's request thread (and other instances on the host) keep priority.
  try {
    setPriority(job.nice);
  } catch {
    /* not permitted: run at normal priority */
  }
  // The rows are needed only to fit the base projection; dropping the columns frees them early.
  const take = () => {
    const rows = fromColumns(job.columns!);
    job.columns = undefined;
    return rows;
  };
  const post = (chunk: PackedChunk) => parentPort!.postMessage({ chunk });
  let timingMs: Record<string, number>;
  if (job.task === 'system-backtest') {
    const t0 = performance.now();
    post(systemBacktestChunk(take()));
    timingMs = { systemBacktest: performance.now() - t0 };
  } else {
    timingMs = computePacked(take, { dataVersion: String(job.versionId) }, post);
  }
  parentPort!.postMessage({ done: true, timingMs });
});
