/**
 * Row checks of the long format that need no code lists: the field count,
 * text fields (length, control characters), the value (a decimal number within
 * plausible bounds for its unit and area) and the consistency of indicator,
 * unit and period. Issues go to an `IssueLog`, which keeps the first `max`
 * errors and warnings and counts them all.
 */
import type { Indicator } from '../codes/indicators';
import type { Unit } from './observation';
import { LONG_COLUMNS } from './observation';
import type { LongColumn, LongIssue } from './csv-sniff';
import { excerpt, MAX_CELL_VALUE, MAX_LABEL_CHARS, MAX_SOURCE_CHARS, populationCap, textFieldProblem } from './plausibility';

/** Errors and warnings of one file: the first `max` of each are kept, all are counted (microdata's errors too, as `I`). */
export class IssueLog<I extends LongIssue = LongIssue> {
  readonly errors: I[] = [];
  readonly warnings: I[] = [];
  errorCount = 0;
  warningCount = 0;
  constructor(private readonly max: number) {}
  error(e: I): void {
    this.errorCount++;
    if (this.errors.length < this.max) this.errors.push(e);
  }
  warning(w: I): void {
    this.warningCount++;
    if (this.warnings.length < this.max) this.warnings.push(w);
  }
}

/** A record whose field count differs from the header's (usually an unquoted delimiter). */
export function fieldCountIssue(rec: readonly string[], width: number, line: number): LongIssue {
  const hint = rec.length > width ? ' A value that contains the delimiter must be in "double quotes".' : '';
  const hintVi = rec.length > width ? ' Giá trị có chứa dấu phân cách phải đặt trong "ngoặc kép".' : '';
  return {
    line,
    column: null,
    value: excerpt(rec.join(',')),
    code: 'FIELD_COUNT',
    message: `Line has ${rec.length} fields but the header has ${width}; check the delimiter and quoting.${hint}`,
    messageVi: `Dòng có ${rec.length} trường nhưng tiêu đề có ${width}; kiểm tra dấu phân cách và dấu ngoặc kép.${hintVi}`,
  };
}

// Cheap pre-test so the common clean field skips textFieldProblem.
function hasControl(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127) return true;
  }
  return false;
}

/**
 * Length and control characters of the canonical columns (`ix` maps them to
 * the record), checked first: an overlong or binary field is neither
 * resolved nor echoed in full.
 */
export function checkTextFields(rec: readonly string[], ix: readonly number[], line: number, log: IssueLog): void {
  for (let c = 0; c < ix.length; c++) checkTextField(rec[ix[c]], LONG_COLUMNS[c], line, log);
}

/** Length (longer for `source`) and control characters of one field. */
export function checkTextField(raw: string, column: LongColumn, line: number, log: IssueLog): void {
  const p = raw.length > MAX_LABEL_CHARS || hasControl(raw) ? textFieldProblem(raw, column === 'source' ? MAX_SOURCE_CHARS : MAX_LABEL_CHARS) : null;
  if (p) log.error({ line, column, value: excerpt(raw), code: p.code, message: `${column}: ${p.message}`, messageVi: `${column}: ${p.messageVi}` });
}

/** Every row needs a source. */
export function checkSource(srcRaw: string, line: number, log: IssueLog): void {
  if (!srcRaw)
    log.error({
      line,
      column: 'source',
      value: '',
      code: 'MISSING_SOURCE',
      message: 'Every row needs a source a person can follow (publication, table, year).',
      messageVi: 'Mỗi dòng cần nguồn số liệu tra cứu được (ấn phẩm, bảng, năm).',
    });
}

/** The value of a row: a decimal number (its bounds: `checkRowRules`). Returns NaN after logging a problem. */
export function parseValue(vRaw: string, line: number, log: IssueLog): number {
  if (vRaw === '') {
    log.error({ line, column: 'value', value: '', code: 'MISSING_VALUE', message: 'The value is empty.', messageVi: 'Giá trị để trống.' });
    return NaN;
  }
  const value = Number(vRaw);
  const c1 = vRaw.length > 1 ? vRaw.charCodeAt(1) | 0x20 : 0;
  if (!Number.isFinite(value) || c1 === 0x78 || c1 === 0x62 || c1 === 0x6f) {
    // 0x…, 0b…, 0o… are not decimal
    const hint =
      /^\d{1,3}(\.\d{3})+(,\d+)?$/.test(vRaw) || /^\d+,\d+$/.test(vRaw)
        ? ' Use a dot for decimals and no thousands separators (1234567.5, not 1.234.567,5).'
        : '';
    log.error({
      line,
      column: 'value',
      value: vRaw,
      code: 'NOT_A_NUMBER',
      message: `Value "${vRaw}" is not a number.${hint}`,
      messageVi: `Giá trị "${vRaw}" không phải là số.${hint ? ' Dùng dấu chấm cho phần thập phân, không dùng dấu phân cách hàng nghìn (1234567.5, không phải 1.234.567,5).' : ''}`,
    });
    return NaN;
  }
  return value;
}

/**
 * Bounds of a value (`vRaw` as written, for the messages): not negative, at
 * most 100 for a percentage, below 10^12, and for persons at most the
 * plausible population of `region`. Returns false after logging a problem.
 */
