/**
 * Writes a table as one of the three download formats. SheetJS is imported only when an Excel
 * file is asked for, so it never weighs on the first page load.
 */
import type { Column } from '../csv';
import { downloadBlob } from '../csv';
import { tableToCsv, type CsvDialect } from './csv-dialect';
import { toExportTable } from './table';
import { buildWorkbook, workbookBytes, type ExportLabels, type ExportMeta } from './xlsx-workbook';

/** The choices of the download menu. */
export type ExportFormat = 'xlsx' | 'csv-vi' | 'csv-intl';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['xlsx', 'csv-vi', 'csv-intl'];

/** File name of each format: `x.xlsx`, `x-vn.csv` (Vietnamese Excel dialect), `x.csv`. */
export function exportFilename(base: string, format: ExportFormat): string {
  return format === 'xlsx' ? `${base}.xlsx` : format === 'csv-vi' ? `${base}-vn.csv` : `${base}.csv`;
}

export interface ExportRequest<Row> {
  columns: Column<Row>[];
  rows: Row[];
  meta: ExportMeta;
  labels: ExportLabels;
  /** Lines after the CSV table (the workbook has its own sheet for them). */
  csvFooter: string[];
  filename: string;
}

/** Builds the file of one format as a Blob. */
export async function exportBlob<Row>(format: ExportFormat, req: ExportRequest<Row>): Promise<Blob> {
  const table = toExportTable(req.columns, req.rows);
  if (format === 'xlsx') {
    const X = await import('xlsx');
    const bytes = workbookBytes(X, buildWorkbook(X, table, req.meta, req.labels));
    return new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  }
  const dialect: CsvDialect = format === 'csv-vi' ? 'vi' : 'intl';
  return new Blob([tableToCsv(table, dialect, req.csvFooter)], { type: 'text/csv;charset=utf-8' });
}

/** Builds and saves the file. */
export async function downloadExport<Row>(format: ExportFormat, req: ExportRequest<Row>): Promise<void> {
  downloadBlob(await exportBlob(format, req), exportFilename(req.filename, format));
}
