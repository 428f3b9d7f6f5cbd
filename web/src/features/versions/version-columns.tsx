/**
 * Columns of the versions panel and the version diff (rows as typed by queries.ts, from the API's
 * own route types), so the components only hand rows and columns to the shared DataTable.
 */
import type { TFunction } from 'i18next';
import { cellCodes } from '../../components/cell-codes';
import type { Column } from '../../components/csv';
import { localizeSource } from '../../i18n/source-text';
import { formatDecimal, formatInteger, MISSING, type Lang } from '../../i18n/format';
import type { CellChange, VersionDiff, VersionInfo } from './queries';
import { VersionBy } from './version-by';

/** A value of a diff in its unit: percentages with two decimals, counts as integers; '–' where there was none. */
export const diffValue = (v: number | null, unit: string, lang: Lang) =>
  v === null ? MISSING : unit === 'percent' ? formatDecimal(v, lang, 2) : formatInteger(v, lang);

/** A changed cell named for people: indicator · area · sector · level in the UI language. */
export const cellName = (c: CellChange, lang: Lang) =>
  [c.names.indicator, c.names.region, c.names.sector, c.names.qualification].map((n) => (lang === 'vi' ? n.vi : n.en)).join(' · ');

/** Key of a changed cell (one per cell and period). */
export const cellKey = (c: CellChange) => `${cellCodes(c)}|${c.period}`;

/** "Official replaced:" / "Official revised:" when the change touched an official figure, else ''. */
export function officialMark(c: CellChange, t: TFunction): string {
  return c.official === 'replaced' ? t('versions.officialReplacedCell') : c.official === 'revised' ? t('versions.officialRevisedCell') : '';
}

/** The status before → after (one status when unchanged). */
export function statusChange(c: CellChange, t: TFunction): string {
  const status = (s: string | null) => (s === null ? MISSING : t(`status.${s}`, { defaultValue: s }));
  return c.statusBefore === c.statusAfter ? status(c.statusAfter) : `${status(c.statusBefore)} → ${status(c.statusAfter)}`;
}

type TotalRow = VersionDiff['totals'][number];

/** Totals of the changed cells per indicator and period, before and after. */
export function totalsColumns(t: TFunction, lang: Lang): Column<TotalRow>[] {
  return [
    { key: 'indicator', label: t('versions.indicator'), value: (r) => r.indicator },
    { key: 'period', label: t('versions.period'), value: (r) => r.period },
    { key: 'cells', label: t('versions.cells'), value: (r) => r.cells, format: (r) => formatInteger(r.cells, lang), align: 'right' },
    { key: 'before', label: t('versions.before'), value: (r) => r.before, format: (r) => diffValue(r.before, r.unit, lang), align: 'right' },
    { key: 'after', label: t('versions.after'), value: (r) => r.after, format: (r) => diffValue(r.after, r.unit, lang), align: 'right', phone: 'key' },
  ];
}

/** One page of changed cells: the cell (codes on hover), period, before, after and the status change. */
export function cellChangeColumns(t: TFunction, lang: Lang): Column<CellChange>[] {
  return [
    { key: 'cell', label: t('versions.cell'), value: (c) => cellName(c, lang), format: (c) => <span title={cellCodes(c)}>{cellName(c, lang)}</span> },
    { key: 'period', label: t('versions.period'), value: (c) => c.period },
    { key: 'before', label: t('versions.before'), value: (c) => c.before, format: (c) => diffValue(c.before, c.unit, lang), align: 'right' },
    { key: 'after', label: t('versions.after'), value: (c) => c.after, format: (c) => diffValue(c.after, c.unit, lang), align: 'right', phone: 'key' },
    {
      key: 'status',
      label: t('versions.statusChange'),
      value: (c) => [officialMark(c, t), statusChange(c, t)].filter(Boolean).join(' '),
      phone: 'key',
      format: (c) => (
        <>
          {officialMark(c, t) && <strong>{officialMark(c, t)} </strong>}
          {statusChange(c, t)}
        </>
      ),
    },
  ];
}

/** What the versions table's last column does for a version. */
export interface VersionActions {
  render: (v: VersionInfo) => React.ReactNode;
}

/** The version history: id (and "current"), label, when, who for which areas, observations, then the actions. */
export function versionColumns(t: TFunction, lang: Lang, actions: VersionActions): Column<VersionInfo>[] {
  return [
    {
      key: 'id',
      label: '#',
      value: (v) => v.id,
      format: (v) => (
        <>
          {v.id}
          {v.isCurrent && <strong> · {t('versions.current')}</strong>}
        </>
      ),
    },
    { key: 'label', label: t('versions.label'), value: (v) => localizeSource(v.label, lang), phone: 'title' },
    {
      key: 'created',
      label: t('versions.created'),
      value: (v) => v.createdAt,
      format: (v) => new Date(v.createdAt).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB'),
    },
    { key: 'by', label: t('versions.by'), value: (v) => v.by?.name ?? v.createdBy, format: (v) => <VersionBy version={v} /> },
    { key: 'rows', label: t('versions.rows'), value: (v) => v.rowCount, format: (v) => formatInteger(v.rowCount, lang), align: 'right' },
    { key: 'actions', label: t('versions.actions'), value: () => undefined, format: actions.render },
  ];
}
