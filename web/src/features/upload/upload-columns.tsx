/**
 * Columns of the upload page's tables (validation report, official cells to confirm, the file
 * profile), beside their adapters (to-report-rows.ts, upload-request.ts, profile.ts), so the
 * components only hand rows and columns to the shared DataTable.
 */
import type { TFunction } from 'i18next';
import { cellCodes } from '../../components/cell-codes';
import type { Column } from '../../components/csv';
import { formatDecimal, formatInteger, MISSING, type Lang } from '../../i18n/format';
import type { FileProfile } from './profile';
import type { ProfileHeadRow, ReportRow } from './to-report-rows';
import type { OfficialConflict } from './upload-request';

/** A file line, or '–' for problems with the whole file (line 0). */
const lineText = (line: number) => (line > 0 ? String(line) : MISSING);

/** The validation report: line, (series / period for SDMX), column, value as written, message. */
export function reportColumns(t: TFunction, showSeries: boolean): Column<ReportRow>[] {
  const columns: Column<ReportRow>[] = [
    { key: 'line', label: t('upload.line'), value: (r) => r.line, format: (r) => lineText(r.line), align: 'right' },
    { key: 'series', label: t('upload.series'), value: (r) => r.series ?? undefined },
    { key: 'column', label: t('upload.column'), value: (r) => r.column ?? undefined },
    { key: 'value', label: t('upload.value'), value: (r) => r.value, format: (r) => <code>{r.value}</code> },
    { key: 'message', label: t('upload.message'), value: (r) => r.message, phone: 'key' },
  ];
  return showSeries ? columns : columns.filter((c) => c.key !== 'series');
}

/** The cell's coordinates as the API names them. */
export const conflictCell = (c: OfficialConflict) => `${cellCodes(c)} · ${c.period}`;

/** Official cells the file would replace: where in the file, which cell, the official value and source, the new value and status. */
export function officialColumns(t: TFunction, lang: Lang): Column<OfficialConflict>[] {
  return [
    { key: 'line', label: t('upload.line'), value: (c) => c.line, format: (c) => lineText(c.line), align: 'right' },
    { key: 'column', label: t('upload.column'), value: (c) => c.column ?? undefined },
    { key: 'cell', label: t('upload.officialCell'), value: conflictCell, phone: 'title' },
    {
      key: 'current',
      label: t('upload.officialCurrent'),
      value: (c) => c.current.value,
      phone: 'key',
      format: (c) => (
        <>
          <span className="num">{formatInteger(c.current.value, lang)}</span>
          <br />
          <small>{c.current.source}</small>
        </>
      ),
    },
    {
      key: 'new',
      label: t('upload.officialNew'),
      value: (c) => c.new.value,
      phone: 'key',
      format: (c) => (
        <>
          <span className="num">{formatInteger(c.new.value, lang)}</span>
          <br />
          <small>{t(`status.${c.new.status}`, { defaultValue: c.new.status })}</small>
        </>
      ),
    },
  ];
}

/** The profile's first rows: the file line, then every shown column headed by its name and detected type. */
export function profileHeadColumns(t: TFunction, columns: FileProfile['columns']): Column<ProfileHeadRow>[] {
  return [
    { key: 'line', label: t('upload.line'), value: (r) => r.line, align: 'right' },
    ...columns.map((c): Column<ProfileHeadRow> => ({ key: `col:${c.name}`, label: `${c.name} (${c.type})`, value: (r) => r.cells[c.name] ?? '' })),
  ];
}

/** Which column of a profile-head row `column` shows (undefined for the line number). */
export const profileColumnName = (column: Pick<Column<ProfileHeadRow>, 'key'>) => (column.key.startsWith('col:') ? column.key.slice(4) : undefined);

type CountRow = FileProfile['counts'][number]['values'][number];
type SumRow = FileProfile['sums'][number]['rows'][number];
const emptyCode = (v: string) => v || '∅';

/** A code column's most frequent values and how many rows have each. */
export function valueCountColumns(t: TFunction, lang: Lang): Column<CountRow>[] {
  return [
    { key: 'value', label: t('upload.value'), value: (r) => emptyCode(r.value) },
    { key: 'count', label: t('upload.rowsCount'), value: (r) => r.count, format: (r) => formatInteger(r.count, lang), align: 'right' },
  ];
}

/** The measure summed per group (integers as integers, else one decimal). */
export function sumColumns(t: TFunction, lang: Lang, by: string): Column<SumRow>[] {
  return [
    { key: 'key', label: by, value: (r) => emptyCode(r.key) },
    {
      key: 'sum',
      label: t('upload.sum'),
      value: (r) => r.sum,
      format: (r) => (Number.isInteger(r.sum) ? formatInteger(r.sum, lang) : formatDecimal(r.sum, lang, 1)),
      align: 'right',
    },
  ];
}
