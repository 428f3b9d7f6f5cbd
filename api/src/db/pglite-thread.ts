/**
 * The embedded database in its own worker thread (pglite-worker.mjs), behind the
 * part of PGlite's interface that Drizzle's pglite driver, the migrator and the
 * test tooling use: `query`, `exec`, `transaction`, `dumpDataDir`, `close`.
 *
 * Why: PGlite executes SQL synchronously on the thread that owns it, and its
 * promises settle through microtasks, so a run of awaited statements on the
 * request thread (an upload's commit, a version's results) blocked every reader
 * for seconds. Here the request thread only posts messages; replies arrive as
 * separate event-loop tasks, so requests are answered between any two statements
 * and while one runs.
 *
 * Limits: query options cross the thread as data, so `parsers` must be identity
 * functions (the only kind Drizzle passes: its types stay text) and `serializers`,
 * `blob` and `onNotice` are not supported.
 */
import { Worker } from 'node:worker_threads';
import type { QueryOptions, Results, Transaction } from '@electric-sql/pglite';

/** What pglite-thread and an in-thread PGlite both offer (Database.client). */
export interface PgliteClient {
  query<T>(query: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(query: string, options?: QueryOptions): Promise<Results[]>;
  transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T>;
  dumpDataDir(compression?: 'none' | 'gzip' | 'auto'): Promise<Blob>;
  close(): Promise<void>;
  readonly closed: boolean;
}

export interface PgliteThreadOptions {
  dataDir?: string;
  /** A dumped data directory to start from (test templates). */
  template?: Blob;
  startParams: string[];
}

type Reply = { id: number; result?: unknown; error?: Record<string, unknown> & { message: string } };
type Request = { op: string; txId?: number; [k: string]: unknown };

/** The worker's error as an Error with its PostgreSQL fields (`code`, `detail`, …), so callers classify it as before. */
function revive(plain: Record<string, unknown> & { message: string }): Error {
  const error = new Error(plain.message);
  Object.assign(error, plain);
  return error;
}

const options = (o?: QueryOptions) => {
  if (!o) return undefined;
  const { parsers, serializers, blob, onNotice, ...rest } = o;
  if (serializers || blob || onNotice) throw new Error('pglite-thread: serializers, blob and onNotice are not supported');
  return { ...rest, ...(parsers && { parserTypes: Object.keys(parsers).map(Number) }) };
};

/** Starts PGlite in a worker thread and resolves once it is open. */
export async function openPgliteThread(config: PgliteThreadOptions): Promise<PgliteClient> {
  const template = config.template ? new Uint8Array(await config.template.arrayBuffer()) : undefined;
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
    workerData: { dataDir: config.dataDir, template, startParams: config.startParams },
    transferList: template ? [template.buffer as ArrayBuffer] : [],
  });
  const calls = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  let nextId = 1;
  let nextTx = 1;
  let closed = false;
  let failure: Error | undefined;
  // The worker keeps the process alive only while a call is in flight: a process
  // that forgets close() still exits (as with PGlite on the main thread).
  const idle = () => {
    if (calls.size === 0) worker.unref();
  };

  const fail = (error: Error) => {
    failure ??= error;
    closed = true;
    for (const c of calls.values()) c.reject(error);
    calls.clear();
  };
  await new Promise<void>((resolve, reject) => {
    worker.once('message', (m: { ready: boolean; error?: Reply['error'] }) => (m.ready ? resolve() : reject(revive(m.error!))));
    worker.once('error', reject);
  }).catch(async (error) => {
    await worker.terminate();
    throw error;
  });
  worker.on('message', (m: Reply) => {
    const call = calls.get(m.id);
    if (!call) return;
    calls.delete(m.id);
    idle();
    if (m.error) call.reject(revive(m.error));
    else call.resolve(m.result);
  });
  worker.on('error', (e) => fail(e));
  worker.on('exit', () => fail(new Error('PGlite is closed')));
  idle();

  const call = <T>(request: Request): Promise<T> => {
    if (closed) return Promise.reject(failure ?? new Error('PGlite is closed'));
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      calls.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.ref();
      worker.postMessage({ ...request, id });
    });
  };

  const query =
    <T>(txId: number | undefined) =>
    (sql: string, params?: unknown[], o?: QueryOptions) =>
      call<Results<T>>({ op: 'query', txId, sql, params, options: options(o) });
  const exec = (txId: number | undefined) => (sql: string, o?: QueryOptions) => call<Results[]>({ op: 'exec', txId, sql, options: options(o) });

  const client: PgliteClient = {
    query: <T>(sql: string, params?: unknown[], o?: QueryOptions) => query<T>(undefined)(sql, params, o),
    exec: exec(undefined),
    async transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
      const txId = nextTx++;
      await call({ op: 'begin', txId });
      let ended = false;
      const end = async (commit: boolean) => {
        if (ended) return;
        ended = true;
        await call({ op: 'end', txId, commit });
      };
      const tx = {
        query: <R>(sql: string, params?: unknown[], o?: QueryOptions) =>
          ended ? Promise.reject(new Error('Transaction is closed')) : query<R>(txId)(sql, params, o),
        exec: (sql: string, o?: QueryOptions) => (ended ? Promise.reject(new Error('Transaction is closed')) : exec(txId)(sql, o)),
        rollback: () => end(false),
        get closed() {
          return ended;
        },
      } as unknown as Transaction;
      let result: T;
      try {
        result = await callback(tx);
      } catch (error) {
        await end(false).catch(() => {});
        throw error;
      }
      await end(true);
      return result;
    },
    async dumpDataDir(compression) {
      const bytes = await call<Uint8Array>({ op: 'dump', compression });
      return new Blob([bytes as Uint8Array<ArrayBuffer>]);
    },
    async close() {
      if (closed) return;
      try {
        await call({ op: 'close' });
      } finally {
        closed = true;
        await worker.terminate();
      }
    },
    get closed() {
      return closed;
    },
  };
  return client;
}
