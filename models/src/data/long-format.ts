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
 * The validator's steps live beside it: long-format-validator.ts (the
 * record-by-record validator), long-format-rules.ts (labels → codes),
 * long-format-checks.ts (field count, text, value, unit, period),
 * long-format-cells.ts (duplicates and merged former provinces);
 * long-format-result.ts holds the options and result shapes,
 * long-format-stream.ts reads a file arriving in chunks, and
 * long-format-rows.ts applies the same rules to rows that arrive as JSON.
 */
import Papa from 'papaparse';
import type { Observation } from './observation';
import { LONG_COLUMNS } from './observation';
import { checkCsvText, decodeCsvBytes, detectDelimiter } from './csv-sniff';
import { periodSchema } from './long-format-rules';
import { EMPTY_EN, EMPTY_VI, failed, type LongOptions, type LongResult } from './long-format-result';
import { createLongValidator } from './long-format-validator';

export type { LongIssue } from './csv-sniff';
export { longOptionsSchema, type LongOptions, type LongStats, type LongResult, type LongValidator } from './long-format-result';
export { createLongValidator } from './long-format-validator';
export { parseLongStream } from './long-format-stream';

/** Period label: `2023` or `2023-Q4` (defined with the other label rules). */
export { periodSchema };
export { createObservationCheck, isBreakdownCode, observationSchema } from './long-format-rows';

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

/** Write observations as long-format CSV (`\n` line ends, header first, quoting only when needed). */
export function toLongCsv(rows: readonly Observation[]): string {
  const data = rows.map((r) => LONG_COLUMNS.map((c) => (c === 'value' ? String(r.value) : r[c])));
  return `${Papa.unparse({ fields: [...LONG_COLUMNS], data }, { newline: '\n' })}\n`;
}
