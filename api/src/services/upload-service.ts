/**
 * The upload pipeline shared by POST /api/uploads and `pnpm ingest`:
 * stream → parse + validate (nothing written) → dry run stops here → then the
 * version builder (version-builder.ts): build a copy-on-write version → compute
 * its results (a failure leaves it `failed`, never current) → promote it.
 */
import type { Readable } from 'node:stream';
import type { Db } from '../db/client';
import { DomainError, type FieldProblem } from '../domain-error';
import { computeResults, type ComputeOptions, type ComputeReport } from './compute';
import { ForecastError } from '@lmo/models';
import { getCurrentVersion, type VersionInfo } from './dataset-versions';
import { findOfficialConflicts, officialConflictProblem } from './upload-official';
import { populationIssues } from './upload-plausibility';
import { UploadTooLargeError } from './upload-byte-limit';
import type { UploadIssue } from './upload-issue';
import type { UploadOptions } from './upload-options';
import { parseUpload } from './upload-parse';
import type { ParsedUpload } from './upload-result';
import { assertInScope, uploadAreas, type Scope } from './upload-scope';
import { buildVersion, findCurrentUpload } from './version-builder';
import { computeVersion } from './version-compute';
import { promoteOrDiscard } from './version-pointer';

export interface UploadRequest extends UploadOptions {
  dryRun?: boolean;
  /** Audit actor (`token:<id>` or `cli`). */
  actor: string;
  /** Write the version in one transaction (PostgreSQL; see buildVersion). Default true. */
  atomic?: boolean;
  /** Allow replacing `official` cells with values of another status (otherwise 409, see upload-official). */
  replaceOfficial?: boolean;
  /** The uploader's area scope (403 for cells of other areas, see upload-scope); null/absent: central. */
  scope?: Scope;
  /** The uploading token's name, for the audit log. */
  actorName?: string;
  /** How the new version's outlook is computed (Config.compute; default in process). */
  compute?: ComputeOptions;
}

export interface UploadOutcome {
  /** `validated` (dry run), `created` (201) or `duplicate` (200: the current version was made by the same data). */
  status: 'validated' | 'created' | 'duplicate';
  /** Official cells of the current data this upload replaces with non-official values (only with replaceOfficial). */
  officialReplaced: number;
  version: VersionInfo | null;
  /** Records read from the file. */
  rows: number;
  /** Observations (cells × periods) the file yields. */
  cells: number;
  hash: string;
  warnings: string[];
  /** Cells per indicator, for the dry-run report. */
  indicators: Record<string, number>;
  /** Results computing time of a new version. */
  computeMs?: number;
  timingMs: { parse: number; commit?: number; compute?: number };
}

/** The INVALID_UPLOAD error (422) for a file with errors; `errors` keeps line, column and value. */
export function invalidUploadProblem(parsed: Pick<ParsedUpload, 'errors' | 'errorCount' | 'warnings' | 'records'>): DomainError {
  const more = parsed.errorCount > parsed.errors.length ? ` The first ${parsed.errors.length} are listed.` : '';
  return new DomainError('INVALID_UPLOAD', `${parsed.errorCount} problem(s) found; nothing was stored.${more}`, {
    // column stays null for whole-line problems (a wrong field count, a duplicate row).
    errors: parsed.errors.map((e: UploadIssue) => ({ path: e.column ?? '(file)', ...e })) as unknown as FieldProblem[],
    details: { errorCount: parsed.errorCount, warnings: parsed.warnings },
  });
}

