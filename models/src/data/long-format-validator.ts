/**
 * The incremental long-format validator: records arrive one by one (from a
 * whole text, a stream or a wide/SDMX/PxWeb converter), the header fixes the
 * column positions, and each data record is checked and stored cell by cell.
 */
import type { z } from 'zod';
import type { Observation } from './observation';
import { LONG_COLUMNS } from './observation';
import { mapHeader, type LongColumn } from './csv-sniff';
import { createLongResolvers, type Resolved } from './long-format-rules';
import { checkRowRules, checkSource, checkTextFields, fieldCountIssue, IssueLog, parseValue, PeriodClock } from './long-format-checks';
import { LongCells } from './long-format-cells';
import { EMPTY_EN, EMPTY_VI, longOptionsSchema, type LongOptions, type LongResult, type LongValidator } from './long-format-result';

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
