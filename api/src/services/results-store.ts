/**
 * In-memory view of the stored results of the CURRENT dataset version. Every
 * API instance keeps its own copy keyed by version id and re-checks the current
 * version at most every `recheckMs`, so instances stay stateless and agree.
 * Small parts (summaries, targets) load eagerly; forecast and gap chunks (one
 * per scenario and region) load on first use and stay in a bounded LRU cache.
 */
import { and, eq, sql } from 'drizzle-orm';
import { BASELINE_SCENARIO } from '@lmo/models';
import type { Db } from '../db/client';
import { results } from '../db/schema';
import { isDatabaseUnavailable } from '../db/unavailable';
import { DomainError } from '../domain-error';
import {
  computeResults, forecastKey, unpackChunk, type CellForecast, type ChunkKind, type GapRow, type OutlookSummary, type SetSummary, type TargetPath,
} from './compute';
import { getCurrentVersion, getVersion, requirePresent, type VersionInfo } from './dataset-versions';
import type { RawChunk } from './scenario-run';
import { UserChunks } from './user-chunks';
import { VersionMemo } from './version-memo';

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
  /** Decoded forecast/gap chunks kept in memory (one per scenario and region). */
  maxChunks?: number;
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

// Advisory-lock keys for computing a version: a fixed high range, away from the startup lock.
const computeLockKey = (versionId: number) => 1_000_000_000 + versionId;

/** `kind|scenario` → chunk key → items in it. */
type ChunkIndex = Map<string, Map<string, number>>;

/** Per-instance cache of the current version's stored results (see the module comment). */
export class ResultsStore {
  private snapshot?: Snapshot;
  private checkedAt = -Infinity;
  private checking?: Promise<Snapshot>;
  /** The version being prepared to replace the served one, if any. */
  private target?: number;
  private readonly building = new Map<number, Promise<Snapshot>>();
  private readonly failures = new Map<number, { error: unknown; at: number }>();
  private readonly chunks = new Map<string, Promise<unknown>>();
  private readonly recheckMs: number;
  private readonly maxStaleMs: number;
  private readonly computeMissing: boolean;
  private readonly maxChunks: number;
  private readonly maxUserScenarios: number;
  private readonly lock: NonNullable<ResultsStoreOptions['lock']>;
  private readonly compute: NonNullable<ResultsStoreOptions['compute']>;
  private readonly readVersion: NonNullable<ResultsStoreOptions['readVersion']>;

  /** Per-version answers that do not need the results (meta, series). */
  readonly memo: VersionMemo;

  constructor(private readonly db: Db, options: ResultsStoreOptions = {}) {
    this.recheckMs = options.recheckMs ?? 1000;
    this.maxStaleMs = options.maxStaleMs ?? 2 * this.recheckMs;
    this.readVersion = options.readVersion ?? getCurrentVersion;
    this.memo = new VersionMemo(db, this.recheckMs, { maxStaleMs: this.maxStaleMs, read: this.readVersion });
    this.computeMissing = options.computeMissing ?? true;
    this.maxChunks = options.maxChunks ?? 256;
    this.maxUserScenarios = options.maxUserScenarios ?? 4;
    this.lock = options.lock ?? ((_key, fn) => fn());
    this.compute = options.compute ?? ((db, id) => computeResults(db, id));
  }

  /** The snapshot already in memory (maybe of an older version), without waiting or querying. */
  peek(): Snapshot | undefined {
    return this.snapshot;
  }

  /**
   * The version this instance answers from: the served snapshot's once results
   * are loaded (so every route agrees while a newer one is prepared), before
   * that the current pointer. Null before any data exists.
   */
  async servedVersion(): Promise<VersionInfo | null> {
    return this.snapshot ? (await this.current()).version : this.memo.current();
  }

  /** servedVersion(), or a 503 problem when nothing has been loaded yet. */
  async requireServedVersion(): Promise<VersionInfo> {
    return requirePresent(await this.servedVersion());
  }

  /** The served version's id if it was confirmed within `recheckMs` (answerable without asking), else undefined. */
  freshVersionId(): number | undefined {
    return this.snapshot && performance.now() - this.checkedAt < this.recheckMs ? this.snapshot.version.id : undefined;
  }

  /** Forgets the freshness of the cached version (call after a local ingest or revert). */
  invalidate(): void {
    this.checkedAt = -Infinity;
    this.memo.invalidate();
  }

  /**
   * The snapshot to answer from: the current version's, re-checked at most every
   * `recheckMs` in the background (see `maxStaleMs`). A newer version found by a
   * background check is prepared (and its hot chunks loaded) while the old one
   * is still served, then swapped in; after `invalidate()` the next call waits
   * for it. Throws a 503 problem when nothing is loaded yet.
   */
  async current(): Promise<Snapshot> {
    const snap = this.snapshot;
    const age = performance.now() - this.checkedAt;
    if (snap && age < this.recheckMs) return snap;
    // Past maxStaleMs (or after invalidate() or a failed check) the caller waits, for the newest version too.
    const stale = !(snap && age < this.maxStaleMs);
    // One version check at a time; concurrent requests share it.
    this.checking ??= this.refresh(stale).finally(() => { this.checking = undefined; });
    if (!stale) {
      this.checking.catch(() => {}); // a failure reaches the next request, which waits
      return snap!;
    }
    return this.checking;
  }

