/**
 * Adapter: the server's validation problems → rows of the report table,
 * grouped by line, and the set of lines to highlight in the file preview.
 */
import type { UploadIssue } from './upload-request';

export interface ReportRow {
  line: number;
  /** `null` for problems with the whole line or file. */
  column: string | null;
  value: string;
  message: string;
  code: string;
}

/** Sorted by line then column; picks the message in the UI language. */
export function toReportRows(issues: readonly UploadIssue[], lang: 'vi' | 'en'): ReportRow[] {
  return issues
    .map((i) => ({ line: i.line, column: i.column, value: i.value, code: i.code, message: lang === 'vi' && i.messageVi ? i.messageVi : i.message }))
    .sort((a, b) => a.line - b.line || (a.column ?? '').localeCompare(b.column ?? ''));
}

/** Line → the columns with a problem on it (empty set: the whole line). */
export function highlightedLines(issues: readonly UploadIssue[]): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  for (const i of issues) {
    if (i.line <= 0) continue;
    let cols = out.get(i.line);
    if (!cols) out.set(i.line, (cols = new Set()));
    if (i.column) cols.add(i.column);
  }
  return out;
}
