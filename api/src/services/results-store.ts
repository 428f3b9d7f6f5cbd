/**
 * In-memory view of the stored results of the CURRENT dataset version, and the
 * read path's one freshness mechanism: the current-version pointer is re-read at
 * most every `recheckMs` (sooner after `invalidate()`: NOTIFY from another
 * PostgreSQL instance, or a local upload on PGlite), stale-while-revalidate
 * within `maxStaleMs`. Every instance keeps its own copy, so instances stay
 * stateless and agree. Small parts (summaries, targets) load eagerly; forecast
 * and gap chunks (one per scenario and region) load on first use into the read
 * path's one cache (read-cache.ts), which also holds meta, series and answers.
 */
import { and, eq, sql } from 'drizzle-orm';
import { BASELINE_SCENARIO } from '@lmo/models';
import type { Db } from '../db/client';
import { results } from '../db/schema';
import { isDatabaseUnavailable } from '../db/unavailable';
import { DomainError } from '../domain-error';
import {
  computeResults,
  forecastKey,
  unpackChunk,
  type CellForecast,
  type ChunkKind,
  type GapRow,
  type OutlookSummary,
  type SetSummary,
  type TargetPath,
} from './compute';
import { getCurrentVersion, getVersion, requirePresent, type VersionInfo } from './dataset-versions';
import type { RawChunk } from './scenario-run';
import { ReadCache } from './read-cache';
import { UserChunks } from './user-chunks';

/** Everything the read routes need for one version. */
export interface Snapshot {
  version: VersionInfo;
  summary: SetSummary;
  outlooks: Map<string, OutlookSummary>;
  targets: Map<string, TargetPath[]>;
  /** One cell's forecast in `scenario`, or undefined when the data have no such cell. */
  forecast(scenario: string, cell: { indicator: string; region: string; sector: string; qualification: string }): Promise<CellForecast | undefined>;
  /** Gap rows of `scenario` for one region or `all`, every horizon. */
  gaps(scenario: string, region: string): Promise<GapRow[]>;
  /** Number of forecast cells in a scenario (for messages). */
  forecastCells(scenario: string): number;
  /** Decodes one forecasts or gaps chunk into the cache ahead of use (a no-op for chunks the version lacks). */
  preload(kind: ChunkKind, scenario: string, key: string): Promise<void>;
  /**
   * Serves a planner's scenario computed on this version (scenario-service.ts): its chunks stay
   * in memory as columns (user-chunks.ts), the `maxUserScenarios` most recently added per snapshot.
   */
  addScenario(id: string, chunks: readonly RawChunk[]): void;
}

/** The safety-net poll while NOTIFY is heard: a notice lost between two LISTEN connections is caught this late. */
export const LISTENING_RECHECK_MS = 30_000;

export interface ResultsStoreOptions {
  /** How long a version check stays fresh. 0 checks on every request. */
  recheckMs?: number;
  /**
   * While a re-check runs, readers keep the snapshot they had for at most this
   * long after the last successful check (default 2 × recheckMs); past it they
   * wait, and see an outage as a 503.
   */
  maxStaleMs?: number;
  /** Compute missing results on demand (true for servers; a version committed by a crashed upload gets its results). */
  computeMissing?: boolean;
  /** The read path's cache (default: one of DATA_CACHE_BYTES); decoded chunks go there. */
  cache?: ReadCache;
  /** Milliseconds on a monotonic clock (default performance.now; tests advance their own). */
  now?: () => number;
  /** Planners' scenarios kept in memory per snapshot (older ones are recomputed on their next read). */
  maxUserScenarios?: number;
  /**
   * Cross-instance lock (Database.withLock) so that, of several instances seeing a
   * new version at once, one computes and the others wait for its stored results.
   */
  lock?: <T>(key: number, fn: () => Promise<T>) => Promise<T>;
  /** How the current version pointer is read (default getCurrentVersion; tests simulate outages with it). */
  readVersion?: (db: Db) => Promise<VersionInfo | null>;
  /** How results are computed (default computeResults; tests wrap it to count runs). */
  compute?: (db: Db, versionId: number) => Promise<unknown>;
}

