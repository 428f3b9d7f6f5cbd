import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../../test/backends';
import { fixtureRows } from '../../test/fixture';
import { openDatabase, type Database, type DatabaseConfig, type Db } from '../db/client';
import { computeResults, computeSystemBacktest } from './compute';
import { runSystemBacktest } from './system-backtest-run';
import { and, eq } from 'drizzle-orm';
import { datasetVersions, results } from '../db/schema';
import { getCurrentVersion, getVersion } from './dataset-versions';
import { modelFingerprint } from './model-fingerprint';
import { ingestObservations, loadObservations } from './ingest';
import { computeOutlook } from '@lmo/models/labour';
import { ResultsStore } from './results-store';
import { startDatabase } from './startup';

const backends = await testBackends();

describe.each(backends)('results store on $name', (backend) => {
  let database: Database;
  let drop: () => Promise<void>;
  let config: DatabaseConfig;
  beforeAll(async () => {
    const created = await backend.create();
    drop = created.drop;
    config = created.config;
    database = (await startDatabase(created.config, { seed: false })).database;
  });
  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  it('answers 503 before any data is loaded', async () => {
    const store = new ResultsStore(database.db);
    await expect(store.current()).rejects.toMatchObject({ code: 'NO_DATA_LOADED' });
  });

  it('computes results once per version and stores them', async () => {
    const { version } = await ingestObservations(database.db, fixtureRows(), { label: 'v1', kind: 'seed' });
    expect(version.computedAt).toBeNull();
    const store = new ResultsStore(database.db);
    // Concurrent first requests share one computation.
    const [a, b] = await Promise.all([store.current(), store.current()]);
    expect(a).toBe(b);
    expect(a.forecastCells('baseline')).toBeGreaterThan(10);
    expect(await a.forecast('baseline', { indicator: 'employment', region: 'VN', sector: 'C', qualification: 'ALL' })).toMatchObject({
      sector: 'C',
      status: 'modelled',
    });
    expect(await a.forecast('baseline', { indicator: 'employment', region: '01', sector: 'C', qualification: 'ALL' })).toBeUndefined();
    const stored = await getVersion(database.db, version.id);
    expect(stored?.computedAt).not.toBeNull();
    // A second instance reads the stored rows instead of recomputing.
    const other = await new ResultsStore(database.db, { computeMissing: false }).current();
    expect(other.version.id).toBe(version.id);
    expect((await other.gaps('baseline', 'all')).length).toBe((await a.gaps('baseline', 'VN')).length);
  });

  it('recomputes results another model computed (an upgrade), dropping what that model stored', async () => {
    const current = (await getCurrentVersion(database.db))!;
    expect(current.resultsModel).toBe(modelFingerprint());
    // As if an older build of the model had stored them, with a chunk the running model never writes.
    await database.db.update(datasetVersions).set({ resultsModel: 'older-model' }).where(eq(datasetVersions.id, current.id));
    await database.db.insert(results).values({ datasetVersionId: current.id, kind: 'retired', scenario: 'baseline', key: 'VN', data: '', items: 0 });
    let runs = 0;
    const counting = { compute: async (db: Db, id: number) => (runs++, computeResults(db, id)) };
    const snap = await new ResultsStore(database.db, counting).current();
    expect(runs).toBe(1);
    expect(snap.version.resultsModel).toBe(modelFingerprint());
    const retired = await database.db
      .select()
      .from(results)
      .where(and(eq(results.datasetVersionId, current.id), eq(results.kind, 'retired')));
    expect(retired).toHaveLength(0);
    expect(snap.forecastCells('baseline')).toBeGreaterThan(10);
    // Results of the running model are read, not recomputed.
    await new ResultsStore(database.db, counting).current();
    expect(runs).toBe(1);
  });

  it('keeps serving its snapshot until the recheck interval passes or it is invalidated', async () => {
    const store = new ResultsStore(database.db, { recheckMs: 60_000 });
    const first = await store.current();
    const { version } = await ingestObservations(database.db, fixtureRows({ scale: 1.1 }), { label: 'v2', kind: 'upload' });
    await computeResults(database.db, version.id);
    expect((await store.current()).version.id).toBe(first.version.id);
    store.invalidate();
    expect((await store.current()).version.id).toBe(version.id);
  });

  it('keeps answering from the served version while a newer one is prepared, then swaps it in', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const store = new ResultsStore(database.db, {
      recheckMs: 10,
      maxStaleMs: 60_000,
      compute: async (db, id) => {
        await gate;
        return computeResults(db, id);
      },
    });
    const first = await store.current();
    await first.forecast('baseline', { indicator: 'employment', region: 'VN', sector: 'C', qualification: 'ALL' });
    const { version } = await ingestObservations(database.db, fixtureRows({ scale: 1.15 }), { label: 'next', kind: 'upload' });
    await new Promise((r) => setTimeout(r, 20));
    // The new version's model run is held: readers are not held with it.
    for (let i = 0; i < 3; i++) {
      expect((await store.current()).version.id).toBe(first.version.id);
      await new Promise((r) => setTimeout(r, 15));
    }
    release();
    const deadline = Date.now() + 20_000;
    let served = await store.current();
    while (served.version.id !== version.id && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
      served = await store.current();
    }
    expect(served.version.id).toBe(version.id);
    expect(await served.forecast('baseline', { indicator: 'employment', region: 'VN', sector: 'C', qualification: 'ALL' })).toMatchObject({ sector: 'C' });
  });

  it('after invalidate() every reader waits for the announced version, even while another caller loads it', async () => {
    const store = new ResultsStore(database.db, { recheckMs: 60_000, maxStaleMs: 120_000 });
    const first = await store.current();
    const { version } = await ingestObservations(database.db, fixtureRows({ scale: 1.2 }), { label: 'announced', kind: 'upload' });
    store.invalidate(); // NOTIFY, or this instance's own upload
    const announcer = store.current(); // the NOTIFY handler: reads the pointer and loads the new version
    await store.pointer(); // the pointer now says the new version; its snapshot is still loading
    expect(store.freshVersionId()).toBeUndefined(); // the fast path must not replay the old version's answers
    const reader = await store.current(); // a client that saw the upload succeed
    expect(reader.version.id).toBe(version.id);
    expect((await announcer).version.id).toBe(version.id);
    expect(first.version.id).not.toBe(version.id);
  });

  it('does not hide a failed version check: past maxStaleMs the next request sees the error', async () => {
    let down = false;
    const readVersion = async (db: Db) => {
      if (down) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
      return getCurrentVersion(db);
    };
    const store = new ResultsStore(database.db, { recheckMs: 10, maxStaleMs: 60_000, computeMissing: false, readVersion });
    const first = await store.current();
    down = true;
    await new Promise((r) => setTimeout(r, 15));
    // Within maxStaleMs this request keeps the snapshot while the check runs in the background …
    expect((await store.current()).version.id).toBe(first.version.id);
    await new Promise((r) => setTimeout(r, 5));
    // … which failed, so the next one waits for a new check and gets the error.
    await expect(store.current()).rejects.toThrow(/ECONNREFUSED/);
    await expect(store.pointer()).rejects.toThrow(/ECONNREFUSED/);
    down = false;
    expect((await store.current()).version.id).toBe(first.version.id);
  });

  it('once results are computed, the version pointer says so too, even without polling (PGlite)', async () => {
    const { version } = await ingestObservations(database.db, fixtureRows({ scale: 1.05 }), { label: 'ready', kind: 'upload' });
    const store = new ResultsStore(database.db, { recheckMs: Infinity });
    expect((await store.pointer())?.computedAt).toBeNull();
    expect((await store.current()).version.id).toBe(version.id);
    expect((await store.pointer())?.computedAt).not.toBeNull();
  });

  it('computes the same results in a worker thread as in process', async () => {
    const { version } = await ingestObservations(database.db, fixtureRows({ scale: 0.9 }), { label: 'worker', kind: 'upload' });
    const report = await computeResults(database.db, version.id, { worker: true });
    expect(report.inWorker).toBe(true);
    const viaWorker = await new ResultsStore(database.db, { computeMissing: false }).load(version.id);
    const cell = { indicator: 'employment', region: 'VN', sector: 'F', qualification: 'college' };
    const a = await viaWorker.forecast('baseline', cell);
    // The same model run in this thread gives the same figures.
    const inProcess = computeOutlook(await loadObservations(database.db, version.id), { dataVersion: String(version.id) });
    const b = inProcess.outlooks.baseline.forecasts.find((f) => f.sector === 'F' && f.qualification === 'college' && f.region === 'VN');
    expect(a?.forecast.mean).toEqual(b?.forecast.mean);
  });

  it('runs the system backtest in a worker thread as in process, and stores it once', async () => {
    const { version } = await ingestObservations(database.db, fixtureRows({ scale: 0.85 }), { label: 'backtest', kind: 'upload' });
    await computeResults(database.db, version.id);
    const snap = await new ResultsStore(database.db, { computeMissing: false }).load(version.id);
    expect(await snap.systemBacktest()).toBeUndefined();
    await computeSystemBacktest(database.db, version.id, { worker: true });
    await computeSystemBacktest(database.db, version.id);
    const rows = await database.db
      .select({ kind: results.kind })
      .from(results)
      .where(and(eq(results.datasetVersionId, version.id), eq(results.kind, 'system-backtest')));
    expect(rows).toHaveLength(1);
    // The fixture has no official national series to score: the worker's answer is the reason, as in process.
    const stored = await snap.systemBacktest();
    expect(stored).toEqual(runSystemBacktest(await loadObservations(database.db, version.id)));
    expect(stored).toMatchObject({ error: { code: 'NOT_ENOUGH_DATA' } });
  });

  it('retries a model run that outgrows LMO_COMPUTE_HEAP_MB without the limit, with the same results', async () => {
    const { version } = await ingestObservations(database.db, fixtureRows({ scale: 0.95 }), { label: 'heap', kind: 'upload' });
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (m: string) => {
      warnings.push(m);
    };
    try {
      const report = await computeResults(database.db, version.id, { worker: true, heapMb: 4 });
      expect(report.inWorker).toBe(true);
      expect(report.chunks).toBeGreaterThan(10);
    } finally {
      console.warn = warn;
    }
    expect(warnings.join(' ')).toMatch(/LMO_COMPUTE_HEAP_MB=4 MB.*retrying without the limit/);
    const snap = await new ResultsStore(database.db, { computeMissing: false }).load(version.id);
    const cell = { indicator: 'employment', region: 'VN', sector: 'F', qualification: 'college' };
    const inProcess = computeOutlook(await loadObservations(database.db, version.id), { dataVersion: String(version.id) });
    const expected = inProcess.outlooks.baseline.forecasts.find((f) => f.sector === 'F' && f.qualification === 'college' && f.region === 'VN');
    expect((await snap.forecast('baseline', cell))?.forecast.mean).toEqual(expected?.forecast.mean);
  });

  it('of several instances seeing a new version, one computes and the others read its results', async () => {
    const { version } = await ingestObservations(database.db, fixtureRows({ scale: 1.3 }), { label: 'shared', kind: 'upload' });
    // Three "instances": their own connections (PostgreSQL) sharing one database.
    const others = backend.name === 'postgres' ? await Promise.all([1, 2].map(() => openDatabase(config))) : [database, database];
    try {
      let runs = 0;
      const compute = async (db: Db, id: number) => {
        runs++;
        return computeResults(db, id);
      };
      const stores = [database, ...others].map((d) => new ResultsStore(d.db, { lock: d.withLock, compute }));
      const snaps = await Promise.all(stores.map((s) => s.current()));
      expect(snaps.map((x) => x.version.id)).toEqual([version.id, version.id, version.id]);
      expect(runs).toBe(1);
    } finally {
      if (backend.name === 'postgres') await Promise.all(others.map((d) => d.close()));
    }
  });

  it('does not rerun a failed model run on every request', async () => {
    await ingestObservations(database.db, fixtureRows({ scale: 1.4 }), { label: 'fails', kind: 'upload' });
    let runs = 0;
    const store = new ResultsStore(database.db, {
      recheckMs: 0,
      compute: async () => {
        runs++;
        throw new Error('model failed');
      },
    });
    await expect(store.current()).rejects.toThrow('model failed');
    await expect(store.current()).rejects.toThrow('model failed');
    expect(runs).toBe(1);
  });

  it('an instance that will not compute says the results are not ready', async () => {
    await ingestObservations(database.db, fixtureRows({ scale: 1.2 }), { label: 'v3', kind: 'upload' });
    const store = new ResultsStore(database.db, { computeMissing: false });
    await expect(store.current()).rejects.toMatchObject({ code: 'RESULTS_NOT_READY' });
  });
});
