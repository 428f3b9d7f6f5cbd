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
  aggregateMicrodataCsv,
  excerpt,
  MAX_SOURCE_CHARS,
  parseLongStream,
  parseWideCsvBytes,
  textFieldProblem,
  type LongIssue,
  type Observation,
} from '@lmo/models';
import { contentHash } from './ingest';
import { sniffFileKind } from './upload-sniff';
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
  /** Where each observation came from (line 0 and column null when it has no single line, e.g. microdata totals). */
  origins: (i: number) => { line: number; column: string | null };
}

export const MAX_LISTED_ISSUES = 100;
export const DEFAULT_MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/** Thrown when the stream passes the size limit; the route maps it to 413. */
export class UploadTooLargeError extends Error {
  override readonly name = 'UploadTooLargeError';
  constructor(readonly limit: number) {
    super(`The file is larger than the upload limit of ${formatBytes(limit)} (MAX_UPLOAD_BYTES).`);
  }
}

const formatBytes = (n: number) => (n >= 1 << 20 ? `${Math.round(n / (1 << 20))} MB` : `${n} bytes`);

const HEAD_BYTES = 64 * 1024;

/**
 * Passes bytes through, counting them, and fails the stream past `limit`.
 * The first 64 KB are held back and looked at first (upload-sniff): a file
 * that is not text (gzip, zip, binary) or has CR-only line endings is
 * recorded in `problem` and then swallowed, so the parser ends at once.
 */
class ByteLimit extends Transform {
  bytes = 0;
  problem: UploadIssue | null = null;
  private head: Buffer[] | null = [];
  private headBytes = 0;
  constructor(
    private readonly limit: number,
    private readonly csv: boolean,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.limit) return done(new UploadTooLargeError(this.limit));
    if (this.problem) return done();
    if (this.head) {
      this.head.push(chunk);
      this.headBytes += chunk.length;
      if (this.headBytes < HEAD_BYTES) return done();
      this.release();
      return done();
    }
    done(null, chunk);
  }
  override _flush(done: TransformCallback): void {
    if (this.head) this.release();
    done();
  }
  private release(): void {
    const head = Buffer.concat(this.head!);
    this.head = null;
    this.problem = sniffFileKind(head, this.csv);
    if (!this.problem) this.push(head);
  }
}

const issue = (line: number, column: string | null, value: string, code: string, message: string, messageVi?: string): UploadIssue => ({
  line,
  column,
  value,
  code,
  message,
  ...(messageVi ? { messageVi } : {}),
});

/** Checks the options that do not depend on the file (mapping JSON, microdata period). */
export function checkUploadOptions(options: UploadOptions): UploadIssue[] {
  const out: UploadIssue[] = [];
  if (options.format === 'wide' && options.mapping === undefined) {
    out.push(
      issue(
        0,
        'mapping',
        '',
        'MISSING_MAPPING',
        'A wide file needs a mapping (JSON): which column holds regions, the indicator, unit, source and status. See seeds/examples/wide-mapping.json.',
        'Tệp dạng rộng cần bảng ánh xạ (JSON): cột địa bàn, chỉ tiêu, đơn vị, nguồn và trạng thái. Xem seeds/examples/wide-mapping.json.',
      ),
    );
  }
  if (options.format === 'pxweb' && options.mapping === undefined) {
    out.push(
      issue(
        0,
        'mapping',
        '',
        'MISSING_MAPPING',
        'A PX-Web table needs a mapping (JSON): the indicator, unit, scale, source, status and which labels are regions. See seeds/examples/pxweb-mapping.json.',
        'Bảng PX-Web cần bảng ánh xạ (JSON): chỉ tiêu, đơn vị, hệ số nhân, nguồn, trạng thái và nhãn nào là địa bàn. Xem seeds/examples/pxweb-mapping.json.',
      ),
    );
  }
  if (options.format === 'microdata') out.push(...surveyPeriodIssues(options.period?.trim() ?? '', options.now ?? new Date()));
  if (options.source !== undefined) {
    const p = textFieldProblem(options.source, MAX_SOURCE_CHARS);
    if (p) out.push(issue(0, 'source', excerpt(options.source), p.code, `source: ${p.message}`, `source: ${p.messageVi}`));
  }
  return out;
}