const RETRY_FAILED_MS = 60_000;
// Decoded chunks of the outgoing version loaded for the incoming one before it is served,
// within a time budget so another instance's upload is still served within a second.
const WARM_CHUNKS = 32;
const WARM_BUDGET_MS = 250;

// Estimated decoded size per item of a chunk (a forecast cell carries history, intervals and models), for the cache's budget.
const ITEM_BYTES: Record<string, number> = { forecasts: 4096, gaps: 512 };

// Advisory-lock keys for computing a version: a fixed high range, away from the startup lock.
const computeLockKey = (versionId: number) => 1_000_000_000 + versionId;

/** `kind|scenario` → chunk key → items in it. */
type ChunkIndex = Map<string, Map<string, number>>;

/** Per-instance cache of the current version's stored results (see the module comment). */
export class ResultsStore {
  private snapshot?: Snapshot;
  /** The last pointer read and when it was made (undefined: never, invalidated or failed). */
  private pointerRead?: { row: VersionInfo | null; at: number };
  private reading?: Promise<VersionInfo | null>;
  /**
   * Set by invalidate() until the next snapshot is served: a version announced (NOTIFY) or written
   * here is waited for by every reader, so a client that has seen its upload succeed reads it back.
   */
  private swapAwaited = false;
  /** Bumped by invalidate(): a read started before it must not count as fresh after it. */
  private epoch = 0;
  /** The version being prepared to replace the served one, if any. */
  private target?: number;
  private readonly building = new Map<number, Promise<Snapshot>>();
  private readonly failures = new Map<number, { error: unknown; at: number }>();
  /** The configured poll interval (Infinity on PGlite); health checks the database this often. */
  readonly pollMs: number;
  /** How long a pointer read stays fresh now: pollMs, or longer while NOTIFY is heard (setListening). */
  private recheckMs: number;
  private readonly maxStaleMs: number;
  private readonly computeMissing: boolean;
  private readonly maxUserScenarios: number;
  private readonly lock: NonNullable<ResultsStoreOptions['lock']>;
  private readonly compute: NonNullable<ResultsStoreOptions['compute']>;
  private readonly readVersion: NonNullable<ResultsStoreOptions['readVersion']>;
  private readonly now: () => number;

  /** The read path's one cache (decoded chunks here; meta, series and answers in the routes). */
  readonly cache: ReadCache;

  constructor(
    private readonly db: Db,
    options: ResultsStoreOptions = {},
  ) {
    this.pollMs = options.recheckMs ?? 1000;
    this.recheckMs = this.pollMs;
    this.maxStaleMs = options.maxStaleMs ?? 2 * this.pollMs;
    this.readVersion = options.readVersion ?? getCurrentVersion;
    this.cache = options.cache ?? new ReadCache();
    this.now = options.now ?? (() => performance.now());
    this.computeMissing = options.computeMissing ?? true;
    this.maxUserScenarios = options.maxUserScenarios ?? 4;
    this.lock = options.lock ?? ((_key, fn) => fn());
    this.compute = options.compute ?? ((db, id) => computeResults(db, id));
  }

  /** The snapshot already in memory (maybe of an older version), without waiting or querying. */
  peek(): Snapshot | undefined {
    return this.snapshot;
  }

  /**
   * The current-version pointer (null before any data exists), re-read at most every
   * `recheckMs`; never waits for results. While a re-read is in flight, callers keep the
   * last answer for up to `maxStaleMs` after it was read (a busy database must not make
   * every reader wait). A failed re-read is not hidden: the next caller waits and sees it.
   */
  pointer(maxAgeMs = this.recheckMs): Promise<VersionInfo | null> {
    return this.checkPointer(maxAgeMs).then((r) => r.row);
  }

  /**
   * Whether `NOTIFY lmo_version` currently reaches this instance. While it does, a new version
   * arrives by invalidate() and polling is only a safety net every LISTENING_RECHECK_MS; when the
   * LISTEN connection is lost, polling every `pollMs` takes over again.
   */
  setListening(listening: boolean): void {
    this.recheckMs = listening ? Math.max(this.pollMs, LISTENING_RECHECK_MS) : this.pollMs;
  }

