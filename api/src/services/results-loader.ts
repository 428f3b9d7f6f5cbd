/**
 * How the results store (results-store.ts) gets a version's snapshot: concurrent loads
 * share one, a version whose model run failed is not retried on every request, and a
 * version without results (a seed, or one committed by a crashed upload) or with results
 * another model computed (model-fingerprint.ts) has them computed first, under a
 * cross-instance lock so that one instance computes them. Instances sharing a database
 * must run the same model code, or each would recompute the other's results.
 */
import type { Db } from '../db/client';
import { isDatabaseUnavailable } from '../db/unavailable';
import { DomainError } from '../domain-error';
import { computeResults } from './compute';
import { discardResults, getVersion, hasResultsOf } from './dataset-versions';
import { modelFingerprint } from './model-fingerprint';
import type { ReadCache } from './read-cache';
import { readSnapshot, type Snapshot } from './results-snapshot';
import { artefactApplies } from './system-backtest';

/** The results store's options on loading snapshots (see ResultsStoreOptions). */
export interface SnapshotLoadOptions {
  /** Compute missing results on demand (true for servers; a version committed by a crashed upload gets its results). */
  computeMissing?: boolean;
  /** Planners' scenarios kept in memory per snapshot (older ones are recomputed on their next read). */
  maxUserScenarios?: number;
  /**
   * Cross-instance lock (Database.withLock) so that, of several instances seeing a
   * new version at once, one computes and the others wait for its stored results.
   */
  lock?: <T>(key: number, fn: () => Promise<T>) => Promise<T>;
  /** How results are computed (default computeResults; tests wrap it to count runs). */
  compute?: (db: Db, versionId: number) => Promise<unknown>;
  /** The model code results must have been computed by (default modelFingerprint(); tests change it). */
  model?: string;
  /**
   * Computes and stores a version's system backtest (computeSystemBacktest with the server's
   * options, when LMO_SYSTEM_BACKTEST is on). Absent: versions without one serve the seeds' artefact.
   */
  systemBacktest?: (db: Db, versionId: number) => Promise<unknown>;
}

const RETRY_FAILED_MS = 60_000;

// Advisory-lock keys for computing a version: a fixed high range, away from the startup lock.
const computeLockKey = (versionId: number) => 1_000_000_000 + versionId;
const backtestLockKey = (versionId: number) => 1_500_000_000 + versionId;

/** Loads (computing first if needed) snapshots of versions; see the module comment. */
export class SnapshotLoader {
  private readonly building = new Map<number, Promise<Snapshot>>();
  private readonly failures = new Map<number, { error: unknown; at: number }>();
  private readonly computeMissing: boolean;
  private readonly maxUserScenarios: number;
  private readonly lock: NonNullable<SnapshotLoadOptions['lock']>;
  private readonly compute: NonNullable<SnapshotLoadOptions['compute']>;
  private readonly model: string;
  private readonly systemBacktest: SnapshotLoadOptions['systemBacktest'];
  /** Background backtests started by this instance (tests await them: settled()). */
  private readonly backtests = new Set<Promise<void>>();

  constructor(
    private readonly db: Db,
    private readonly cache: ReadCache,
    private readonly now: () => number,
    options: SnapshotLoadOptions = {},
  ) {
    this.computeMissing = options.computeMissing ?? true;
    this.maxUserScenarios = options.maxUserScenarios ?? 4;
    this.lock = options.lock ?? ((_key, fn) => fn());
    this.compute = options.compute ?? ((db, id) => computeResults(db, id));
    this.model = options.model ?? modelFingerprint();
    this.systemBacktest = options.systemBacktest;
  }

  /** Resolves once every background backtest this instance started has ended. */
  async settled(): Promise<void> {
    while (this.backtests.size) await Promise.all(this.backtests);
  }

  /** Whether a load of `versionId` is under way. */
  loading(versionId: number): boolean {
    return this.building.has(versionId);
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
    // Missing results, or results another model computed (an upgrade): computed (again) before use.
    if (!hasResultsOf(version, this.model)) {
      if (!this.computeMissing) {
        throw new DomainError('RESULTS_NOT_READY', `Results for dataset version ${versionId} are still being computed.`);
      }
      await this.lock(computeLockKey(versionId), async () => {
        // Another instance may have finished while we waited for the lock.
        const now = await getVersion(this.db, versionId);
        if (!now || hasResultsOf(now, this.model)) return;
        if (now.computedAt) {
          console.log(`[lmo] dataset version ${versionId}: stored results come from other model code; recomputing them`);
          await discardResults(this.db, versionId);
        }
        await this.compute(this.db, versionId);
      });
      version = (await getVersion(this.db, versionId))!;
    }
    const snap = await readSnapshot(this.db, this.cache, version, this.maxUserScenarios);
    await this.backtestLater(snap);
    return snap;
  }

  /**
   * Starts, without waiting for it, the system backtest of a version that has none stored and
   * is not the seed version the committed artefact describes; `snap.backtestJob` is set until
   * it ends. One instance computes it (the lock); a failure is logged and the page keeps
   * saying the scores are the seeds'.
   */
  private async backtestLater(snap: Snapshot): Promise<void> {
    const run = this.systemBacktest;
    const id = snap.version.id;
    if (!run || (await artefactApplies(snap.version)) || (await snap.systemBacktest())) return;
    const job = this.lock(backtestLockKey(id), async () => {
      if (!(await snap.systemBacktest())) await run(this.db, id);
    })
      .then(() => undefined)
      .catch((error: unknown) => console.error(`[lmo] system backtest of dataset version ${id} failed:`, error))
      .finally(() => {
        this.backtests.delete(job);
        snap.backtestJob = undefined;
      });
    this.backtests.add(job);
    snap.backtestJob = job;
  }
}
