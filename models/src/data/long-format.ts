/**
 * The one parser and validator of the long format
 * `indicator,period,region,sector,qualification,value,unit,source,status`,
 * used by the seeds, API uploads and the CLI.
 *
 * Issues are `{ line, column, value, message, messageVi, code }`: `line` is the 1-based
 * physical line of the file (header = line 1, embedded newlines in quoted
 * fields counted); `column` is always the canonical column *name* (`region`),
 * or null for whole-line/file problems. At most `maxErrors` (default 100)
 * errors and warnings are kept each; `stats` counts them all. A row with any
 * error is left out of `rows`; callers must not store anything when
 * `errors.length > 0` (use `ok`).
 *
 * Former provinces (63 → 34 reform) are mapped onto the unit they now belong
 * to. Counts (`persons`) of several former provinces that land in the same
 * cell are added up, because a merged unit's value is the sum of its parts;
 * rates cannot be added and are rejected.
 *
 * The validator's steps live beside it: long-format-rules.ts (labels → codes),
 * long-format-checks.ts (field count, text, value, unit, period),
 * long-format-cells.ts (duplicates and merged former provinces);
 * long-format-rows.ts applies the same rules to rows that arrive as JSON.
 */
import Papa from 'papaparse';
import { z } from 'zod';
import type { Observation } from './observation';
import { LONG_COLUMNS } from './observation';
import {
  checkCsvText,
  decodeCsvBytes,
  detectDelimiter,
  firstInvalidUtf8,
  legacyEncodingIssue,
  mapHeader,
  type Delimiter,
  type LongColumn,
  type LongIssue,
} from './csv-sniff';
import { createLongResolvers, periodSchema, type Resolved } from './long-format-rules';
import { checkRowRules, checkSource, checkTextFields, fieldCountIssue, IssueLog, parseValue, PeriodClock } from './long-format-checks';
import { LongCells } from './long-format-cells';

export type { LongIssue } from './csv-sniff';

/** Period label: `2023` or `2023-Q4` (defined with the other label rules). */
export { periodSchema };
export { createObservationCheck, isBreakdownCode, observationSchema } from './long-format-rows';

export const longOptionsSchema = z.object({
  /** Clock for the "future period" check (tests inject it). */
  now: z.date().optional(),
  /** How many errors (and, separately, warnings) to keep; the rest are counted. */
  maxErrors: z.number().int().positive().max(100_000).optional(),
  /** Streams only: characters gathered before a parse batch (default 1 Mi; small values exercise batching in tests). */
  batchChars: z.number().int().positive().optional(),
});
export type LongOptions = z.input<typeof longOptionsSchema>;

export interface LongStats {
  /** Physical lines read, header included. */
  lines: number;
  /** Data records seen (blank lines excluded). */
  records: number;
  /** Valid rows returned (after merging former provinces). */
  rows: number;
  errorCount: number;
  warningCount: number;
  /** Rows whose region named a former province. */
  formerProvinceRows: number;
  /** Cells where counts of several former provinces were added up. */
  mergedCells: number;
  /** Rows per indicator. */
  indicators: Record<string, number>;
  periods: { min: string; max: string } | null;
}

export interface LongResult {
  ok: boolean;
  rows: Observation[];
  /** Physical line of each row in `rows` (its first line when former provinces were merged). */
  lines?: number[];
  errors: LongIssue[];
  warnings: LongIssue[];
  stats: LongStats;
  /** Delimiter found in the header (CSV entry points only). */
  delimiter?: string;
}

export interface LongValidator {
  /**
   * Feed one parsed record. The first record is the header. `line` is the
   * physical line where the record starts; omit it to let the validator count
   * (records must then arrive in file order, blank lines included).
   */
  push(record: readonly string[], line?: number): void;
  /** Record a CSV syntax problem (e.g. an unclosed quote) on the line of the last pushed record. */
  syntaxError(message: string): void;
  finish(): LongResult;
}

const EMPTY_EN = 'The file is empty: expected a header row and at least one data row.';
const EMPTY_VI = 'Tệp rỗng: cần một dòng tiêu đề và ít nhất một dòng số liệu.';

/** Physical lines a record spans (quoted fields may hold line breaks). */
function lineSpan(record: readonly string[]): number {
  let span = 1;
  for (const f of record) {
    for (let i = f.indexOf('\n'); i >= 0; i = f.indexOf('\n', i + 1)) span++;
  }
  return span;
}

