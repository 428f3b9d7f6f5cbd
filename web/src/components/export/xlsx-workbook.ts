/**
 * Builds the Excel workbook of a download with SheetJS: a data sheet (headers in the UI language,
 * numbers as numbers with a number format matching their rounding, an autofilter) and a sheet
 * naming the sources, the statuses of the figures and the data version. The SheetJS module is
 * passed in, so the app loads it lazily (it stays out of the first bundle) and tests import it.
 */
import type * as XLSXModule from 'xlsx';
import type { ExportTable } from './table';

type Xlsx = typeof XLSXModule;

/** A status named in the sources sheet: its code (as in the data sheet), words and meaning. */
export interface ExportStatus {
  code: string;
  label: string;
  hint?: string;
}

/** What a download says about itself (the same facts the chart frame shows around the chart). */
export interface ExportMeta {
  title: string;
  subtitle?: string;
  unit?: string;
  /** Every distinct source citation of the figures. */
  sources: string[];
  statuses: ExportStatus[];
  /** Statuses of the observations the modelled figures rest on. */
  basis: ExportStatus[];
  /** The illustrative-data warning, when some figures are generated. */
  note?: string;
  /** e.g. "#3 · Upload 2025-06-01". */
  dataVersion?: string;
  exportedAt: string;
  link?: string;
}

/** Words of the workbook in the UI language. */
export interface ExportLabels {
  dataSheet: string;
  metaSheet: string;
  title: string;
  subtitle: string;
  unit: string;
  source: string;
  status: string;
  basis: string;
  note: string;
  dataVersion: string;
  exportedAt: string;
  link: string;
}

/** Excel number format for a column rounded to `digits` decimals (Excel shows it with the reader's own separators). */
export function numberFormat(digits: number): string {
  return digits <= 0 ? '#,##0' : `#,##0.${'0'.repeat(digits)}`;
}

/** A valid sheet name: at most 31 characters, none of `[]:*?/\`. */
export function sheetName(name: string): string {
  return (
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet'
  );
}

function dataSheet(X: Xlsx, table: ExportTable): XLSXModule.WorkSheet {
  const ws = X.utils.aoa_to_sheet([table.headers, ...table.rows]);
  table.digits.forEach((digits, c) => {
    if (digits === null) return;
    for (let r = 1; r <= table.rows.length; r += 1) {
      const cell = ws[X.utils.encode_cell({ r, c })] as XLSXModule.CellObject | undefined;
      if (cell && cell.t === 'n') cell.z = numberFormat(digits);
    }
  });
  ws['!cols'] = table.headers.map((h, c) => {
    const widest = Math.max(h.length, ...table.rows.slice(0, 500).map((r) => String(r[c] ?? '').length + (table.digits[c] ? 2 : 0)));
    return { wch: Math.min(60, Math.max(8, widest + 2)) };
  });
  if (table.rows.length) ws['!autofilter'] = { ref: X.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: table.rows.length, c: table.headers.length - 1 } }) };
  return ws;
}

function metaSheet(X: Xlsx, meta: ExportMeta, labels: ExportLabels): XLSXModule.WorkSheet {
  const rows: string[][] = [[labels.title, meta.title]];
  if (meta.subtitle) rows.push([labels.subtitle, meta.subtitle]);
  if (meta.unit) rows.push([labels.unit, meta.unit]);
  meta.sources.forEach((s) => rows.push([labels.source, s]));
  meta.statuses.forEach((s) => rows.push([labels.status, s.code, s.label, ...(s.hint ? [s.hint] : [])]));
  meta.basis.forEach((s) => rows.push([labels.basis, s.code, s.label, ...(s.hint ? [s.hint] : [])]));
  if (meta.note) rows.push([labels.note, meta.note]);
  if (meta.dataVersion) rows.push([labels.dataVersion, meta.dataVersion]);
  rows.push([labels.exportedAt, meta.exportedAt]);
  if (meta.link) rows.push([labels.link, meta.link]);
  const ws = X.utils.aoa_to_sheet(rows);
  ws['!cols'] = [{ wch: 22 }, { wch: 80 }, { wch: 28 }, { wch: 60 }];
  return ws;
}

/** The workbook: the data sheet first (what Excel opens on), then sources and statuses. */
export function buildWorkbook(X: Xlsx, table: ExportTable, meta: ExportMeta, labels: ExportLabels): XLSXModule.WorkBook {
  const wb = X.utils.book_new();
  X.utils.book_append_sheet(wb, dataSheet(X, table), sheetName(labels.dataSheet));
  X.utils.book_append_sheet(wb, metaSheet(X, meta, labels), sheetName(labels.metaSheet));
  wb.Props = { Title: meta.title };
  return wb;
}

/** The workbook as .xlsx bytes. */
export function workbookBytes(X: Xlsx, wb: XLSXModule.WorkBook): ArrayBuffer {
  return X.write(wb, { bookType: 'xlsx', type: 'array', compression: true }) as ArrayBuffer;
}
