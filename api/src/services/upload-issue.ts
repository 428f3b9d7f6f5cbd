/**
 * One problem with an uploaded file, the shape every upload check reports in
 * (parsing, option checks, the first look at the bytes, plausibility).
 */
import type { LongIssue } from '@lmo/models';

/**
 * One problem with the file: physical line (header = 1; 0 = not in the file,
 * e.g. the mapping), column name, cell value; SDMX issues also name the
 * series code and period.
 */
export type UploadIssue = LongIssue & { series?: string | null; period?: string | null };

/** An issue; `messageVi` only when there is one. */
export const issue = (line: number, column: string | null, value: string, code: string, message: string, messageVi?: string): UploadIssue => ({
  line,
  column,
  value,
  code,
  message,
  ...(messageVi ? { messageVi } : {}),
});