/**
 * One validation, record by record: the header fixes the column positions,
 * then each data record goes through the steps of `pushData` (field count →
 * text fields → labels, value and consistency → the cell store).
 */
class LongValidation implements LongValidator {
  private readonly log: IssueLog;
  private readonly resolve = createLongResolvers();
  private readonly clock: PeriodClock;
  private readonly cells: LongCells;
  private header: Partial<Record<LongColumn, number>> | null = null;
  private headerBroken = false;
  private width = 0;
  // Column positions, fixed once the header is read (no per-row closures: this loop runs a million times).
  private ix: number[] = [];
  private nextLine = 1;
  private lastAt = 1;
  private records = 0;

  constructor(opts: z.output<typeof longOptionsSchema>) {
    this.log = new IssueLog(opts.maxErrors ?? 100);
    this.clock = new PeriodClock((opts.now ?? new Date()).getTime());
    this.cells = new LongCells(this.log);
  }

  syntaxError(message: string): void {
    this.log.error({
      line: this.lastAt,
      column: null,
      value: '',
      code: 'CSV_SYNTAX',
      message: `CSV syntax: ${message}. Check quotes (a field with commas or line breaks must be in "double quotes", a quote inside it doubled "").`,
      messageVi: `Lỗi cú pháp CSV: ${message}. Kiểm tra dấu ngoặc kép (trường chứa dấu phẩy hoặc xuống dòng phải nằm trong "ngoặc kép", dấu ngoặc kép bên trong phải viết đôi "").`,
    });
  }

  push(record: readonly string[], line?: number): void {
    const at = line ?? this.nextLine;
    this.lastAt = at;
    if (line === undefined) this.nextLine += lineSpan(record);
    if (record.length === 0 || (record.length === 1 && record[0].trim() === '')) return;
    if (!this.header) return this.setHeader(record, at);
    this.records++;
    if (this.headerBroken) return;
    this.pushData(record, at);
  }

  finish(): LongResult {
    const { log, cells } = this;
    if (!this.header) {
      log.error({ line: 1, column: null, value: '', code: 'EMPTY_FILE', message: EMPTY_EN, messageVi: EMPTY_VI });
    } else if (this.records === 0 && !this.headerBroken) {
      log.error({
        line: 2,
        column: null,
        value: '',
        code: 'EMPTY_FILE',
        message: 'The file has a header but no data rows.',
        messageVi: 'Tệp chỉ có dòng tiêu đề, không có dòng số liệu.',
      });
    }
    cells.warnFormer();
    const merged = cells.warnPartial();
    return {
      ok: log.errorCount === 0,
      rows: cells.rows,
      lines: cells.lines,
      errors: log.errors,
      warnings: log.warnings,
      stats: {
        lines: this.nextLine - 1,
        records: this.records,
        rows: cells.rows.length,
        errorCount: log.errorCount,
        warningCount: log.warningCount,
        formerProvinceRows: cells.formerRows,
        mergedCells: merged,
        indicators: cells.perIndicator,
        periods: cells.periods(),
      },
    };
  }

  private setHeader(record: readonly string[], line: number): void {
    const map = mapHeader(record, line);
    this.header = map.index;
    this.ix = LONG_COLUMNS.map((c) => map.index[c] ?? 0);
    this.width = record.length;
    map.warnings.forEach((w) => this.log.warning(w));
    if (map.errors.length) {
      this.headerBroken = true;
      map.errors.forEach((e) => this.log.error(e));
    }
  }

  /** The steps of one data record; a record with any error adds no row. */
  private pushData(rec: readonly string[], line: number): void {
    if (rec.length !== this.width) return this.log.error(fieldCountIssue(rec, this.width, line));
    const before = this.log.errorCount;
    checkTextFields(rec, this.ix, line, this.log);
    if (this.log.errorCount > before) return;
    // The region is resolved here: the cell store needs the former province it named.
    const rRaw = rec[this.ix[2]].trim();
    const region = this.resolve.region(rRaw);
    const row = this.readRow(rec, line, rRaw, region);
    if (!row || this.log.errorCount > before) return;
    this.cells.add(row, line, rRaw, region.ok ? region.mappedFrom : undefined);
  }

