/**
 * In-memory view of the stored results of the CURRENT dataset version. Every
 * API instance keeps its own copy keyed by version id and re-checks the current
 * version at most every `recheckMs`, so instances stay stateless and agree.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { observations, results } from '../db/schema';
import { PROBLEM_TYPES, ProblemError } from '../http/problem';
import { computeResults, type CellForecast, type GapRow, type OutlookSummary, type SetSummary, type TargetPath } from './compute';
import { getVersion, requireCurrentVersion, type VersionInfo } from './dataset-versions';

/** Everything the read routes need for one version. Immutable once built. */
export interface Snapshot {
  version: VersionInfo;
  summary: SetSummary;
  outlooks: Map<string, OutlookSummary>;
  forecasts: Map<string, Map<string, CellForecast>>;
  gaps: Map<string, GapRow[]>;
  targets: Map<string, TargetPath[]>;
  /** Observed periods, sorted. */
  periods: string[];
  sources: { citation: string; status: string; rows: number }[];
}

export interface ResultsStoreOptions {
  /** How long a version check stays fresh. 0 checks on every request. */
  recheckMs?: number;
  /** Compute missing results on demand (true for servers; a version committed by a crashed upload gets its results). */
  computeMissing?: boolean;
}

export class ResultsStore {
  private snapshot?: Snapshot;
  private checkedAt = -Infinity;
  private checking?: Promise<Snapshot>;
  private readonly building = new Map<number, Promise<Snapshot>>();
  private readonly recheckMs: number;
  private readonly computeMissing: boolean;

  constructor(private readonly db: Db, options: ResultsStoreOptions = {}) {
    this.recheckMs = options.recheckMs ?? 1000;
    this.computeMissing = options.computeMissing ?? true;
  }

  /** Forgets the freshness of the cached version (call after a local ingest or revert). */
  invalidate(): void {
    this.checkedAt = -Infinity;
  }

  /** The snapshot of the current version. Throws a 503 problem when nothing is loaded yet. */
  async current(): Promise<Snapshot> {
    if (this.snapshot && performance.now() - this.checkedAt < this.recheckMs) return this.snapshot;
    // One version check at a time; concurrent requests share it.
    this.checking ??= this.refresh().finally(() => { this.checking = undefined; });
    return this.checking;
  }

  private async refresh(): Promise<Snapshot> {
    const version = await requireCurrentVersion(this.db);
    if (this.snapshot?.version.id !== version.id || this.snapshot.version.computedAt !== version.computedAt) {
      this.snapshot = await this.load(version.id);
    }
    this.checkedAt = performance.now();
    return this.snapshot;
  }

  /** Builds (computing first if needed) the snapshot of `versionId`; concurrent calls share the work. */
  load(versionId: number): Promise<Snapshot> {
    let pending = this.building.get(versionId);
    if (!pending) {
      pending = this.build(versionId).finally(() => this.building.delete(versionId));
      this.building.set(versionId, pending);
    }
    return pending;
  }

  private async build(versionId: number): Promise<Snapshot> {
    let version = await getVersion(this.db, versionId);
    if (!version) throw new Error(`Dataset version ${versionId} does not exist`);
    if (!version.computedAt) {
      if (!this.computeMissing) {
        throw new ProblemError({ type: PROBLEM_TYPES.notReady, title: 'Results not ready', status: 503, detail: `Results for dataset version ${versionId} are still being computed.` });
      }
      await computeResults(this.db, versionId);
      version = (await getVersion(this.db, versionId))!;
    }
    const rows = await this.db.select().from(results).where(eq(results.datasetVersionId, versionId));
    const snap: Snapshot = {
      version, summary: { baseYear: 0, horizon: 0, scenarios: [], timingMs: {} },
      outlooks: new Map(), forecasts: new Map(), gaps: new Map(), targets: new Map(), periods: [], sources: [],
    };
    for (const row of rows) {
      const payload = row.payload as never;
      switch (row.kind) {
        case 'set': snap.summary = payload; break;
        case 'outlook': snap.outlooks.set(row.scenario, payload); break;
        case 'forecast': mapOf(snap.forecasts, row.scenario).set(row.key, payload); break;
        case 'gaps': {
          const list = snap.gaps.get(row.scenario) ?? [];
          list.push(...(payload as GapRow[]));
          snap.gaps.set(row.scenario, list);
          break;
        }
        case 'targets': snap.targets.set(row.scenario, payload); break;
      }
    }
    const periods = await this.db.selectDistinct({ period: observations.period }).from(observations)
      .where(eq(observations.datasetVersionId, versionId));
    snap.periods = periods.map((p) => p.period).sort();
    snap.sources = (await this.db.select({
      citation: observations.source, status: observations.status, rows: sql<number>`count(*)::int`,
    }).from(observations).where(eq(observations.datasetVersionId, versionId))
      .groupBy(observations.source, observations.status).orderBy(observations.source)).map((s) => ({ ...s, rows: Number(s.rows) }));
    return snap;
  }
}

function mapOf<V>(outer: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let inner = outer.get(key);
  if (!inner) outer.set(key, (inner = new Map()));
  return inner;
}
