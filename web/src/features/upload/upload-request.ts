/**
 * POST /api/uploads with XMLHttpRequest, because fetch() cannot report upload
 * progress. Fields go before the file so the server can stream the file part.
 */
import { ApiError, toProblem, type Problem } from '../../api/problem';
import { authHeaders } from '../auth/token-store';
import type { LongIssue, UploadFormat } from '@lmo/models/data';
import type { OfficialConflict } from '@lmo/api';

/** One official cell the file would replace (409 REPLACES_OFFICIAL), as the API types it. */
export type { OfficialConflict };

/** Formats whose mapping JSON is sent (required for wide and pxweb, optional for sdmx). */
export const MAPPED_FORMATS: readonly UploadFormat[] = ['wide', 'sdmx', 'pxweb'];

export interface UploadFields {
  format: UploadFormat;
  /** Wide, PX-Web (required) and SDMX (optional code map): the mapping JSON text. */
  mapping?: string;
  /** Microdata: survey period. */
  period?: string;
  dryRun: boolean;
  /** The analyst confirmed that non-official values may replace official cells (else the server answers 409). */
  replaceOfficial?: boolean;
}

/**
 * One problem in the file, as the API lists it: the validator's own issue
 * shape; SDMX issues also name the series code and period they are about.
 */
export type UploadIssue = LongIssue & { series?: string | null; period?: string | null };

export interface UploadOutcome {
  status: 'validated' | 'created' | 'duplicate';
  /** Official cells replaced by non-official values (only after replaceOfficial). */
  officialReplaced?: number;
  version: { id: number; label: string; rowCount: number; parentId: number | null; isCurrent: boolean } | null;
  rows: number;
  cells: number;
  hash: string;
  warnings: string[];
  indicators: Record<string, number>;
  timingMs: { parse: number; commit?: number; compute?: number };
}

/** Upload problem with the file's issues (422), the official cells it would replace (409) or any other API problem. */
export interface UploadProblem extends Problem {
  /** The file's issues (422). */
  errors?: UploadIssue[];
  errorCount?: number;
  warnings?: string[];
  code?: string;
  cells?: OfficialConflict[];
  cellCount?: number;
}

/** The upload problem behind a failed check or upload (`error` of the mutation), or null when it did not fail. */
export function uploadProblem(error: unknown): UploadProblem | null {
  // The upload endpoint's problems carry the members above; any other failure is a plain problem.
  return error ? (toProblem(error) as UploadProblem) : null;
}

/** The official cells of a 409 "would replace official figures" problem, or null for any other problem. */
export function officialConflicts(problem: UploadProblem | null): { cells: OfficialConflict[]; count: number } | null {
  if (!problem || problem.status !== 409 || problem.code !== 'REPLACES_OFFICIAL' || !Array.isArray(problem.cells)) return null;
  return { cells: problem.cells, count: problem.cellCount ?? problem.cells.length };
}

/** Builds the multipart body: options first, file last. */
export function uploadForm(file: Blob, fileName: string, fields: UploadFields): FormData {
  const form = new FormData();
  form.set('format', fields.format);
  if (fields.mapping?.trim()) form.set('mapping', fields.mapping);
  if (fields.period?.trim()) form.set('period', fields.period.trim());
  form.set('dryRun', fields.dryRun ? '1' : '0');
  if (fields.replaceOfficial) form.set('replaceOfficial', 'true');
  form.set('file', file, fileName);
  return form;
}

/**
 * Sends the file. `onProgress(sent, total)` follows the upload; once every
 * byte is sent the server is still validating (or computing), which the UI
 * shows as a separate step. Rejects with ApiError carrying the problem.
 */
export function sendUpload(file: File, fields: UploadFields, onProgress: (sent: number, total: number) => void, signal?: AbortSignal): Promise<UploadOutcome> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/uploads');
    for (const [k, v] of Object.entries(authHeaders())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: handled below
      }
      if (xhr.status >= 200 && xhr.status < 300 && body) resolve(body as UploadOutcome);
      else reject(new ApiError((body as UploadProblem | null) ?? { title: xhr.statusText || 'Upload failed', status: xhr.status }));
    };
    xhr.onerror = () => reject(new ApiError({ title: 'Network error', status: 0, detail: 'The upload could not reach the server.' }));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(uploadForm(file, file.name, fields));
  });
}