  /** Resolves and checks every column of a record; undefined (or an error logged) when it is not a valid row. */
  private readRow(rec: readonly string[], line: number, rRaw: string, regionR: Resolved<string>): Observation | undefined {
    const { ix, log, resolve } = this;
    const iRaw = rec[ix[0]].trim();
    const pRaw = rec[ix[1]].trim();
    const sRaw = rec[ix[3]].trim();
    const qRaw = rec[ix[4]].trim();
    const vRaw = rec[ix[5]].trim();
    const uRaw = rec[ix[6]].trim();
    const srcRaw = rec[ix[7]].trim();
    const stRaw = rec[ix[8]].trim();
    const indicator = this.check(resolve.indicator(iRaw), line, 'indicator', iRaw);
    const period = this.check(resolve.period(pRaw), line, 'period', pRaw);
    const region = this.check(regionR, line, 'region', rRaw);
    const sector = this.check(resolve.breakdown(indicator, sRaw), line, 'sector', sRaw);
    const qualification = this.check(resolve.qualification(qRaw), line, 'qualification', qRaw);
    const unit = this.check(resolve.unit(uRaw), line, 'unit', uRaw);
    const status = this.check(resolve.status(stRaw), line, 'status', stRaw);
    checkSource(srcRaw, line, log);
    const parsed = parseValue(vRaw, line, log);
    const value = checkRowRules({ indicator, value: parsed, vRaw, unit, uRaw, region, period, pRaw }, this.clock, line, log) ? parsed : NaN;
    if (!indicator || !period || !region || !sector || !qualification || !unit || !status) return undefined;
    return { indicator: indicator.code, period, region, sector, qualification, value, unit, source: srcRaw, status };
  }

  private check<T>(r: Resolved<T>, line: number, column: LongColumn, raw: string): T | undefined {
    if (r.ok) return r.value;
    this.log.error({ line, column, value: raw, message: r.message, messageVi: r.messageVi, code: r.code });
    return undefined;
  }
}

/** Create an incremental validator; see the module comment for the issue format. */
export function createLongValidator(options: LongOptions = {}): LongValidator {
  const v = new LongValidation(longOptionsSchema.parse(options));
  // A plain object of bound functions, so callers may pass `push` around on its own.
  return {
    push: (record, line) => v.push(record, line),
    syntaxError: (message) => v.syntaxError(message),
    finish: () => v.finish(),
  };
}

function failed(issue: LongIssue): LongResult {
  return {
    ok: false,
    rows: [],
    errors: [issue],
    warnings: [],
    stats: { lines: 0, records: 0, rows: 0, errorCount: 1, warningCount: 0, formerProvinceRows: 0, mergedCells: 0, indicators: {}, periods: null },
  };
}

/**
 * Parse and validate a whole long-format CSV held as text (UTF-8 already
 * decoded; a BOM is stripped). Delimiter `,` `;` or tab is detected from the header.
 */
export function parseLongCsv(text: string, options: LongOptions = {}): LongResult {
  const enc = checkCsvText(text);
  if (!enc.ok) return failed(enc.issue);
  if (enc.text.trim() === '') return failed({ line: 1, column: null, value: '', code: 'EMPTY_FILE', message: EMPTY_EN, messageVi: EMPTY_VI });
  const delimiter = detectDelimiter(enc.text);
  const v = createLongValidator(options);
  Papa.parse<string[]>(enc.text, {
    delimiter,
    skipEmptyLines: false,
    step: (r) => {
      v.push(r.data);
      for (const e of r.errors) v.syntaxError(e.message);
    },
  });
  const out = v.finish();
  // A trailing newline is not a line of its own.
  out.stats.lines = enc.text.endsWith('\n') ? out.stats.lines - 1 : out.stats.lines;
  return { ...out, delimiter };
}

/** Same as `parseLongCsv`, from raw bytes: rejects (and names) non-UTF-8 encodings. */
export function parseLongCsvBytes(bytes: Uint8Array, options: LongOptions = {}): LongResult {
  const enc = decodeCsvBytes(bytes);
  if (!enc.ok) return failed(enc.issue);
  return parseLongCsv(enc.text, options);
}

const BATCH_CHARS = 1 << 20;

/**
 * Validate a long-format CSV arriving in chunks (a Node stream, a web
 * `ReadableStream`, or any async iterable of bytes or text) without keeping
 * the text: bytes are decoded incrementally (UTF-8 only; UTF-16 and legacy
 * encodings are named and rejected), whole records are parsed batch by batch
 * and fed to `createLongValidator`. Only the resulting rows are kept.
 */
