/**
 * The shapes of a long-format validation: its options, the result and stats
 * every entry point returns, the incremental validator's interface, and the
 * result of a file refused before any record was read.
 */
import { z } from 'zod';
import type { Observation } from './observation';
import type { LongIssue } from './csv-sniff';

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

export const EMPTY_EN = 'The file is empty: expected a header row and at least one data row.';
export const EMPTY_VI = 'Tệp rỗng: cần một dòng tiêu đề và ít nhất một dòng số liệu.';

/** The result of a file refused as a whole (bad encoding, empty): one error, no rows. */
export function failed(issue: LongIssue): LongResult {
  return {
    ok: false,
    rows: [],
    errors: [issue],
    warnings: [],
    stats: { lines: 0, records: 0, rows: 0, errorCount: 1, warningCount: 0, formerProvinceRows: 0, mergedCells: 0, indicators: {}, periods: null },
  };
}
