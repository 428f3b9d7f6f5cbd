/**
 * The read path's one cache: everything worked out for a dataset version —
 * decoded result chunks, /api/meta's stats, observed series and whole answers —
 * keyed by (version, key). A version never changes, so an entry stays right
 * until another version is served (`serving` drops the rest); nothing here
 * re-checks freshness, that is the results store's pointer (results-pointer.ts).
 * Bounded in bytes: each entry carries an estimated cost, least recently used
 * dropped first. Concurrent misses share one computation; failures are not kept.
 */
import type { Config } from '../config';

/** Byte budget of the decoded data (readCacheFor adds RESPONSE_CACHE_MB for whole answers). */
export const DATA_CACHE_BYTES = 96 * 1024 * 1024;
/** Key prefix of whole answers (http/read-path.ts), which have a share of their own. */
export const ANSWER = 'answer|';
// Map entry, key string and entry object per stored value (an estimate on the safe side).
const ENTRY_OVERHEAD = 256;

interface Entry {
  value: unknown;
  settled: boolean;
  cost: number;
  share?: string;
}

/** One LRU by bytes over (version, key) (see the module comment). */
export class ReadCache {
  private readonly entries = new Map<string, Entry>();
  private used = 0;
  private served: number | undefined;
  private readonly shareUsed = new Map<string, number>();

  /**
   * @param maxBytes the whole budget
   * @param shares key prefix → bytes entries under it may take at most (whole answers get
   *   RESPONSE_CACHE_MB, so a crowd of distinct URLs cannot push the decoded data out)
   */
  constructor(
    readonly maxBytes = DATA_CACHE_BYTES,
    readonly shares: Readonly<Record<string, number>> = {},
  ) {}

  /** Bytes the entries under `prefix` may take (their share, else the whole budget). */
  budgetOf(prefix: string): number {
    return Math.min(this.maxBytes, this.shares[prefix] ?? this.maxBytes);
  }

  /** Bytes the entries under a share's prefix account for. */
  sharedBytes(prefix: string): number {
    return this.shareUsed.get(prefix) ?? 0;
  }

  /** Bytes the entries account for (≤ maxBytes). */
  get bytes(): number {
    return this.used;
  }
  /** Number of entries. */
  get size(): number {
    return this.entries.size;
  }

  /** Records the version being served; entries of any other are dropped (they will not be asked for again). */
  serving(versionId: number): void {
    if (versionId === this.served) return;
    this.served = versionId;
    const prefix = `${versionId} `;
    for (const id of [...this.entries.keys()]) if (!id.startsWith(prefix)) this.remove(id);
  }

  /** The settled value of (version, key), if held (and marks it recently used); pending ones are not returned. */
  peek<T>(versionId: number, key: string): T | undefined {
    const e = this.touch(`${versionId} ${key}`);
    return e?.settled ? (e.value as T) : undefined;
  }

  /**
   * Stores a value; `cost` in bytes (key and overhead added). Values over `1/share` of the budget
   * are not kept (default an eighth: one answer must not flush the rest).
   */
  set(versionId: number, key: string, value: unknown, cost: number, share = 8): void {
    const id = `${versionId} ${key}`;
    this.remove(id);
    const total = cost + 2 * id.length + ENTRY_OVERHEAD;
    const prefix = Object.keys(this.shares).find((p) => key.startsWith(p));
    const limit = prefix === undefined ? this.maxBytes : this.budgetOf(prefix);
    if (total > limit / share) return;
    this.entries.set(id, { value, settled: true, cost: total, share: prefix });
    this.used += total;
    if (prefix !== undefined) {
      this.shareUsed.set(prefix, this.sharedBytes(prefix) + total);
      for (const [old, e] of this.entries) {
        if (this.sharedBytes(prefix) <= limit) break;
        if (e.share === prefix) this.remove(old);
      }
    }
    this.trim();
  }

  /**
   * The value of (version, key), computed by `compute` on a miss; concurrent callers share it.
   * `cost` prices the settled value (default: a small fixed estimate); a failure is dropped.
   * Up to half the budget per value: a large decoded chunk is still worth keeping.
   */
  load<T>(versionId: number, key: string, compute: () => Promise<T>, cost: (value: T) => number = () => 1024): Promise<T> {
    const id = `${versionId} ${key}`;
    const hit = this.touch(id);
    if (hit) return hit.settled ? Promise.resolve(hit.value as T) : (hit.value as Promise<T>);
    const pending = compute();
    const entry: Entry = { value: pending, settled: false, cost: 0 };
    this.entries.set(id, entry);
    pending.then(
      (value) => {
        // Dropped or replaced meanwhile (a new version served, delete()): not stored.
        if (this.entries.get(id) !== entry) return;
        this.entries.delete(id);
        this.set(versionId, key, value, cost(value), 2);
      },
      () => {
        if (this.entries.get(id) === entry) this.entries.delete(id);
      },
    );
    return pending;
  }

  /** Forgets (version, key). */
  delete(versionId: number, key: string): void {
    this.remove(`${versionId} ${key}`);
  }

  /** Keys of a version starting with `prefix`, least recently used first. */
  keys(versionId: number, prefix = ''): string[] {
    const start = `${versionId} ${prefix}`;
    const cut = `${versionId} `.length;
    return [...this.entries.keys()].filter((id) => id.startsWith(start)).map((id) => id.slice(cut));
  }

  private touch(id: string): Entry | undefined {
    const e = this.entries.get(id);
    if (e) {
      // Map order doubles as least-recently-used order.
      this.entries.delete(id);
      this.entries.set(id, e);
    }
    return e;
  }

  private trim(): void {
    for (const id of this.entries.keys()) {
      if (this.used <= this.maxBytes) break;
      this.remove(id);
    }
  }

  private remove(id: string): void {
    const e = this.entries.get(id);
    if (!e) return;
    this.entries.delete(id);
    this.used -= e.cost;
    if (e.share !== undefined) this.shareUsed.set(e.share, this.sharedBytes(e.share) - e.cost);
  }
}

/**
 * The read cache `config` asks for, the one place its budget is decided: the decoded data get
 * DATA_CACHE_BYTES and whole answers RESPONSE_CACHE_MB on top, as a share of their own so a crowd
 * of distinct URLs cannot push the data out (0: no answers are kept, and none are stored).
 */
export function readCacheFor(config: Pick<Config, 'responseCacheBytes'>): ReadCache {
  return new ReadCache(DATA_CACHE_BYTES + config.responseCacheBytes, { [ANSWER]: config.responseCacheBytes });
}
