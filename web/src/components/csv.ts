import { statusCell } from './status';

/** A table column: how to read, label and format one field of a row. */
export interface Column<Row> {
  key: string;
  label: string;
  /** Raw value for CSV and sorting. */
  value: (row: Row) => string | number | null | undefined;
  /** Display text; defaults to the raw value. */
  format?: (row: Row) => React.ReactNode;
  align?: 'left' | 'right';
}

/** Cells that a spreadsheet would run as a formula get a leading apostrophe (OWASP CSV injection). */
function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Builds CSV text (UTF-8 with BOM so Excel reads Vietnamese diacritics) with a source line at the end. */
export function toCsv<Row>(columns: Column<Row>[], rows: Row[], source?: string): string {
  const lines = [columns.map((c) => csvCell(c.label)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(','));
  if (source) lines.push('', csvCell(`Source: ${source}`));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Saves a blob under a file name through a temporary link. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saves rows as a CSV file (see `toCsv`) with the source line at the end. */
export function downloadCsv<Row>(columns: Column<Row>[], rows: Row[], source: string, filename: string): void {
  downloadBlob(new Blob([toCsv(columns, rows, source)], { type: 'text/csv;charset=utf-8' }), filename);
}

/** Where each row's status and source come from, for the columns every export carries. */
export interface RowProvenance<Row> {
  /** The row's own statuses (e.g. `official` for an observed year, `modelled` for a forecast year). */
  status: (row: Row) => readonly unknown[];
  /** What the row's modelled figures rest on (statuses of the observations behind them), if known. */
  basis?: (row: Row) => readonly unknown[];
  source: (row: Row) => string;
}

/**
 * Appends `status`, `basis` (when known) and `source` columns, with status codes (`official`,
 * `modelled+illustrative`…) rather than translations, so exported files stay comparable across
 * languages and a number never leaves the app without saying what it is.
 */
export function withProvenanceColumns<Row>(columns: Column<Row>[], provenance: RowProvenance<Row>): Column<Row>[] {
  const extra: Column<Row>[] = [{ key: 'status', label: 'status', value: (r) => statusCell(provenance.status(r)) }];
  if (provenance.basis) {
    const basis = provenance.basis;
    extra.push({ key: 'basis', label: 'basis', value: (r) => statusCell(basis(r)) });
  }
  extra.push({ key: 'source', label: 'source', value: (r) => provenance.source(r) });
  return [...columns.filter((c) => !['status', 'basis', 'source'].includes(c.key)), ...extra];
}
