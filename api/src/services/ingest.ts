/**
 * Whole datasets of observations (seeds, tests, scripts): validate, then write a
 * new dataset version through version-builder.ts (build → promote; the results
 * store computes its results on first read). Also reads a version's observations.
 */
import { createHash } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { Observation } from '@lmo/models';
import type { Db } from '../db/client';
import { observations } from '../db/schema';
import { DomainError, type FieldProblem } from '../domain-error';
import { findVersionByHash, getCurrentVersion, type VersionInfo } from './dataset-versions';
import { ObservationColumnsBuilder, type ObservationColumns } from './observation-columns';
import { validateObservations } from './observation-rules';
import { sourceTexts } from './sources';
import { buildVersion } from './version-builder';
import { promoteOrDiscard } from './version-pointer';

export interface IngestMeta {
  label: string;
  /** `seed`, `upload`, `revert`, … */
  kind: string;
  /** Token id, `system` or `cli`. */
  actor?: string;
  /**
   * `replace`: the rows are the whole new dataset. `merge` (default for uploads):
   * the rows override matching cells of the current version and everything else is kept.
   */
  mode?: 'replace' | 'merge';
  /** Line of the first row in the source file, for error messages (CSV with a header: 2). */
  firstLine?: number;
  /** Seeds only: fingerprint of the files the rows came from. */
  fingerprint?: string;
}

export interface IngestResult {
  version: VersionInfo;
  /** False when identical content was already current (nothing was written). */
  created: boolean;
  rowCount: number;
}

/** Canonical identity of a cell and period. */
export const cellPeriodKey = (o: Observation) => `${o.indicator}|${o.region}|${o.sector}|${o.qualification}|${o.period}`;

/** sha256 of the rows in a canonical order, so the same content has the same hash whatever the file order. */
export function contentHash(rows: readonly Observation[]): string {
  const lines = rows.map((o) => [cellPeriodKey(o), o.value, o.unit, o.source, o.status].join('\u001f'));
  lines.sort();
  const hash = createHash('sha256');
  for (const line of lines) hash.update(line).update('\n');
  return hash.digest('hex');
}

const OBSERVATION_FIELDS = {
  indicator: observations.indicator,
  period: observations.period,
  region: observations.region,
  sector: observations.sector,
  qualification: observations.qualification,
  value: observations.value,
  unit: observations.unit,
  sourceId: observations.sourceId,
  status: observations.status,
};

/** Rows read with `sourceId` get their citation text (in place: pages of a million rows are not copied). */
async function attachSources(db: Db, rows: { sourceId: number }[]): Promise<Observation[]> {
  const texts = await sourceTexts(
    db,
    rows.map((r) => r.sourceId),
  );
  for (const r of rows as ((typeof rows)[number] & { source?: string })[]) r.source = texts.get(r.sourceId)!;
  return rows as unknown as Observation[];
}

/** Loads every observation of a version. */
export async function loadObservations(db: Db, versionId: number): Promise<Observation[]> {
  const rows = await db.select(OBSERVATION_FIELDS).from(observations).where(eq(observations.datasetVersionId, versionId));
  return attachSources(db, rows);
}

/**
 * Every observation of a version as dictionary-coded columns (for the compute
 * worker), in id order, read `pageSize` rows at a time so the driver's row
 * objects never all exist at once.
 */
export async function loadObservationColumns(db: Db, versionId: number, pageSize = 20_000): Promise<ObservationColumns> {
  const builder = new ObservationColumnsBuilder();
  for (let after = 0; ;) {
    const page = await db
      .select({ id: observations.id, ...OBSERVATION_FIELDS })
      .from(observations)
      .where(and(eq(observations.datasetVersionId, versionId), gt(observations.id, after)))
      .orderBy(observations.id)
      .limit(pageSize);
    builder.add(await attachSources(db, page));
    if (page.length < pageSize) return builder.finish();
    after = page[page.length - 1].id;
  }
}

/**
 * Validates `rows` and stores them as a new current dataset version. Bad rows
 * throw an INVALID_OBSERVATIONS DomainError (422) listing each problem and nothing is written. Content
 * identical to the current version is not stored again (`created: false`).
 * Results are NOT computed here (build → promote): the results store computes them on first read.
 */
export async function ingestObservations(db: Db, rows: readonly unknown[], meta: IngestMeta): Promise<IngestResult> {
  const checked = validateObservations(rows, { firstLine: meta.firstLine ?? 1 });
  if (checked.errors.length > 0) throw ingestProblem(checked.errors, rows.length);
  return commitObservations(db, checked.rows, meta);
}

/** Stores rows that already passed `validateObservations` (see ingestObservations). */
export async function commitObservations(db: Db, rows: readonly Observation[], meta: IngestMeta, knownHash?: string): Promise<IngestResult> {
  const current = await getCurrentVersion(db);
  let full = rows;
  const merge = (meta.mode ?? 'replace') === 'merge' && current;
  if (merge) {
    const byKey = new Map((await loadObservations(db, current.id)).map((o) => [cellPeriodKey(o), o]));
    for (const o of rows) byKey.set(cellPeriodKey(o), o);
    full = [...byKey.values()];
  }
  const hash = !merge && knownHash ? knownHash : contentHash(full);
  if (current && current.hash === hash) return { version: current, created: false, rowCount: full.length };

  const actor = meta.actor ?? 'system';
  // basedOn: a merge holds the rows of `current`; a replacement checked against it too.
  const built = await buildVersion(db, full, {
    mode: 'replace',
    hash,
    label: meta.label,
    kind: meta.kind,
    actor,
    fingerprint: meta.fingerprint,
    basedOn: current?.id ?? null,
  });
  // Same content current meanwhile: this copy is discarded, it adds nothing.
  const promoted = await promoteOrDiscard(db, built, {
    actor,
    action: 'dataset.ingest',
    detail: { label: meta.label, kind: meta.kind, mode: meta.mode ?? 'replace', rows: rows.length, hash },
  });
  return { version: promoted.version, created: promoted.created, rowCount: full.length };
}

/**
 * Loads `rows` unless a version with the same content already exists (seeds,
 * CLI re-runs). Returns the existing version instead.
 */
export async function ingestOnce(db: Db, rows: readonly unknown[], meta: IngestMeta): Promise<IngestResult> {
  const checked = validateObservations(rows, { firstLine: meta.firstLine ?? 1 });
  if (checked.errors.length > 0) throw ingestProblem(checked.errors, rows.length);
  const hash = contentHash(checked.rows);
  const existing = await findVersionByHash(db, hash);
  if (existing) return { version: existing, created: false, rowCount: existing.rowCount };
  return commitObservations(db, checked.rows, { ...meta, mode: 'replace' }, hash);
}

const MAX_LISTED = 200;

function ingestProblem(errors: FieldProblem[], total: number): DomainError {
  return new DomainError(
    'INVALID_OBSERVATIONS',
    `${errors.length} problem(s) in ${total} row(s); nothing was stored.${errors.length > MAX_LISTED ? ` The first ${MAX_LISTED} are listed.` : ''}`,
    { errors: errors.slice(0, MAX_LISTED), details: { errorCount: errors.length } },
  );
}
