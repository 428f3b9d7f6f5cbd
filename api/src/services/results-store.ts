/**
 * In-memory view of the stored results of the CURRENT dataset version, and the
 * read path's one freshness mechanism: the current-version pointer is re-read at
 * most every `recheckMs` (sooner after `invalidate()`: NOTIFY from another
 * PostgreSQL instance, or a local upload on PGlite), stale-while-revalidate
 * within `maxStaleMs`. Every instance keeps its own copy, so instances stay
 * stateless and agree. Small parts (summaries, targets) load eagerly; forecast
 * and gap chunks (one per scenario and region) load on first use into the read
 * path's one cache (read-cache.ts), which also holds meta, series and answers.
 * The pointer is read in results-pointer.ts; a snapshot is read in
 * results-snapshot.ts, and loaded (its results computed first if needed) in
 * results-loader.ts. This module decides which snapshot is served, and when the
 * next one is swapped in.
 */
import type { Db } from '../db/client';
import type { ChunkKind } from './compute';
import { requirePresent, type VersionInfo } from './dataset-versions';
import { ReadCache } from './read-cache';
import { SnapshotLoader, type SnapshotLoadOptions } from './results-loader';
import { PointerReader, type PointerReadOptions } from './results-pointer';
import type { Snapshot } from './results-snapshot';

// The store hands out snapshots: the routes name their type from here.
export type { Snapshot } from './results-snapshot';

/** How a ResultsStore is set up; its pointer reads and snapshot loads take PointerReadOptions and SnapshotLoadOptions. */
export interface ResultsStoreOptions extends PointerReadOptions, SnapshotLoadOptions {
  /** The read path's cache (default: one of DATA_CACHE_BYTES); decoded chunks go there. */
  cache?: ReadCache;
  /** Milliseconds on a monotonic clock (default performance.now; tests advance their own). */
  now?: () => number;
}

// Decoded chunks of the outgoing version loaded for the incoming one before it is served,
// within a time budget so another instance's upload is still served within a second.
const WARM_CHUNKS = 32;
const WARM_BUDGET_MS = 250;

/** Per-instance cache of the current version's stored results (see the module comment). */
export class ResultsStore {
  private snapshot?: Snapshot;
  /**
   * Set by invalidate() until the next snapshot is served: a version announced (NOTIFY) or written
   * here is waited for by every reader, so a client that has seen its upload succeed reads it back.
   */
  private swapAwaited = false;
  /** The version being prepared to replace the served one, if any. */
  private target?: number;
  /** Loads snapshots, computing missing results first. */
  private readonly loader: SnapshotLoader;
  /** Reads of the current-version pointer, and how fresh the last one is. */
  private readonly reader: PointerReader;
  /** The configured poll interval (Infinity on PGlite); health checks the database this often. */
  readonly pollMs: number;
  private readonly now: () => number;

  /** The read path's one cache (decoded chunks here; meta, series and answers in the routes). */
  readonly cache: ReadCache;

  constructor(db: Db, options: ResultsStoreOptions = {}) {
    this.cache = options.cache ?? new ReadCache();
    this.now = options.now ?? (() => performance.now());
    this.reader = new PointerReader(db, this.now, (row) => this.onPointerRead(row), options);
    this.pollMs = this.reader.pollMs;
    this.loader = new SnapshotLoader(db, this.cache, this.now, options);
  }

  /** Resolves once the background work this instance started (system backtests) has ended (tests wait for it). */
  settled(): Promise<void> {
    return this.loader.settled();
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
  pointer(maxAgeMs?: number): Promise<VersionInfo | null> {
    return this.reader.check(maxAgeMs).then((r) => r.row);
  }

  /**
   * Whether `NOTIFY lmo_version` currently reaches this instance. While it does, a new version
   * arrives by invalidate() and polling is only a safety net every LISTENING_RECHECK_MS; when the
   * LISTEN connection is lost, polling every `pollMs` takes over again.
   */
  setListening(listening: boolean): void {
    this.reader.setListening(listening);
  }

  /** A pointer read (see PointerReader): a newer version than the served one is prepared. */
  private onPointerRead(row: VersionInfo | null): void {
    const served = this.snapshot;
    if (!row || !served) return;
    if (sameVersion(served.version, row)) this.target = undefined;
    else this.prepare(served, row.id);
  }

  /** Loads `versionId` in the background while `served` is still answered, then swaps it in. */
  private prepare(served: Snapshot, versionId: number): void {
    this.target = versionId;
    if (this.loader.loading(versionId)) return;
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
    const row = this.reader.fresh();
    // A pointer already at a newer version than the snapshot: that version is being loaded, not served yet.
    const served = this.snapshot && row && row.id === this.snapshot.version.id;
    return served ? this.snapshot!.version.id : undefined;
  }

  /** Forgets the pointer (NOTIFY from another instance, a local ingest or revert): the next caller waits for a fresh read. */
  invalidate(): void {
    this.reader.invalidate();
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
    const { row, waited } = await this.reader.check();
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
    this.reader.adopt(next.version);
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
    return this.loader.load(versionId);
  }
}

/** The same version in the same state (a version's row changes once, when its results are computed). */
const sameVersion = (a: VersionInfo, b: VersionInfo) => a.id === b.id && a.computedAt === b.computedAt;