export function checkValueRange(value: number, vRaw: string, unit: Unit | undefined, region: string | undefined, line: number, log: IssueLog): boolean {
  if (value < 0) {
    log.error({
      line,
      column: 'value',
      value: vRaw,
      code: 'NEGATIVE_VALUE',
      message: `Value ${vRaw} is negative; counts and shares cannot be below 0.`,
      messageVi: `Giá trị ${vRaw} âm; số người và tỷ lệ không thể nhỏ hơn 0.`,
    });
  } else if (unit === 'percent' && value > 100) {
    log.error({
      line,
      column: 'value',
      value: vRaw,
      code: 'PERCENT_OVER_100',
      message: `Value ${vRaw} is over 100 for a percentage.`,
      messageVi: `Giá trị ${vRaw} vượt quá 100 đối với tỷ lệ phần trăm.`,
    });
  } else if (value >= MAX_CELL_VALUE) {
    log.error({
      line,
      column: 'value',
      value: vRaw,
      code: 'VALUE_TOO_LARGE',
      message: `Value ${vRaw} is implausibly large: every value must be below 10^12 (check the scale and the unit).`,
      messageVi: `Giá trị ${vRaw} lớn bất thường: mọi giá trị phải nhỏ hơn 10^12 (kiểm tra hệ số nhân và đơn vị).`,
    });
  } else if (unit === 'persons' && region !== undefined && value > populationCap(region)) {
    const cap = populationCap(region);
    log.error({
      line,
      column: 'value',
      value: vRaw,
      code: 'EXCEEDS_POPULATION',
      message: `Value ${vRaw} persons is more than any plausible population of ${region} (at most ${cap.toLocaleString('en')}); check the scale (thousands vs persons).`,
      messageVi: `Giá trị ${vRaw} người lớn hơn mọi mức dân số hợp lý của ${region} (tối đa ${cap.toLocaleString('en')}); kiểm tra hệ số nhân (nghìn người hay người).`,
    });
  } else return true;
  return false;
}

/** What the row rules look at: the resolved fields (undefined where they did not resolve) and, for the messages, the text as written. */
export interface RowFacts {
  indicator: Indicator | undefined;
  /** NaN when the text is not a number (already reported). */
  value: number;
  vRaw: string;
  unit: Unit | undefined;
  uRaw: string;
  region: string | undefined;
  period: string | undefined;
  pRaw: string;
}

/**
 * The rules every row obeys however it arrived (a CSV line or a JSON observation): the value's
 * bounds, the indicator's unit, the period, in that order. One place, so a rule added here holds
 * for both. Returns false when the value is out of bounds.
 */
export function checkRowRules(f: RowFacts, clock: PeriodClock, line: number, log: IssueLog): boolean {
  const inBounds = Number.isNaN(f.value) || checkValueRange(f.value, f.vRaw, f.unit, f.region, line, log);
  checkUnit(f.indicator, f.unit, f.uRaw, line, log);
  checkPeriod(f.indicator, f.period, f.pRaw, clock, line, log);
  return inBounds;
}

/** The unit must be the indicator's. */
export function checkUnit(indicator: Indicator | undefined, unit: Unit | undefined, uRaw: string, line: number, log: IssueLog): void {
  if (indicator && unit && indicator.unit !== unit) {
    log.error({
      line,
      column: 'unit',
      value: uRaw,
      code: 'UNIT_MISMATCH',
      message: `${indicator.code} is measured in ${indicator.unit}, not ${unit}.`,
      messageVi: `${indicator.code} tính bằng ${indicator.unit}, không phải ${unit}.`,
    });
  }
}

/** Start of a period label (`2023`, `2023-Q4`) in ms, UTC. */
function periodStart(p: string): number {
  const year = Number(p.slice(0, 4));
  const q = p.length > 4 ? Number(p[6]) : 1;
  return Date.UTC(year, (q - 1) * 3, 1);
}

/** The clock of the future-period rule, with each period's start computed once. */
export class PeriodClock {
  private readonly starts = new Map<string, number>();
  constructor(private readonly now: number) {}
  /** True when `period` starts after now. */
  isFuture(period: string): boolean {
    let t = this.starts.get(period);
    if (t === undefined) {
      t = periodStart(period);
      this.starts.set(period, t);
    }
    return t > this.now;
  }
}

/** An observed indicator (a stock or a rate) cannot carry a period that has not started; flows (plans) can. */
export function checkPeriod(indicator: Indicator | undefined, period: string | undefined, pRaw: string, clock: PeriodClock, line: number, log: IssueLog): void {
  if (indicator && period && indicator.observed && clock.isFuture(period)) {
    log.error({
      line,
      column: 'period',
      value: pRaw,
      code: 'FUTURE_PERIOD',
      message: `Period ${period} is in the future; ${indicator.code} is an observed stock or rate, so only past and current periods can be uploaded (flows such as graduates may carry plans).`,
      messageVi: `Kỳ ${period} ở tương lai; ${indicator.code} là số liệu quan sát (số tồn hoặc tỷ lệ) nên chỉ tải lên được kỳ đã qua hoặc hiện tại (chỉ tiêu dòng như số tốt nghiệp có thể là kế hoạch).`,
    });
  }
}
