/**
 * Feed rows built from another format (SDMX, PX-Web) through the one
 * long-format validator, so every rule (codes, units, future periods,
 * duplicates, former provinces) applies unchanged — and map its issues back
 * to where the value came from.
 *
 * Several values can come from one physical line (a wide PX-Web row, or a
 * whole SDMX file on one line), so each pushed record gets a synthetic line
 * number; `finish` turns it back into the source line and prefixes the
 * message with the origin (`Series LLF_PE_NUM 2023-Q4: …`).
 */
import { createLongValidator, type LongIssue, type LongOptions, type LongResult } from './long-format';
import { LONG_COLUMNS, type Observation } from './observation';

/** Where a pushed value came from. */
export interface FeedOrigin {
  line: number;
  /** English and Vietnamese prefix naming the value, e.g. `Series LLF_PE_NUM 2023-Q4`. */
  where: string;
  whereVi: string;
}

export interface Feed {
  push(row: Omit<Observation, 'value'> & { value: number }, origin: FeedOrigin): void;
  /** An issue found before validation (already on a real line). */
  error(issue: LongIssue): void;
  warning(issue: LongIssue): void;
  finish(lastLine: number): LongResult;
}

/** Drop binary floating-point noise from scaling (51978.4 × 1000 → 51978400). */
export function cleanNumber(v: number): number {
  return Number(v.toPrecision(12));
}

/** `v × 10^exp`, dividing for negative exponents so 1234.5 × 10^-3 stays exact to print. */
export function scalePow10(v: number, exp: number): number {
  if (exp === 0) return v;
  return cleanNumber(exp > 0 ? v * 10 ** exp : v / 10 ** -exp);
}

export function createFeed(options: LongOptions = {}): Feed {
  const v = createLongValidator(options);
  v.push([...LONG_COLUMNS], 1);
  const origins: FeedOrigin[] = [];
  const extraErrors: LongIssue[] = [];
  const extraWarnings: LongIssue[] = [];
  const real = (synthetic: number) => origins[synthetic - 2];
  const relabel = (i: LongIssue): LongIssue => {
    const o = real(i.line);
    if (!o) return i;
    // Messages may cite other synthetic lines ("Duplicate of line 7"): cite their origin instead.
    const cite = (m: string, word: string) =>
      m.replace(new RegExp(`${word} (\\d+)`, 'g'), (_, n) => {
        const other = real(Number(n));
        return other ? `${word} ${other.line} (${word === 'line' ? other.where : other.whereVi})` : `${word} ${n}`;
      });
    return {
      ...i,
      line: o.line,
      message: `${o.where}: ${cite(i.message, 'line')}`,
      messageVi: i.messageVi === undefined ? undefined : `${o.whereVi}: ${cite(i.messageVi, 'dòng')}`,
    };
  };
  return {
    push(row, origin) {
      origins.push(origin);
      v.push([row.indicator, row.period, row.region, row.sector, row.qualification, String(row.value), row.unit, row.source, row.status], origins.length + 1);
    },
    error(issue) {
      extraErrors.push(issue);
    },
    warning(issue) {
      extraWarnings.push(issue);
    },
    finish(lastLine) {
      const out = v.finish();
      // With no rows pushed the validator says "no data rows"; say instead that nothing could be read.
      const kept = out.errors.filter((e) => !(origins.length === 0 && e.code === 'EMPTY_FILE'));
      const errors = [...extraErrors, ...kept.map(relabel)];
      let errorCount = out.stats.errorCount - (out.errors.length - kept.length) + extraErrors.length;
      if (origins.length === 0 && errorCount === 0) {
        errors.push({
          line: lastLine,
          column: null,
          value: '',
          code: 'NO_VALUES',
          message: 'No values could be read: every series or cell was skipped or not available.',
          messageVi: 'Không đọc được giá trị nào: mọi chuỗi hoặc ô đều bị bỏ qua hoặc không có số liệu.',
        });
        errorCount = 1;
      }
      return {
        ...out,
        ok: errorCount === 0,
        errors,
        warnings: [...extraWarnings, ...out.warnings.map(relabel)],
        stats: { ...out.stats, lines: lastLine, records: origins.length, errorCount, warningCount: out.stats.warningCount + extraWarnings.length },
      };
    },
  };
}
