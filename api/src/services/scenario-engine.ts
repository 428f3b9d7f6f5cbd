/**
 * Runs planners' scenarios off the request thread: one worker keeps the base projection of the
 * version it was last asked about (fitted once, about 2 s on the seeded data) and applies each
 * scenario to it (a few hundred ms). Started on first use, stopped after `idleMs` without work,
 * so an instance nobody builds scenarios on carries no extra memory. Where workers are off
 * (tests) the same runner works on the main thread.
 */
import { Worker } from 'node:worker_threads';
import { ForecastError, type ForecastErrorCode } from '@lmo/models';
import type { Db } from '../db/client';
import { workerUrl } from './compute-worker-bundle';
import { loadObservationColumns } from './ingest';
import { fromColumns } from './observation-columns';
import { ScenarioRunner, type RawChunk, type ScenarioJob } from './scenario-run';
import type { ScenarioWorkerRequest } from './scenario-worker';

export interface ScenarioEngineOptions {
  /** Run in a worker thread (default false; the app passes Config.scenarios.worker, off with LMO_COMPUTE_WORKER=0). */
  worker?: boolean;
  /** The worker's CPU niceness (LMO_SCENARIO_NICE, default 0: a planner waits for each run). */
  nice?: number;
  /** Stop the worker after this long without a request (default 10 minutes). */
  idleMs?: number;
}

type WorkerError = { message: string; code?: string; details?: Record<string, unknown> };
const toError = (e: WorkerError) => (e.code ? new ForecastError(e.code as ForecastErrorCode, e.message, e.details ?? {}) : new Error(e.message));

/** The scenario engine of one instance. */
export class ScenarioEngine {
  private worker?: Worker;
  private ready?: { versionId: number; promise: Promise<void> };
  private readonly calls = new Map<number, { resolve: (c: RawChunk[]) => void; reject: (e: unknown) => void }>();
  private nextId = 1;
  private idle?: NodeJS.Timeout;
  private local?: ScenarioRunner;
  private readonly useWorker: boolean;
  private readonly nice: number;
  private readonly idleMs: number;

  constructor(
    private readonly db: Db,
    options: ScenarioEngineOptions = {},
  ) {
    this.useWorker = options.worker ?? false;
    this.nice = options.nice ?? 0;
    this.idleMs = options.idleMs ?? 10 * 60_000;
  }

  /** 'ready' when the base of `versionId` is fitted, 'warming' while it is, else 'idle'. */
  state(versionId: number): 'idle' | 'warming' | 'ready' {
    if (this.ready?.versionId !== versionId) return 'idle';
    return this.readyDone ? 'ready' : 'warming';
  }
  private readyDone = false;

  /** Fits the base of `versionId` if not done yet (what a scenario builder opening calls). */
  warm(versionId: number): Promise<void> {
    this.touch();
    if (this.ready?.versionId === versionId) return this.ready.promise;
    this.readyDone = false;
    const promise = this.init(versionId).then(() => {
      if (this.ready?.versionId === versionId) this.readyDone = true;
    });
    this.ready = { versionId, promise };
    // A failed fit is retried on the next request, not remembered.
    promise.catch(() => {
      if (this.ready?.promise === promise) this.ready = undefined;
    });
    return promise;
  }

  /** One scenario's chunks on `versionId`. */
  async run(versionId: number, job: ScenarioJob): Promise<RawChunk[]> {
    await this.warm(versionId);
    this.touch();
    if (!this.useWorker) return this.local!.run(job);
    const reqId = this.nextId++;
    return new Promise((resolve, reject) => {
      this.calls.set(reqId, { resolve, reject });
      this.worker!.postMessage({ type: 'run', reqId, job } satisfies ScenarioWorkerRequest);
    });
  }

  private async init(versionId: number): Promise<void> {
    const columns = await loadObservationColumns(this.db, versionId);
    if (!this.useWorker) {
      this.local ??= new ScenarioRunner();
      this.local.init(versionId, fromColumns(columns));
      return;
    }
    const worker = await this.start();
    await new Promise<void>((resolve, reject) => {
      const onMessage = (m: { type: string; versionId?: number; error?: WorkerError }) => {
        if (m.versionId !== versionId || (m.type !== 'ready' && m.type !== 'init-error')) return;
        worker.off('message', onMessage);
        if (m.type === 'ready') resolve();
        else reject(toError(m.error!));
      };
      worker.on('message', onMessage);
      worker.once('exit', () => reject(new Error('scenario worker stopped')));
      // A planner waits for each run (a few hundred ms): normal priority unless LMO_SCENARIO_NICE says otherwise.
      worker.postMessage({ type: 'init', versionId, columns, nice: this.nice } satisfies ScenarioWorkerRequest);
    });
  }

  private async start(): Promise<Worker> {
    if (this.worker) return this.worker;
    const worker = new Worker(workerUrl('scenario-worker'));
    worker.on('message', (m: { type: string; reqId?: number; chunks?: RawChunk[]; error?: WorkerError }) => {
      const call = m.reqId !== undefined ? this.calls.get(m.reqId) : undefined;
      if (!call) return;
      this.calls.delete(m.reqId!);
      if (m.type === 'result') call.resolve(m.chunks!);
      else call.reject(toError(m.error!));
    });
    const fail = (error: unknown) => {
      for (const c of this.calls.values()) c.reject(error);
      this.calls.clear();
      if (this.worker === worker) {
        this.worker = undefined;
        this.ready = undefined;
      }
    };
    worker.on('error', fail);
    worker.on('exit', () => fail(new Error('scenario worker stopped')));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /** Restarts the idle timer. */
  private touch(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => void this.close(), this.idleMs);
    this.idle.unref();
  }

  /** Stops the worker (the next request starts and fits again). */
  async close(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    const w = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    this.local = undefined;
    if (w) await w.terminate();
  }
}