/** Runs the whole pipeline; throws a DomainError (INVALID_UPLOAD, UPLOAD_TOO_LARGE, …) for a bad file. */
export async function runUpload(db: Db, source: Readable, request: UploadRequest): Promise<UploadOutcome> {
  const t0 = performance.now();
  let parsed: ParsedUpload;
  try {
    parsed = await parseUpload(source, request);
  } catch (error) {
    if (error instanceof UploadTooLargeError) {
      throw new DomainError('UPLOAD_TOO_LARGE', `${error.message} Nothing was stored.`, {
        errors: [{ path: '(file)', line: 0, column: '(file)', message: error.message }],
        cause: error,
      });
    }
    throw error;
  }
  const t1 = performance.now();
  const parseMs = Math.round(t1 - t0);
  if (!parsed.ok) throw invalidUploadProblem(parsed);
  assertInScope(parsed, request.scope);
  // Checks against the current data: the same for a dry run and the real upload, so they always agree.
  const current = await getCurrentVersion(db);
  const population = await populationIssues(db, current?.id ?? null, parsed);
  if (population.count > 0) throw invalidUploadProblem({ ...parsed, errors: population.issues, errorCount: population.count });
  const conflicts = current ? await findOfficialConflicts(db, current.id, parsed) : { cells: [], count: 0 };
  if (conflicts.count > 0 && !request.replaceOfficial) throw officialConflictProblem(conflicts);
  const indicators: Record<string, number> = {};
  for (const o of parsed.observations) indicators[o.indicator] = (indicators[o.indicator] ?? 0) + 1;
  const base = {
    rows: parsed.records,
    cells: parsed.observations.length,
    hash: parsed.hash!,
    warnings: parsed.warnings,
    indicators,
    officialReplaced: conflicts.count,
  };
  if (request.dryRun) {
    return { status: 'validated', version: await findCurrentUpload(db, parsed.hash!), ...base, timingMs: { parse: parseMs } };
  }
  const label = `${request.format} upload${request.fileName ? `: ${request.fileName}` : ''}`;
  const existing = await findCurrentUpload(db, parsed.hash!);
  if (existing) return { status: 'duplicate', version: existing, ...base, timingMs: { parse: parseMs } };
  const built = await buildVersion(db, parsed.observations, {
    mode: 'overlay',
    uploadHash: parsed.hash!,
    label,
    kind: 'upload',
    actor: request.actor,
    atomic: request.atomic,
    basedOn: current?.id ?? null,
  });
  const t2 = performance.now();
  let report: ComputeReport;
  try {
    report = await computeVersion(db, built, (db, id) => computeResults(db, id, request.compute));
  } catch (error) {
    throw notForecastable(error);
  }
  const promoted = await promoteOrDiscard(db, built, {
    actor: request.actor,
    action: 'dataset.upload',
    detail: {
      label,
      format: request.format,
      fileName: request.fileName ?? null,
      records: parsed.records,
      cells: parsed.observations.length,
      uploadHash: parsed.hash!,
      officialReplaced: conflicts.count,
      by: { name: request.actorName ?? null, scope: request.scope ?? null },
      areas: uploadAreas(parsed),
    },
  });
  if (!promoted.created) return { status: 'duplicate', version: promoted.version, ...base, timingMs: { parse: parseMs } };
  const version = promoted.version;
  const t3 = performance.now();
  return {
    status: 'created',
    version,
    ...base,
    computeMs: report.computeMs + report.storeMs,
    timingMs: { parse: parseMs, commit: Math.round(t2 - t1), compute: Math.round(t3 - t2) },
  };
}

/** A model failure on valid data becomes UPLOAD_NOT_FORECASTABLE (422); other errors pass through. */
function notForecastable(error: unknown): unknown {
  // From a worker thread the error arrives as a clone: recognise it by name.
  if (!(error instanceof ForecastError || (error instanceof Error && error.name === 'ForecastError'))) return error;
  // The engine's reason travels as the body's `code` (NOT_ENOUGH_DATA, …), as clients read it.
  return new DomainError('UPLOAD_NOT_FORECASTABLE', `The file is valid, but the outlook cannot be computed with it (${error.message}); nothing was stored.`, {
    errors: [{ path: '(file)', line: 0, message: error.message }],
    details: { errorCount: 1, code: (error as ForecastError).code },
    cause: error,
  });
}