  /** pointer(), saying whether this caller waited for a fresh read (`waited`) or got a remembered one. */
  private async checkPointer(maxAgeMs = this.recheckMs): Promise<{ row: VersionInfo | null; waited: boolean }> {
    const known = this.pointerRead;
    const age = known ? this.now() - known.at : Infinity;
    if (known && age < maxAgeMs) return { row: known.row, waited: false };
    // One read at a time; concurrent callers share it.
    if (!this.reading) {
      const reading = this.readPointer().finally(() => {
        if (this.reading === reading) this.reading = undefined;
      });
      this.reading = reading;
    }
    // While listening, reads are rare: a reader may keep the last answer for two safety-net periods.
    const staleMs = maxAgeMs > this.pollMs ? 2 * maxAgeMs : this.maxStaleMs;
    if (known && age < staleMs) {
      this.reading.catch(() => {}); // its error reaches the next caller, not this one
      return { row: known.row, waited: false };
    }
    return { row: await this.reading, waited: true };
  }

  private async readPointer(): Promise<VersionInfo | null> {
    const epoch = this.epoch;
    let row: VersionInfo | null;
    try {
      row = await this.readVersion(this.db);
    } catch (error) {
      if (epoch === this.epoch) this.pointerRead = undefined;
      throw error;
    }
    // Invalidated while reading: this answer may predate the change, so it is not remembered.
    if (epoch !== this.epoch) return row;
    this.pointerRead = { row, at: this.now() };
    const served = this.snapshot;
    if (!row || !served) return row;
    if (sameVersion(served.version, row)) this.target = undefined;
    else this.prepare(served, row.id);
    return row;
  }

  /** Loads `versionId` in the background while `served` is still answered, then swaps it in. */
  private prepare(served: Snapshot, versionId: number): void {
    this.target = versionId;
    if (this.building.has(versionId)) return;
    void this.load(versionId)
      .then(async (next) => {
        await this.warm(served, next);
        if (this.target === versionId) this.serve(next);
      })
      .catch(() => {
        /* load() remembers model failures; the served snapshot stays */
      });
  }

  /**
   * The version this instance answers from: the served snapshot's once results
   * are loaded (so every route agrees while a newer one is prepared), with that
   * snapshot; before that the current pointer. Null before any data exists.
   */
  async served(): Promise<{ info: VersionInfo | null; snapshot?: Snapshot }> {
    if (!this.snapshot) return { info: await this.pointer() };
    const snapshot = await this.current();
    return { info: snapshot.version, snapshot };
  }

  /** The served version's id if the pointer was read within `recheckMs` (answerable without asking), else undefined. */
  freshVersionId(): number | undefined {
    const read = this.pointerRead;
    // A pointer already at a newer version than the snapshot: that version is being loaded, not served yet.
    const served = this.snapshot && read && read.row?.id === this.snapshot.version.id && this.now() - read.at < this.recheckMs;
    return served ? this.snapshot!.version.id : undefined;
  }

  /** Forgets the pointer (NOTIFY from another instance, a local ingest or revert): the next caller waits for a fresh read. */
  invalidate(): void {
    this.pointerRead = undefined;
    // A read already in flight may have started before the change: the next caller starts its own.
    this.reading = undefined;
    this.epoch++;
    this.swapAwaited = true;
  }

  /**
   * The snapshot to answer from: the current pointer's (see pointer()). A newer
   * version found by a background read is prepared (and its hot chunks loaded)
   * while the old one is still served, then swapped in; a caller that waited for
   * the read (first call, after `invalidate()`, past `maxStaleMs`) waits for the
   * new snapshot too. Throws a 503 problem when nothing is loaded yet.
   */
  async current(): Promise<Snapshot> {
    const { row, waited } = await this.checkPointer();
    const version = requirePresent(row);
    const served = this.snapshot;
    if (served && sameVersion(served.version, version)) {
      this.swapAwaited = false;
      return served;
    }
    if (served && !waited && !this.swapAwaited) return served;
    this.target = version.id;
    const next = await this.load(version.id);
    if (this.target === version.id || !this.snapshot) this.serve(next);
    return this.snapshot!;
  }

