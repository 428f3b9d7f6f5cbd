/**
 * Turns an uploaded file (a byte stream) into validated observations, for all
 * five formats, without writing anything. Parsing and validation are the
 * models' own (`parseLongStream`, `parseWideCsvBytes`, `aggregateMicrodataCsv`,
 * and for GSO's formats `parseSdmx`/`parsePxweb` via upload-sdmx/upload-pxweb);
 * this module streams the bytes in, enforces the size limit and gives every
 * format the same result shape. Used by POST /api/uploads and `pnpm ingest`.
 */
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import {
  aggregateMicrodataCsv, parseLongStream, parseWideCsvBytes, periodSchema, type LongIssue, type Observation,
} from '@lmo/models';
import { contentHash } from './ingest';
import { warningText } from './upload-mapping';
import { parsePxwebUpload } from './upload-pxweb';
import { parseSdmxUpload } from './upload-sdmx';

export const UPLOAD_FORMATS = ['long', 'wide', 'microdata', 'sdmx', 'pxweb'] as const;
export type UploadFormat = (typeof UPLOAD_FORMATS)[number];

/**
 * One problem with the file: physical line (header = 1; 0 = not in the file,
 * e.g. the mapping), column name, cell value; SDMX issues also name the
 * series code and period.
 */
export type UploadIssue = LongIssue & { series?: string | null; period?: string | null };

export interface UploadOptions {
  format: UploadFormat;
  /** Parsed mapping JSON: `WideMapping` (wide), `PxwebMapping` (pxweb), optional SDMX code map (sdmx). */
  mapping?: unknown;
  /** Microdata: reference period (`2024`, `2024-Q2`). */
  period?: string;
  /** Microdata: citation of the output rows; default names the file. */
  source?: string;
  fileName?: string;
  /** Default 200 MB (MAX_UPLOAD_BYTES). */
  maxBytes?: number;
  /** Clock for the future-period checks (tests). */
  now?: Date;
}

export interface ParsedUpload {
  ok: boolean;
  format: UploadFormat;
  observations: Observation[];
  /** At most 100 issues; `errorCount` counts them all. */
  errors: UploadIssue[];
  errorCount: number;
  warnings: string[];
  /** Records read from the file (respondents for microdata). */
  records: number;
  bytes: number;
  /** sha256 of the observations in canonical order: the same data in another file order has the same hash. */
  hash: string | null;
}

export const MAX_LISTED_ISSUES = 100;
export const DEFAULT_MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/** MAX_UPLOAD_BYTES from the environment, or 200 MB. */
export function maxUploadBytes(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.MAX_UPLOAD_BYTES);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : DEFAULT_MAX_UPLOAD_BYTES;
}

/** Thrown when the stream passes the size limit; the route maps it to 413. */
export class UploadTooLargeError extends Error {
  override readonly name = 'UploadTooLargeError';
  constructor(readonly limit: number) {
    super(`The file is larger than the upload limit of ${formatBytes(limit)} (MAX_UPLOAD_BYTES).`);
  }
}

const formatBytes = (n: number) => (n >= 1 << 20 ? `${Math.round(n / (1 << 20))} MB` : `${n} bytes`);

/** Passes bytes through, counting them, and fails the stream past `limit`. */
class ByteLimit extends Transform {
  bytes = 0;
  constructor(private readonly limit: number) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.limit) done(new UploadTooLargeError(this.limit));
    else done(null, chunk);
  }
}

const issue = (line: number, column: string | null, value: string, code: string, message: string, messageVi?: string): UploadIssue =>
  ({ line, column, value, code, message, ...(messageVi ? { messageVi } : {}) });