  /** Re-reads the current version; `wait`: swap a newer one in before answering instead of in the background. */
  private async refresh(wait: boolean): Promise<Snapshot> {
    let version: VersionInfo;
    try {
      const row = await this.readVersion(this.db);
      // One read serves both: the memo (health, meta, series) need not ask again.
      this.memo.record(row);
      version = requirePresent(row);
    } catch (error) {
      this.checkedAt = -Infinity;
      this.memo.invalidate(); // nor is the failure hidden from the memo's readers
      throw error;
    }
    const served = this.snapshot;
    if (served && served.version.id === version.id && served.version.computedAt === version.computedAt) {
      this.target = undefined;
      this.checkedAt = performance.now();
      return served;
    }
    this.target = version.id;
    if (!served || wait) {
      const next = await this.load(version.id);
      if (this.target === version.id) this.serve(next);
      this.checkedAt = performance.now();
      return this.snapshot!;
    }
    // The database answered: the served snapshot stays valid while the next one is prepared.
    this.checkedAt = performance.now();
    if (!this.building.has(version.id)) {
      void this.load(version.id)
        .then(async (next) => {
          await this.warm(served, next);
          if (this.target === version.id) this.serve(next);
        })
        .catch(() => { /* load() remembers model failures; the served snapshot stays */ });
    }
    return served;
  }

  /**
   * Starts answering from `next`. The memo takes its version row too: it may hold
   * this version from before its results were computed (health's `ready`), and
   * with PGlite it is never re-read on its own.
   */
  private serve(next: Snapshot): void {
    this.snapshot = next;
    this.memo.update(next.version);
  }

  /** Loads into `next`, one at a time, the chunks most recently read from `prev`. */
  private async warm(prev: Snapshot, next: Snapshot): Promise<void> {
    const prefix = `${prev.version.id}|`;
    const hot = [...this.chunks.keys()].filter((k) => k.startsWith(prefix)).slice(-WARM_CHUNKS).reverse();
    const end = performance.now() + WARM_BUDGET_MS;
    for (const id of hot) {
      if (performance.now() > end) break;
      const [, kind, scenario, key] = id.split('|');
      // One at a time, so requests are served between the decodes.
      await next.preload(kind as ChunkKind, scenario, key).catch(() => {});
    }
  }

  /** Builds (computing first if needed) the snapshot of `versionId`; concurrent calls share the work. */
  load(versionId: number): Promise<Snapshot> {
    const failed = this.failures.get(versionId);
    // A version whose model run failed is not retried on every request; once a minute is enough.
    if (failed && performance.now() - failed.at < RETRY_FAILED_MS) return Promise.reject(failed.error);
    let pending = this.building.get(versionId);
    if (!pending) {
      pending = this.build(versionId)
        .then((snap) => { this.failures.delete(versionId); return snap; })
        .catch((error: unknown) => {
          // Only model failures are remembered; an outage or a "not ready" answer may clear any moment.
          if (!(error instanceof DomainError) && !isDatabaseUnavailable(error)) this.failures.set(versionId, { error, at: performance.now() });
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
    const listing = await this.db.select({ kind: results.kind, scenario: results.scenario, key: results.key, items: results.items })
      .from(results).where(eq(results.datasetVersionId, versionId));
    const index: ChunkIndex = new Map();
    for (const r of listing) {
      const id = `${r.kind}|${r.scenario}`;
      if (!index.has(id)) index.set(id, new Map());
      index.get(id)!.set(r.key, r.items);
    }
    const small = await this.db.select({ kind: results.kind, scenario: results.scenario, data: results.data }).from(results)
      .where(and(eq(results.datasetVersionId, versionId), sql`${results.kind} in ('set', 'outlook', 'targets')`));
    let summary: SetSummary = { baseYear: 0, horizon: 0, scenarios: [], timingMs: {} };
    const outlooks = new Map<string, OutlookSummary>();
    const targets = new Map<string, TargetPath[]>();
    for (const row of small) {
      const value = await unpackChunk<never>(row.data);
      if (row.kind === 'set') summary = value;
      else if (row.kind === 'outlook') outlooks.set(row.scenario, value);
      else targets.set(row.scenario, value);
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
        for (const key of index.get(`${kind}|${id}`)?.keys() ?? []) this.chunks.delete(`${versionId}|${kind}|${id}|${key}`);
        index.delete(`${kind}|${id}`);
      }
      user.drop(id);
    };
    return {
      version, summary, outlooks, targets,
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

  /** A decoded chunk through the LRU cache; concurrent misses share one read. */
  private chunk<T, R>(
    versionId: number, kind: ChunkKind, scenario: string, key: string, shape: (value: T[]) => R,
    user?: UserChunks, complete?: (held: T[]) => Promise<T[]>,
  ): Promise<R> {
    const id = `${versionId}|${kind}|${scenario}|${key}`;
    let pending = this.chunks.get(id) as Promise<R> | undefined;
    if (pending) {
      // Refresh recency: Map iteration order is insertion order.
      this.chunks.delete(id);
      this.chunks.set(id, pending);
      return pending;
    }
    pending = (async () => {
      const mine = user?.get<T>(scenario, kind, key);
      if (mine) return shape(complete ? await complete(mine) : mine);
      const [row] = await this.db.select({ data: results.data }).from(results).where(and(
        eq(results.datasetVersionId, versionId), eq(results.kind, kind), eq(results.scenario, scenario), eq(results.key, key),
      ));
      if (!row) throw new Error(`Missing results chunk ${id}`);
      return shape(await unpackChunk<T[]>(row.data));
    })();
    // A failed read must not stay cached.
    pending.catch(() => this.chunks.delete(id));
    this.chunks.set(id, pending);
    while (this.chunks.size > this.maxChunks) this.chunks.delete(this.chunks.keys().next().value!);
    return pending;
  }
}