  /**
   * Starts answering from `next`: the cache drops other versions, and the pointer takes
   * its row (it may hold this version from before its results were computed: health's
   * `ready`; with PGlite it is never re-read on its own).
   */
  private serve(next: Snapshot): void {
    this.snapshot = next;
    this.swapAwaited = false;
    this.target = undefined;
    this.cache.serving(next.version.id);
    if (this.pointerRead?.row?.id === next.version.id) this.pointerRead = { row: next.version, at: this.pointerRead.at };
  }

  /** Loads into `next`, one at a time, the chunks most recently read from `prev`. */
  private async warm(prev: Snapshot, next: Snapshot): Promise<void> {
    const hot = this.cache.keys(prev.version.id, 'chunk|').slice(-WARM_CHUNKS).reverse();
    const end = this.now() + WARM_BUDGET_MS;
    for (const id of hot) {
      if (this.now() > end) break;
      const [, kind, scenario, key] = id.split('|');
      // One at a time, so requests are served between the decodes.
      await next.preload(kind as ChunkKind, scenario, key).catch(() => {});
    }
  }

  /** Builds (computing first if needed) the snapshot of `versionId`; concurrent calls share the work. */
  load(versionId: number): Promise<Snapshot> {
    const failed = this.failures.get(versionId);
    // A version whose model run failed is not retried on every request; once a minute is enough.
    if (failed && this.now() - failed.at < RETRY_FAILED_MS) return Promise.reject(failed.error);
    let pending = this.building.get(versionId);
    if (!pending) {
      pending = this.build(versionId)
        .then((snap) => {
          this.failures.delete(versionId);
          return snap;
        })
        .catch((error: unknown) => {
          // Only model failures are remembered; an outage or a "not ready" answer may clear any moment.
          if (!(error instanceof DomainError) && !isDatabaseUnavailable(error)) this.failures.set(versionId, { error, at: this.now() });
          throw error;
        })
        .finally(() => this.building.delete(versionId));
      this.building.set(versionId, pending);
    }
    return pending;
  }

