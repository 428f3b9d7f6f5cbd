/**
 * Answers that depend only on a dataset version (code lists with periods and
 * sources, observed series) are worked out once per version and instance: a
 * version is immutable, so only the pointer to the current one can go stale, and
 * that is re-read at most every `recheckMs`. Under 200 concurrent readers this
 * turns per-request GROUP BYs over the observations into map look-ups.
 *
 * The pointer is re-read in the background: while a re-read is in flight,
 * requests keep the last answer for up to `maxStaleMs` after it was read (a
 * busy database must not make every reader wait). A failed re-read is not
 * hidden: the next request waits for a new read and sees the outage (503).
 */
import type { Db } from '../db/client';
import { getCurrentVersion, type VersionInfo } from './dataset-versions';

export class VersionMemo {
  private version?: { row: VersionInfo | null; at: number };
  private checking?: Promise<VersionInfo | null>;
  private readonly values = new Map<string, Promise<unknown>>();

  private readonly maxEntries: number;
  private readonly maxStaleMs: number;
  private readonly read: (db: Db) => Promise<VersionInfo | null>;

  constructor(
    private readonly db: Db,
    private readonly recheckMs: number,
    options: { maxEntries?: number; maxStaleMs?: number; read?: (db: Db) => Promise<VersionInfo | null> } = {},
  ) {
    this.maxEntries = options.maxEntries ?? 5_000;
    this.maxStaleMs = options.maxStaleMs ?? 2 * recheckMs;
    this.read = options.read ?? getCurrentVersion;
  }

  /** Takes a pointer read by someone else (the results store) as this memo's latest answer. */
  record(row: VersionInfo | null): void {
    this.version = { row, at: performance.now() };
  }

  /** Updates the row of the version already known as current (e.g. now computed); any other is ignored. */
  update(row: VersionInfo): void {
    if (this.version?.row?.id === row.id) this.version = { row, at: this.version.at };
  }

  /** The current version (null before any load), re-read at most every `recheckMs`; never waits for results. */
  async current(): Promise<VersionInfo | null> {
    const known = this.version;
    const age = known ? performance.now() - known.at : Infinity;
    if (known && age < this.recheckMs) return known.row;
    // One read at a time. On failure the last answer is dropped, so the next request waits and sees the error.
    this.checking ??= this.read(this.db)
      .then((row) => {
        this.version = { row, at: performance.now() };
        return row;
      }, (error: unknown) => {
        this.version = undefined;
        throw error;
      })
      .finally(() => { this.checking = undefined; });
    if (known && age < this.maxStaleMs) {
      this.checking.catch(() => {}); // its error reaches the next request, not this one
      return known.row;
    }
    return this.checking;
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