/** The first year a survey period may name (the LFS began in the 1990s; earlier is a typo). */
export const FIRST_SURVEY_YEAR = 1950;

/**
 * Problems with a microdata survey period: missing or malformed, before 1950,
 * or not over yet (a survey of 2026-Q4 cannot be uploaded before 1 Jan 2027).
 */
export function surveyPeriodIssues(p: string, now: Date): UploadIssue[] {
  const year = new Date(now).getUTCFullYear();
  const m = /^(\d{4})(?:-Q([1-4]))?$/.exec(p);
  if (!m) {
    return [
      p === ''
        ? issue(
            0,
            'period',
            p,
            'BAD_PERIOD',
            'Microdata needs the survey period, e.g. period=2024 or 2024-Q2.',
            'Vi dữ liệu cần kỳ điều tra, ví dụ period=2024 hoặc 2024-Q2.',
          )
        : issue(
            0,
            'period',
            excerpt(p, 40),
            'BAD_PERIOD',
            `Survey period "${excerpt(p, 40)}" is not a year or a quarter: write 2024 or 2024-Q2.`,
            `Kỳ điều tra "${excerpt(p, 40)}" không phải năm hoặc quý: hãy ghi 2024 hoặc 2024-Q2.`,
          ),
    ];
  }
  const y = Number(m[1]);
  if (y < FIRST_SURVEY_YEAR) {
    return [
      issue(
        0,
        'period',
        p,
        'PERIOD_OUT_OF_RANGE',
        `Survey period ${p} is out of range: the year must be between ${FIRST_SURVEY_YEAR} and ${year}.`,
        `Kỳ điều tra ${p} nằm ngoài khoảng cho phép: năm phải từ ${FIRST_SURVEY_YEAR} đến ${year}.`,
      ),
    ];
  }
  // The period must be over: its end (start of the next year or quarter) is not after today.
  const end = m[2] ? Date.UTC(y, Number(m[2]) * 3, 1) : Date.UTC(y + 1, 0, 1);
  if (end > now.getTime()) {
    return [
      issue(
        0,
        'period',
        p,
        'FUTURE_PERIOD',
        `Survey period ${p} has not ended yet (today is ${now.toISOString().slice(0, 10)}); only surveys already carried out can be uploaded.`,
        `Kỳ điều tra ${p} chưa kết thúc (hôm nay là ${now.toISOString().slice(0, 10)}); chỉ tải lên được các cuộc điều tra đã thực hiện.`,
      ),
    ];
  }
  return [];
}

/**
 * Reads `source` (a byte stream: the multipart file part, a request body or a
 * file) and validates it. Throws `UploadTooLargeError` past the size limit;
 * every other problem is returned in `errors`. Never writes anything.
 */
export async function parseUpload(source: Readable, options: UploadOptions): Promise<ParsedUpload> {
  const limit = options.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const optionIssues = checkUploadOptions(options);
  if (optionIssues.length > 0) {
    source.resume(); // drain, so the request can finish
    return result(options.format, [], optionIssues, optionIssues.length, [], 0, 0);
  }
  const counted = new ByteLimit(limit, options.format !== 'sdmx');
  const parsed = await parseCounted(source, counted, options);
  if (counted.problem) return result(options.format, [], [counted.problem], 1, [], 0, counted.bytes);
  return parsed;
}