  private async build(versionId: number): Promise<Snapshot> {
    let version = await getVersion(this.db, versionId);
    if (!version) throw new Error(`Dataset version ${versionId} does not exist`);
    if (!version.computedAt) {
      if (!this.computeMissing) {
        throw new DomainError('RESULTS_NOT_READY', `Results for dataset version ${versionId} are still being computed.`);
      }
      await this.lock(computeLockKey(versionId), async () => {
        // Another instance may have finished while we waited for the lock.
        if (!(await getVersion(this.db, versionId))?.computedAt) await this.compute(this.db, versionId);
      });
      version = (await getVersion(this.db, versionId))!;
    }
    // One query: where every chunk is (the index), with the data of the small ones, which load now;
    // forecast and gap chunks stay in the database until first read (chunk()).
    const listing = await this.db
      .select({
        kind: results.kind,
        scenario: results.scenario,
        key: results.key,
        items: results.items,
        data: sql<string | null>`case when ${results.kind} in ('set', 'outlook', 'targets') then ${results.data} end`,
      })
      .from(results)
      .where(eq(results.datasetVersionId, versionId));
    const index: ChunkIndex = new Map();
    let summary: SetSummary = { baseYear: 0, horizon: 0, scenarios: [], timingMs: {} };
    const outlooks = new Map<string, OutlookSummary>();
    const targets = new Map<string, TargetPath[]>();
    for (const r of listing) {
      const id = `${r.kind}|${r.scenario}`;
      if (!index.has(id)) index.set(id, new Map());
      index.get(id)!.set(r.key, r.items);
      if (r.data === null) continue;
      const value = await unpackChunk<never>(r.data);
      if (r.kind === 'set') summary = value;
      else if (r.kind === 'outlook') outlooks.set(r.scenario, value);
      else targets.set(r.scenario, value);
    }
    const has = (kind: ChunkKind, scenario: string, key: string) => index.get(`${kind}|${scenario}`)?.has(key) ?? false;
    const user = new UserChunks();
    const byKey = (list: CellForecast[]) => new Map(list.map((f) => [forecastKey(f), f]));
    const forecasts = (scenario: string, region: string): Promise<Map<string, CellForecast>> =>
      this.chunk(versionId, 'forecasts', scenario, region, byKey, user, (list: CellForecast[]) => withBaselineHistory(region, list));
    // A planner's scenario holds no history (scenario-run.ts): the past is the baseline's.
    const withBaselineHistory = async (region: string, list: CellForecast[]) => {
      const base = has('forecasts', BASELINE_SCENARIO, region) ? await forecasts(BASELINE_SCENARIO, region) : undefined;
      for (const f of list) f.history ??= base?.get(forecastKey(f))?.history ?? [];
      return list;
    };
    const gaps = (scenario: string, region: string) => this.chunk(versionId, 'gaps', scenario, region, (list: GapRow[]) => list, user);
    const dropScenario = (id: string) => {
      outlooks.delete(id);
      targets.delete(id);
      for (const kind of ['forecasts', 'gaps'] as const) {
        for (const key of index.get(`${kind}|${id}`)?.keys() ?? []) this.cache.delete(versionId, `chunk|${kind}|${id}|${key}`);
        index.delete(`${kind}|${id}`);
      }
      user.drop(id);
    };
    return {
      version,
      summary,
      outlooks,
      targets,
      addScenario: (id, chunks) => {
        if (outlooks.has(id)) return;
        for (const c of chunks) {
          if ('json' in c) (c.kind === 'outlook' ? outlooks : targets).set(id, JSON.parse(c.json));
          else {
            if (!index.has(`${c.kind}|${id}`)) index.set(`${c.kind}|${id}`, new Map());
            index.get(`${c.kind}|${id}`)!.set(c.key, c.items);
            user.add(id, c);
          }
        }
        for (const old of user.over(this.maxUserScenarios)) dropScenario(old);
      },
      forecast: async (scenario, cell) => {
        if (!has('forecasts', scenario, cell.region)) return undefined;
        return (await forecasts(scenario, cell.region)).get(forecastKey(cell));
      },
      gaps: async (scenario, region) => {
        const keys = [...(index.get(`gaps|${scenario}`)?.keys() ?? [])].filter((k) => region === 'all' || k === region);
        const lists = await Promise.all(keys.map((k) => gaps(scenario, k)));
        return lists.flat();
      },
      forecastCells: (scenario) => [...(index.get(`forecasts|${scenario}`)?.values() ?? [])].reduce((n, items) => n + items, 0),
      preload: async (kind, scenario, key) => {
        if (!has(kind, scenario, key)) return;
        if (kind === 'forecasts') await forecasts(scenario, key);
        else if (kind === 'gaps') await gaps(scenario, key);
      },
    };
  }

  /** A decoded chunk through the read cache; concurrent misses share one read. */
  private chunk<T, R>(
    versionId: number,
    kind: ChunkKind,
    scenario: string,
    key: string,
    shape: (value: T[]) => R,
    user?: UserChunks,
    complete?: (held: T[]) => Promise<T[]>,
  ): Promise<R> {
    const read = async () => {
      const mine = user?.get<T>(scenario, kind, key);
      if (mine) return shape(complete ? await complete(mine) : mine);
      const [row] = await this.db
        .select({ data: results.data })
        .from(results)
        .where(and(eq(results.datasetVersionId, versionId), eq(results.kind, kind), eq(results.scenario, scenario), eq(results.key, key)));
      if (!row) throw new Error(`Missing results chunk ${versionId}|${kind}|${scenario}|${key}`);
      return shape(await unpackChunk<T[]>(row.data));
    };
    const items = (v: R) => (v instanceof Map ? v.size : Array.isArray(v) ? v.length : 1);
    return this.cache.load(versionId, `chunk|${kind}|${scenario}|${key}`, read, (v) => items(v) * (ITEM_BYTES[kind] ?? 1024));
  }
}

/** The same version in the same state (a version's row changes once, when its results are computed). */
const sameVersion = (a: VersionInfo, b: VersionInfo) => a.id === b.id && a.computedAt === b.computedAt;
