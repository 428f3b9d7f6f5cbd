/**
 * The results store's reads of the current-version pointer (results-store.ts): re-read at
 * most every `recheckMs` (rarely while NOTIFY is heard), one read shared by concurrent
 * callers, stale-while-revalidate within `maxStaleMs`, and forgotten on invalidate() so
 * the next caller waits for a fresh read. Each remembered read is handed to the store,
 * which prepares a newer version it names.
 */
import type { Db } from '../db/client';
import { getCurrentVersion, type VersionInfo } from './dataset-versions';

/** The safety-net poll while NOTIFY is heard: a notice lost between two LISTEN connections is caught this late. */
export const LISTENING_RECHECK_MS = 30_000;

/** The results store's options on reading the pointer (see ResultsStoreOptions). */
export interface PointerReadOptions {
  /** How long a version check stays fresh. 0 checks on every request. */
  recheckMs?: number;
  /**
   * While a re-check runs, readers keep the snapshot they had for at most this
   * long after the last successful check (default 2 × recheckMs); past it they
   * wait, and see an outage as a 503.
   */
  maxStaleMs?: number;
  /** How the current version pointer is read (default getCurrentVersion; tests simulate outages with it). */
  readVersion?: (db: Db) => Promise<VersionInfo | null>;
}

/** Reads of the current-version pointer and how fresh the last one is (see the module comment). */
export class PointerReader {
  /** The last pointer read and when it was made (undefined: never, invalidated or failed). */
  private pointerRead?: { row: VersionInfo | null; at: number };
  private reading?: Promise<VersionInfo | null>;
  /** Bumped by invalidate(): a read started before it must not count as fresh after it. */
  private epoch = 0;
  /** The configured poll interval (Infinity on PGlite); health checks the database this often. */
  readonly pollMs: number;
  /** How long a pointer read stays fresh now: pollMs, or longer while NOTIFY is heard (setListening). */
  private recheckMs: number;
  private readonly maxStaleMs: number;
  private readonly readVersion: NonNullable<PointerReadOptions['readVersion']>;

  constructor(
    private readonly db: Db,
    private readonly now: () => number,
    /** Called with each read that is remembered (not one that an invalidate() overtook). */
    private readonly onRead: (row: VersionInfo | null) => void,
    options: PointerReadOptions = {},
  ) {
    this.pollMs = options.recheckMs ?? 1000;
    this.recheckMs = this.pollMs;
    this.maxStaleMs = options.maxStaleMs ?? 2 * this.pollMs;
    this.readVersion = options.readVersion ?? getCurrentVersion;
  }

  /** See ResultsStore.setListening. */
  setListening(listening: boolean): void {
    this.recheckMs = listening ? Math.max(this.pollMs, LISTENING_RECHECK_MS) : this.pollMs;
  }

  /** The pointer (see ResultsStore.pointer), saying whether this caller waited for a fresh read (`waited`) or got a remembered one. */
  async check(maxAgeMs = this.recheckMs): Promise<{ row: VersionInfo | null; waited: boolean }> {
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
    this.onRead(row);
    return row;
  }

  /** The row of the last read if it was made within `recheckMs` (answerable without asking), else undefined. */
  fresh(): VersionInfo | null | undefined {
    const read = this.pointerRead;
    return read && this.now() - read.at < this.recheckMs ? read.row : undefined;
  }

  /** Forgets the pointer: the next caller waits for a fresh read. */
  invalidate(): void {
    this.pointerRead = undefined;
    // A read already in flight may have started before the change: the next caller starts its own.
    this.reading = undefined;
    this.epoch++;
  }

  /** Takes `row` for a remembered read of the same version (e.g. now with its results computed), keeping when it was read. */
  adopt(row: VersionInfo): void {
    if (this.pointerRead?.row?.id === row.id) this.pointerRead = { row, at: this.pointerRead.at };
  }
}
