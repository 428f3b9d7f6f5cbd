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
  /** SDMX: `LE_PE_NUM · 2023-Q4` (series code and period), or null. */
  series: string | null;
}

const seriesLabel = (i: UploadIssue) => [i.series, i.period].filter((x) => x != null && x !== '').join(' · ') || null;

/** Sorted by line then column; picks the message in the UI language. */
export function toReportRows(issues: readonly UploadIssue[], lang: 'vi' | 'en'): ReportRow[] {
  return issues
    .map((i) => ({
      line: i.line,
      column: i.column,
      value: i.value,
      code: i.code,
      message: lang === 'vi' && i.messageVi ? i.messageVi : i.message,
      series: seriesLabel(i),
    }))
    .sort((a, b) => a.line - b.line || (a.column ?? '').localeCompare(b.column ?? ''));
}

/** Whether the report needs its "series / period" column (SDMX issues). */
export function hasSeriesColumn(rows: readonly ReportRow[]): boolean {
  return rows.some((r) => r.series !== null);
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

/** One row of the profile's first rows: its line in the file, its cells as written, its bad columns (if the server flagged the line). */
export interface ProfileHeadRow {
  line: number;
  cells: Readonly<Record<string, string>>;
  /** Columns with a problem on this line (empty: the whole line); undefined when the line is fine. */
  bad: ReadonlySet<string> | undefined;
}

/** The profile's first rows numbered by file line, with the server's problems (see highlightedLines) attached. */
export function profileHeadRows(
  head: readonly Record<string, string>[],
  firstDataLine: number,
  highlight: ReadonlyMap<number, ReadonlySet<string>>,
): ProfileHeadRow[] {
  return head.map((cells, i) => ({ line: firstDataLine + i, cells, bad: highlight.get(firstDataLine + i) }));
}
