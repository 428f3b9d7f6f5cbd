/**
 * Planners' scenario chunks held in memory by one snapshot (results-snapshot.ts): forecasts and
 * gaps per region as columns (row-columns.ts), which hold a scenario in a few MB and decode in
 * milliseconds, so neither the first reads after a slider move nor the later ones wait for JSON
 * parsing or decompression. Most recently added scenarios are kept.
 */
import { columnsToRows, type RowColumns } from './row-columns';
import type { RawChunk } from './scenario-run';

/** In-memory chunks of user scenarios, by scenario then `kind|key`. */
export class UserChunks {
  private readonly scenarios = new Map<string, Map<string, RowColumns>>();

  /** Holds one forecasts or gaps chunk. */
  add(id: string, c: Extract<RawChunk, { columns: RowColumns }>): void {
    let m = this.scenarios.get(id);
    if (!m) this.scenarios.set(id, (m = new Map()));
    m.set(`${c.kind}|${c.key}`, c.columns);
  }

  /** The rows of a held chunk, or undefined when this scenario's chunk is not held here. */
  get<T>(id: string, kind: string, key: string): T[] | undefined {
    const held = this.scenarios.get(id)?.get(`${kind}|${key}`);
    return held ? columnsToRows<T>(held) : undefined;
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
