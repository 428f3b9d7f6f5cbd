// Worker-thread side of the embedded database (pglite-thread.ts is the other side).
// PGlite runs PostgreSQL as WebAssembly on the thread that owns it, and a query's
// promise resolves through microtasks only: on the request thread, a run of awaited
// statements (an upload's commit, a results write) kept every reader waiting until
// the whole run was over. Here PGlite owns this thread instead, and the request
// thread only exchanges messages with it.
//
// Plain JavaScript on purpose: it is started as is, under tsx, vitest and the
// bundled server alike, and resolves @electric-sql/pglite from api/node_modules.
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

const port = parentPort;
/** @type {PGlite | undefined} */
let db;
/** Open transactions by id: the PGlite transaction and how to end it. */
const open = new Map();

// Drizzle passes only identity parsers (keep timestamps, intervals and dates as text);
// functions cannot cross threads, so the request side sends their type ids instead.
const identity = (value) => value;
const queryOptions = (o) => {
  if (!o) return undefined;
  const { parserTypes, ...rest } = o;
  if (parserTypes) rest.parsers = Object.fromEntries(parserTypes.map((t) => [t, identity]));
  return rest;
};

/** An error as plain data: message, name, stack and PostgreSQL's fields (code, detail, …). */
function plainError(error) {
  const out = { message: String(error?.message ?? error), name: error?.name ?? 'Error', stack: error?.stack };
  if (error && typeof error === 'object') {
    for (const [k, v] of Object.entries(error)) if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) out[k] = v;
  }
  return out;
}

const target = (txId) => {
  if (txId === undefined) return db;
  const t = open.get(txId);
  if (!t) throw new Error(`transaction ${txId} is not open`);
  return t.tx;
};

/** Rejects the transaction callback on rollback, so PGlite rolls back; the reason is not an error of ours. */
class Rollback extends Error {}

async function handle(m) {
  switch (m.op) {
    case 'query': return target(m.txId).query(m.sql, m.params, queryOptions(m.options));
    case 'exec': return target(m.txId).exec(m.sql, queryOptions(m.options));
    case 'begin': {
      // PGlite's own transaction: its lock keeps other statements out until it ends.
      let started;
      const ready = new Promise((r) => { started = r; });
      const entry = {};
      entry.done = db.transaction((tx) => new Promise((resolve, reject) => {
        Object.assign(entry, { tx, resolve, reject });
        open.set(m.txId, entry);
        started();
      }));
      // A failure to begin (the database closed) surfaces here before the callback runs.
      await Promise.race([ready, entry.done]);
      return null;
    }
    case 'end': {
      const t = open.get(m.txId);
      if (!t) throw new Error(`transaction ${m.txId} is not open`);
      open.delete(m.txId);
      if (m.commit) t.resolve(null);
      else t.reject(new Rollback('rollback'));
      try {
        await t.done;
      } catch (error) {
        if (!(error instanceof Rollback)) throw error;
      }
      return null;
    }
    case 'dump': {
      const blob = await db.dumpDataDir(m.compression);
      return new Uint8Array(await blob.arrayBuffer());
    }
    case 'close': {
      await db.close();
      return null;
    }
    default: throw new Error(`unknown operation ${m.op}`);
  }
}

// Statements and results pass through this heap as copies (a results write is megabytes of
// text); V8 would let that garbage grow for a long while before collecting it. With
// node --expose-gc (pnpm start), collect once 16 MB have piled up: ~10 ms, on this thread only.
const GC_STEP = 16 << 20;
let collectedAt = getHeapStatistics().used_heap_size;
const tidy = () => {
  const gc = globalThis.gc;
  if (!gc) return;
  const used = getHeapStatistics().used_heap_size;
  if (used - collectedAt < GC_STEP) return;
  gc();
  collectedAt = getHeapStatistics().used_heap_size;
};

port.on('message', (m) => {
  handle(m).then(
    (result) => {
      const transfer = result instanceof Uint8Array && m.op === 'dump' ? [result.buffer] : [];
      port.postMessage({ id: m.id, result }, transfer);
    },
    (error) => { throw error; },
  ).catch((error) => port.postMessage({ id: m.id, error: plainError(error) })).finally(tidy);
});

try {
  const { dataDir, template, startParams } = workerData;
  db = await PGlite.create({ dataDir, loadDataDir: template ? new Blob([template]) : undefined, startParams });
  port.postMessage({ ready: true });
} catch (error) {
  port.postMessage({ ready: false, error: plainError(error) });
}
