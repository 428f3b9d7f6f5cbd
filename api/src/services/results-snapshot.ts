/**
 * One dataset version's stored results as the read routes see them (Snapshot): the small
 * parts (summaries, targets) load at once; forecast and gap chunks (one per scenario and
 * region) are decoded on first use into the read path's one cache (read-cache.ts); planners'
 * scenarios are held beside them in memory (user-chunks.ts). Which version's snapshot is
 * served is the results store's business (results-store.ts).
 */
import { and, eq, sql } from 'drizzle-orm';
import { BASELINE_SCENARIO } from '@lmo/models';
import type { Db } from '../db/client';
import { results } from '../db/schema';
import { forecastKey, unpackChunk, type CellForecast, type ChunkKind, type GapRow, type OutlookSummary, type SetSummary, type TargetPath } from './compute';
import type { VersionInfo } from './dataset-versions';
import type { ReadCache } from './read-cache';
import type { RawChunk } from './scenario-run';
import { SYSTEM_BACKTEST_CHUNK, type StoredSystemBacktest } from './system-backtest-run';
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
  /** The system's backtest stored with the version, read once it exists (it is written after the rest: results-loader.ts). */
  systemBacktest(): Promise<StoredSystemBacktest | undefined>;
  /** Set by the loader while this instance computes the version's system backtest in the background. */
  backtestJob?: Promise<void>;
}

// Estimated decoded size per item of a chunk (a forecast cell carries history, intervals and models), for the cache's budget.
const ITEM_BYTES: Record<string, number> = { forecasts: 4096, gaps: 512 };

/** `kind|scenario` → chunk key → items in it. */
type ChunkIndex = Map<string, Map<string, number>>;

/** A version's chunk index and its small parts, decoded. */
interface StoredParts {
  index: ChunkIndex;
  summary: SetSummary;
  outlooks: Map<string, OutlookSummary>;
  targets: Map<string, TargetPath[]>;
}

async function readParts(db: Db, versionId: number): Promise<StoredParts> {
  // One query: where every chunk is (the index), with the data of the small ones, which load now;
  // forecast and gap chunks stay in the database until first read (chunk()).
  const listing = await db
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
  return { index, summary, outlooks, targets };
}

/**
 * The snapshot of `version`, whose results are computed: its small parts now, its
 * chunks through `cache` when first read; at most `maxUserScenarios` planners' scenarios.
 */
export async function readSnapshot(db: Db, cache: ReadCache, version: VersionInfo, maxUserScenarios: number): Promise<Snapshot> {
  const versionId = version.id;
  const { index, summary, outlooks, targets } = await readParts(db, versionId);
  const has = (kind: ChunkKind, scenario: string, key: string) => index.get(`${kind}|${scenario}`)?.has(key) ?? false;
  const user = new UserChunks();
  const byKey = (list: CellForecast[]) => new Map(list.map((f) => [forecastKey(f), f]));
  const forecasts = (scenario: string, region: string): Promise<Map<string, CellForecast>> =>
    chunk(db, cache, versionId, 'forecasts', scenario, region, byKey, user, (list: CellForecast[]) => withBaselineHistory(region, list));
  // A planner's scenario holds no history (scenario-run.ts): the past is the baseline's.
  const withBaselineHistory = async (region: string, list: CellForecast[]) => {
    const base = has('forecasts', BASELINE_SCENARIO, region) ? await forecasts(BASELINE_SCENARIO, region) : undefined;
    for (const f of list) f.history ??= base?.get(forecastKey(f))?.history ?? [];
    return list;
  };
  const gaps = (scenario: string, region: string) => chunk(db, cache, versionId, 'gaps', scenario, region, (list: GapRow[]) => list, user);
  const dropScenario = (id: string) => {
    outlooks.delete(id);
    targets.delete(id);
    for (const kind of ['forecasts', 'gaps'] as const) {
      for (const key of index.get(`${kind}|${id}`)?.keys() ?? []) cache.delete(versionId, `chunk|${kind}|${id}|${key}`);
      index.delete(`${kind}|${id}`);
    }
    user.drop(id);
  };
  let backtest: StoredSystemBacktest | undefined;
  return {
    version,
    summary,
    outlooks,
    targets,
    systemBacktest: async () => (backtest ??= await readStoredBacktest(db, versionId)),
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
      for (const old of user.over(maxUserScenarios)) dropScenario(old);
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
function chunk<T, R>(
  db: Db,
  cache: ReadCache,
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
    const [row] = await db
      .select({ data: results.data })
      .from(results)
      .where(and(eq(results.datasetVersionId, versionId), eq(results.kind, kind), eq(results.scenario, scenario), eq(results.key, key)));
    if (!row) throw new Error(`Missing results chunk ${versionId}|${kind}|${scenario}|${key}`);
    return shape(await unpackChunk<T[]>(row.data));
  };
  const items = (v: R) => (v instanceof Map ? v.size : Array.isArray(v) ? v.length : 1);
  return cache.load(versionId, `chunk|${kind}|${scenario}|${key}`, read, (v) => items(v) * (ITEM_BYTES[kind] ?? 1024));
}

/** The version's stored system backtest chunk, decoded, if it has been written. */
async function readStoredBacktest(db: Db, versionId: number): Promise<StoredSystemBacktest | undefined> {
  const { kind, scenario, key } = SYSTEM_BACKTEST_CHUNK;
  const rows = await db
    .select({ data: results.data })
    .from(results)
    .where(and(eq(results.datasetVersionId, versionId), eq(results.kind, kind), eq(results.scenario, scenario), eq(results.key, key)))
    .limit(1);
  return rows[0] ? unpackChunk<StoredSystemBacktest>(rows[0].data) : undefined;
}