async function parseCounted(source: Readable, counted: ByteLimit, options: UploadOptions): Promise<ParsedUpload> {
  source.on('error', (e) => counted.destroy(e));
  source.pipe(counted);
  const now = options.now;

  if (options.format === 'long') {
    // The parser stops early on a fatal problem (e.g. an encoding): keep the stream alive and drain it instead of aborting the request.
    const r = await parseLongStream(counted.iterator({ destroyOnReturn: false }), { now });
    rethrowLimit(counted);
    counted.resume();
    const lines = r.lines ?? [];
    return result('long', r.rows, r.errors, r.stats.errorCount, r.warnings.map(warningText), r.stats.records, counted.bytes, (i) => ({
      line: lines[i] ?? 0,
      column: 'value',
    }));
  }
  if (options.format === 'wide' || options.format === 'sdmx' || options.format === 'pxweb') {
    // These are whole-file parsers (XML tree, tables with headers above the data); files of this kind are small.
    const parts: Buffer[] = [];
    for await (const chunk of counted) parts.push(chunk as Buffer);
    const bytes = Buffer.concat(parts);
    if (options.format !== 'wide') {
      const g =
        options.format === 'sdmx'
          ? parseSdmxUpload(bytes, options.mapping, { fileName: options.fileName, now })
          : parsePxwebUpload(bytes, options.mapping, { now });
      return result(options.format, g.observations, g.errors, g.errorCount, g.warnings, g.records, bytes.length);
    }
    const r = parseWideCsvBytes(bytes, options.mapping, { now });
    const origins = r.origins ?? [];
    return result(
      'wide',
      r.observations,
      r.errors,
      r.errors.length,
      r.warnings.map(warningText),
      r.stats.rows,
      bytes.length,
      (i) => origins[i] ?? { line: 0, column: null },
    );
  }
  const source2 =
    options.source?.trim() ||
    `Survey microdata upload${options.fileName ? ` ${options.fileName}` : ''}, period ${options.period} (weighted totals computed by LMO)`;
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

const noOrigin = () => ({ line: 0, column: null });
// Messages quote the offending text; a bound keeps a 50 MB line out of the answer whatever the parser quoted.
const MAX_MESSAGE_CHARS = 2_000;

function result(
  format: UploadFormat,
  observations: Observation[],
  given: readonly UploadIssue[],
  errorCount: number,
  warnings: string[],
  records: number,
  bytes: number,
  origins: ParsedUpload['origins'] = noOrigin,
): ParsedUpload {
  let issues = given;
  if (errorCount === 0 && issues.length === 0 && observations.length === 0) {
    // A valid file that yields nothing would only make an empty version and a full recompute.
    issues = [
      issue(
        0,
        null,
        '',
        'NO_CELLS',
        format === 'microdata'
          ? 'The file yields no cells: no respondent is in the labour force (employed or unemployed), so there is nothing to estimate. Nothing was stored.'
          : 'The file yields no cells (no values to load). Nothing was stored.',
        format === 'microdata'
          ? 'Tệp không cho ô số liệu nào: không có người trả lời nào thuộc lực lượng lao động (có việc làm hoặc thất nghiệp) nên không có gì để ước lượng. Không có gì được lưu.'
          : 'Tệp không cho ô số liệu nào (không có giá trị để tải). Không có gì được lưu.',
      ),
    ];
    errorCount = 1;
  }
  const ok = errorCount === 0 && issues.length === 0;
  return {
    ok,
    format,
    observations: ok ? observations : [],
    errors: issues
      .slice(0, MAX_LISTED_ISSUES)
      .map((i) =>
        withSeries(
          issue(
            i.line,
            i.column === null ? null : excerpt(i.column),
            excerpt(String(i.value ?? '')),
            i.code,
            excerpt(i.message, MAX_MESSAGE_CHARS),
            i.messageVi === undefined ? undefined : excerpt(i.messageVi, MAX_MESSAGE_CHARS),
          ),
          i,
        ),
      ),
    errorCount: Math.max(errorCount, issues.length),
    warnings: warnings.slice(0, MAX_LISTED_ISSUES).map((w) => excerpt(w, MAX_MESSAGE_CHARS)),
    records,
    bytes,
    hash: ok ? contentHash(observations) : null,
    origins,
  };
}
