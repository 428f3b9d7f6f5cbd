/**
 * Answers that depend only on a dataset version (code lists with periods and
 * sources, observed series) are worked out once per version and instance: a
 * version is immutable, so only the pointer to the current one can go stale, and
 * that is re-read at most every `recheckMs`. Under 200 concurrent readers this
 * turns per-request GROUP BYs over the observations into map look-ups.
 */
import type { Db } from '../db/client';
import { PROBLEM_TYPES, ProblemError } from '../http/problem';
import { getCurrentVersion, type VersionInfo } from './dataset-versions';

export class VersionMemo {
  private version?: { row: VersionInfo | null; at: number };
  private checking?: Promise<VersionInfo | null>;
  private readonly values = new Map<string, Promise<unknown>>();

  constructor(
    private readonly db: Db,
    private readonly recheckMs: number,
    private readonly maxEntries = 5_000,
  ) {}

  /** The current version (null before any load), re-read at most every `recheckMs`; never waits for results. */
  async current(): Promise<VersionInfo | null> {
    if (this.version && performance.now() - this.version.at < this.recheckMs) return this.version.row;
    // One read at a time; a database error reaches every waiting request (→ 503), nothing stale is served.
    this.checking ??= getCurrentVersion(this.db)
      .then((row) => {
        this.version = { row, at: performance.now() };
        return row;
      })
      .finally(() => { this.checking = undefined; });
    return this.checking;
  }

  /** The current version; a 503 problem when nothing has been loaded yet. */
  async requireCurrent(): Promise<VersionInfo> {
    const version = await this.current();
    if (!version) {
      throw new ProblemError({ type: PROBLEM_TYPES.notReady, title: 'No data loaded', status: 503, detail: 'No dataset version has been loaded yet.' });
    }
    return version;
  }

  /** Forgets the current-version pointer (after a local upload or rollback). */
  invalidate(): void {
    this.version = undefined;
  }

  /** `compute()` once per (version, key); concurrent callers share it, failures are not kept. */
  get<T>(versionId: number, key: string, compute: () => Promise<T>): Promise<T> {
    const id = `${versionId}\u0000${key}`;
    const hit = this.values.get(id);
    if (hit) {
      // Re-insert: Map order doubles as least-recently-used order.
      this.values.delete(id);
      this.values.set(id, hit);
      return hit as Promise<T>;
    }
    const pending = compute().catch((error: unknown) => {
      this.values.delete(id);
      throw error;
    });
    this.values.set(id, pending);
    if (this.values.size > this.maxEntries) this.values.delete(this.values.keys().next().value!);
    return pending;
  }
}
