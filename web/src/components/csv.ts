import { statusCell } from './status';
import { tableToCsv, type CsvDialect } from './export/csv-dialect';
import { toExportTable } from './export/table';

/** A table column: how to read, label and format one field of a row. */
export interface Column<Row> {
  key: string;
  label: string;
  /** Raw value for CSV and sorting. */
  value: (row: Row) => string | number | null | undefined;
  /** Display text; defaults to the raw value. */
  format?: (row: Row) => React.ReactNode;
  align?: 'left' | 'right';
  /** Decimal places in exports (default: chosen from the column's magnitude, see `export/table.ts`). */
  digits?: number;
  /** Value written to CSV/XLSX when it differs from the sort value (e.g. a level's name rather than its rank). */
  exportValue?: (row: Row) => string | number | null | undefined;
  /** Columns that stand for this one in exports (e.g. an interval shown as "a … b" becomes lower and upper). */
  exportAs?: Column<Row>[];
  /**
   * Its place on a phone's stacked card (DataTable at ≤ 480 px): `title` heads the card (default:
   * the first column), `key` columns (gap, imbalance, flag) come right under it, emphasised.
   */
  phone?: 'title' | 'key';
}

/**
 * Builds CSV text (UTF-8 with BOM so Excel reads Vietnamese diacritics) with a source line at the
 * end: the international dialect by default, `vi` for Excel with Vietnamese regional settings.
 */
export function toCsv<Row>(
  columns: Column<Row>[],
  rows: Row[],
  source?: string,
  { dialect = 'intl', sourceLabel = 'Source' }: { dialect?: CsvDialect; sourceLabel?: string } = {},
): string {
  return tableToCsv(toExportTable(columns, rows), dialect, source ? [`${sourceLabel}: ${source}`] : []);
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
 * languages and a number never leaves the app without saying what it is. `labels` are the
 * headers (in the UI language; the codes are explained in the workbook's sources sheet).
 */
export function withProvenanceColumns<Row>(
  columns: Column<Row>[],
  provenance: RowProvenance<Row>,
  labels: { status: string; basis: string; source: string } = { status: 'status', basis: 'basis', source: 'source' },
): Column<Row>[] {
  const extra: Column<Row>[] = [{ key: 'status', label: labels.status, value: (r) => statusCell(provenance.status(r)) }];
  if (provenance.basis) {
    const basis = provenance.basis;
    extra.push({ key: 'basis', label: labels.basis, value: (r) => statusCell(basis(r)) });
  }
  extra.push({ key: 'source', label: labels.source, value: (r) => provenance.source(r) });
  return [...columns.filter((c) => !['status', 'basis', 'source'].includes(c.key)), ...extra];
}