export async function parseLongStream(chunks: AsyncIterable<Uint8Array | string>, options: LongOptions = {}): Promise<LongResult> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const v = createLongValidator(options);
  const batch = longOptionsSchema.parse(options).batchChars ?? BATCH_CHARS;
  let delimiter: Delimiter | undefined;
  // Fixed from the header: a batch may hold a single line, too little for Papa to guess from.
  let newline: '\n' | '\r\n' = '\n';
  let buf = '';
  let first = true;
  let linesDone = 0;
  // Incremental scan for the last newline outside quotes, so a long quoted field is not rescanned per chunk.
  let scanned = 0;
  let inQuotes = false;
  let cut = -1;
  const feed = (text: string) => {
    // An empty batch is a blank line (the validator counts it); Papa would emit nothing.
    if (text === '') return v.push(['']);
    Papa.parse<string[]>(text, {
      delimiter: delimiter!,
      newline,
      skipEmptyLines: false,
      step: (r) => {
        v.push(r.data);
        for (const e of r.errors) v.syntaxError(e.message);
      },
    });
  };
  const countLines = (t: string) => {
    for (let i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) linesDone++;
  };
  for await (const chunk of chunks) {
    let text: string;
    if (typeof chunk === 'string') text = chunk;
    else {
      if (first) {
        const enc = decodeCsvBytes(chunk.subarray(0, 4));
        if (!enc.ok && enc.encoding.startsWith('UTF-16')) return failed(enc.issue);
      }
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        // Skip continuation bytes of a character begun in the previous chunk, then find the bad byte's line.
        let from = 0;
        while (from < 3 && (chunk[from] & 0xc0) === 0x80) from++;
        const bad = Math.max(0, firstInvalidUtf8(chunk, from));
        let inChunk = 0;
        for (let i = 0; i < bad; i++) if (chunk[i] === 10) inChunk++;
        return failed(legacyEncodingIssue(linesDone + 1 + (buf.match(/\n/g)?.length ?? 0) + inChunk));
      }
    }
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = text === '';
    }
    buf += text;
    if (delimiter === undefined) {
      if (buf.indexOf('\n') < 0) continue;
      const checked = checkCsvText(buf);
      if (!checked.ok) return failed(checked.issue);
      delimiter = detectDelimiter(buf);
      if (buf[buf.indexOf('\n') - 1] === '\r') newline = '\r\n';
    }
    // Parse in batches of about 1 MB: each Papa.parse call has a fixed setup cost.
    if (buf.length < batch) continue;
    for (; scanned < buf.length; scanned++) {
      const c = buf.charCodeAt(scanned);
      if (c === 34) inQuotes = !inQuotes;
      else if (c === 10 && !inQuotes) cut = scanned;
    }
    if (cut < 0) continue;
    const part = buf.slice(0, newline === '\r\n' && buf[cut - 1] === '\r' ? cut - 1 : cut);
    buf = buf.slice(cut + 1);
    scanned -= cut + 1;
    cut = -1;
    const checked = checkCsvText(part);
    if (!checked.ok) return failed({ ...checked.issue, line: checked.issue.line + linesDone });
    feed(part);
    countLines(part);
    linesDone++;
  }
  try {
    buf += decoder.decode();
  } catch {
    return failed(legacyEncodingIssue(linesDone + 1 + (buf.match(/\n/g)?.length ?? 0)));
  }
  if (delimiter === undefined) {
    if (buf.trim() === '') return failed({ line: 1, column: null, value: '', code: 'EMPTY_FILE', message: EMPTY_EN, messageVi: EMPTY_VI });
    delimiter = detectDelimiter(buf);
    const nl = buf.indexOf('\n');
    if (nl > 0 && buf[nl - 1] === '\r') newline = '\r\n';
  }
  // The file's final line break ends the last line; it does not start another.
  if (buf !== '') feed(buf.endsWith(newline) ? buf.slice(0, -newline.length) : buf.endsWith('\n') ? buf.slice(0, -1) : buf);
  const out = v.finish();
  return { ...out, delimiter };
}

/** Write observations as long-format CSV (`\n` line ends, header first, quoting only when needed). */
export function toLongCsv(rows: readonly Observation[]): string {
  const data = rows.map((r) => LONG_COLUMNS.map((c) => (c === 'value' ? String(r.value) : r[c])));
  return `${Papa.unparse({ fields: [...LONG_COLUMNS], data }, { newline: '\n' })}\n`;
}
