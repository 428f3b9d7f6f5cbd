/**
 * Planners' scenario chunks held in memory by one snapshot (results-store.ts): JSON when they
 * arrive, so the first reads are immediate, then (a few seconds later) gzip-compressed on libuv's thread pool (about
 * 7× smaller), so a few scenarios fit in a small budget. Most recently added scenarios are kept.
 */
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { RawChunk } from './scenario-run';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

interface Held { json?: string; gz?: Buffer }

/** How long a new scenario's chunks stay as JSON before they are compressed. */
const COMPRESS_AFTER_MS = 5_000;

/** In-memory chunks of user scenarios, by scenario then `kind|key`. */
export class UserChunks {
  private readonly scenarios = new Map<string, Map<string, Held>>();

  /** Holds one chunk and compresses it in the background. */
  add(id: string, c: RawChunk): void {
    let m = this.scenarios.get(id);
    if (!m) this.scenarios.set(id, (m = new Map()));
    const held: Held = { json: c.json };
    m.set(`${c.kind}|${c.key}`, held);
    // Compressed a few seconds later: the reads that follow a new scenario come first, and on
    // two cores gzip would compete with them for the CPU.
    setTimeout(() => {
      if (held.json === undefined) return;
      void gzipAsync(held.json, { level: 1 }).then((gz) => {
        held.gz = gz;
        held.json = undefined;
      }).catch(() => { /* stays as JSON */ });
    }, COMPRESS_AFTER_MS).unref();
  }

  /** The decoded value of a held chunk, or undefined when this scenario's chunk is not held here. */
  get(id: string, kind: string, key: string): Promise<unknown> | undefined {
    const held = this.scenarios.get(id)?.get(`${kind}|${key}`);
    if (!held) return undefined;
    if (held.json !== undefined) return Promise.resolve(JSON.parse(held.json));
    return gunzipAsync(held.gz!).then((b) => JSON.parse(b.toString('utf8')));
  }

  /** Scenarios beyond the `max` most recently added (oldest first), to be dropped. */
  over(max: number): string[] {
    const ids = [...this.scenarios.keys()];
    return ids.slice(0, Math.max(0, ids.length - max));
  }

  drop(id: string): void {
    this.scenarios.delete(id);
  }
}