/** Checks the options that do not depend on the file (mapping JSON, microdata period). */
export function checkUploadOptions(options: UploadOptions): UploadIssue[] {
  const out: UploadIssue[] = [];
  if (options.format === 'wide' && options.mapping === undefined) {
    out.push(issue(0, 'mapping', '', 'MISSING_MAPPING', 'A wide file needs a mapping (JSON): which column holds regions, the indicator, unit, source and status. See seeds/examples/wide-mapping.json.',
      'Tệp dạng rộng cần bảng ánh xạ (JSON): cột địa bàn, chỉ tiêu, đơn vị, nguồn và trạng thái. Xem seeds/examples/wide-mapping.json.'));
  }
  if (options.format === 'pxweb' && options.mapping === undefined) {
    out.push(issue(0, 'mapping', '', 'MISSING_MAPPING', 'A PX-Web table needs a mapping (JSON): the indicator, unit, scale, source, status and which labels are regions. See seeds/examples/pxweb-mapping.json.',
      'Bảng PX-Web cần bảng ánh xạ (JSON): chỉ tiêu, đơn vị, hệ số nhân, nguồn, trạng thái và nhãn nào là địa bàn. Xem seeds/examples/pxweb-mapping.json.'));
  }
  if (options.format === 'microdata') {
    const p = options.period?.trim() ?? '';
    if (!periodSchema.safeParse(p).success) {
      out.push(issue(0, 'period', p, 'BAD_PERIOD', 'Microdata needs the survey period, e.g. period=2024 or 2024-Q2.', 'Vi dữ liệu cần kỳ điều tra, ví dụ period=2024 hoặc 2024-Q2.'));
    } else if (Date.UTC(Number(p.slice(0, 4)), p.length > 4 ? (Number(p[6]) - 1) * 3 : 0, 1) > (options.now ?? new Date()).getTime()) {
      out.push(issue(0, 'period', p, 'FUTURE_PERIOD', `Survey period ${p} is in the future; only surveys already carried out can be uploaded.`, `Kỳ điều tra ${p} ở tương lai; chỉ tải lên được các cuộc điều tra đã thực hiện.`));
    }
  }
  return out;
}

/**
 * Reads `source` (a byte stream: the multipart file part, a request body or a
 * file) and validates it. Throws `UploadTooLargeError` past the size limit;
 * every other problem is returned in `errors`. Never writes anything.
 */
export async function parseUpload(source: Readable, options: UploadOptions): Promise<ParsedUpload> {
  const limit = options.maxBytes ?? maxUploadBytes();
  const optionIssues = checkUploadOptions(options);
  if (optionIssues.length > 0) {
    source.resume(); // drain, so the request can finish
    return result(options.format, [], optionIssues, optionIssues.length, [], 0, 0);
  }
  const counted = new ByteLimit(limit);
  source.on('error', (e) => counted.destroy(e));
  source.pipe(counted);
  const now = options.now;

  if (options.format === 'long') {
    // The parser stops early on a fatal problem (e.g. an encoding): keep the stream alive and drain it instead of aborting the request.
    const r = await parseLongStream(counted.iterator({ destroyOnReturn: false }), { now });
    rethrowLimit(counted);
    counted.resume();
    return result('long', r.rows, r.errors, r.stats.errorCount, r.warnings.map(warningText), r.stats.records, counted.bytes);
  }
  if (options.format === 'wide' || options.format === 'sdmx' || options.format === 'pxweb') {
    // These are whole-file parsers (XML tree, tables with headers above the data); files of this kind are small.
    const parts: Buffer[] = [];
    for await (const chunk of counted) parts.push(chunk as Buffer);
    const bytes = Buffer.concat(parts);
    if (options.format !== 'wide') {
      const g = options.format === 'sdmx'
        ? parseSdmxUpload(bytes, options.mapping, { fileName: options.fileName, now })
        : parsePxwebUpload(bytes, options.mapping, { now });
      return result(options.format, g.observations, g.errors, g.errorCount, g.warnings, g.records, bytes.length);
    }
    const r = parseWideCsvBytes(bytes, options.mapping, { now });
    return result('wide', r.observations, r.errors, r.errors.length, r.warnings.map(warningText), r.stats.rows, bytes.length);
  }
  const source2 = options.source?.trim() || `Survey microdata upload${options.fileName ? ` ${options.fileName}` : ''}, period ${options.period} (weighted totals computed by LMO)`;
  const r = await aggregateMicrodataCsv(counted, { period: options.period!.trim(), source: source2 });
  rethrowLimit(counted);
  return result('microdata', r.observations, r.errors, r.errorCount, r.warnings, r.stats.rows, counted.bytes);
}

function rethrowLimit(counted: ByteLimit): void {
  const error = (counted as unknown as { errored?: unknown }).errored;
  if (error) throw error;
}

/** Keeps an SDMX issue's series code and period (other formats have neither). */
function withSeries(out: UploadIssue, from: UploadIssue): UploadIssue {
  if (from.series) out.series = from.series;
  if (from.period) out.period = from.period;
  return out;
}

function result(format: UploadFormat, observations: Observation[], issues: readonly UploadIssue[], errorCount: number, warnings: string[], records: number, bytes: number): ParsedUpload {
  const ok = errorCount === 0 && issues.length === 0;
  return {
    ok, format,
    observations: ok ? observations : [],
    errors: issues.slice(0, MAX_LISTED_ISSUES).map((i) => withSeries(issue(i.line, i.column, String(i.value ?? ''), i.code, i.message, i.messageVi), i)),
    errorCount: Math.max(errorCount, issues.length),
    warnings: warnings.slice(0, MAX_LISTED_ISSUES),
    records, bytes,
    hash: ok ? contentHash(observations) : null,
  };
}
