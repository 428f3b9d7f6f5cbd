import { useContext } from 'react';
import { QueryClientContext } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Meta, Status } from '../../api/types';
import { metaQueries } from '../../features/meta/queries';
import type { Column } from '../csv';
import { uniqueStatuses } from '../status';
import { downloadExport, type ExportFormat } from './download';
import type { ExportLabels, ExportStatus } from './xlsx-workbook';

/** The data version the page shows in its footer ("#3 · label"), read from the cache like `useDataLevels`. */
export function useDataVersion(): string | undefined {
  const client = useContext(QueryClientContext);
  const v = client?.getQueryData<Meta>(metaQueries.codes().queryKey)?.dataVersion;
  return v ? `#${v.id} · ${v.label}` : undefined;
}

/** What a page knows about the table it exports. */
export interface ExportSpec<Row> {
  title: string;
  subtitle?: string;
  unit?: string;
  columns: Column<Row>[];
  rows: Row[];
  /** Sources of the figures (one citation each; duplicates dropped). */
  sources: string[];
  statuses: readonly Status[];
  basis?: readonly Status[];
  note?: string;
  filename: string;
}

/**
 * Returns `exportAs(format, spec)`: the download in the UI language, with the statuses in words,
 * the sources, the data version and the page link, as the chosen format.
 */
export function useExport() {
  const { t } = useTranslation();
  const dataVersion = useDataVersion();
  const status = (s: Status): ExportStatus => ({ code: s, label: t(`status.${s}`), hint: t(`status.${s}Hint`) });
  const labels: ExportLabels = {
    dataSheet: t('export.dataSheet'),
    metaSheet: t('export.metaSheet'),
    title: t('export.title'),
    subtitle: t('export.subtitle'),
    unit: t('chart.unit'),
    source: t('chart.source'),
    status: t('status.label'),
    basis: t('export.basis'),
    note: t('export.note'),
    dataVersion: t('app.dataVersion'),
    exportedAt: t('export.exportedAt'),
    link: t('export.link'),
  };
  return async <Row>(format: ExportFormat, spec: ExportSpec<Row>): Promise<void> => {
    const sources = [...new Set(spec.sources.map((s) => s.trim()).filter(Boolean))];
    const csvFooter = [
      ...sources.map((s) => `${t('chart.source')}: ${s}`),
      ...(spec.note ? [spec.note] : []),
      ...(dataVersion ? [`${t('app.dataVersion')}: ${dataVersion}`] : []),
    ];
    await downloadExport(format, {
      columns: spec.columns,
      rows: spec.rows,
      filename: spec.filename,
      labels,
      csvFooter,
      meta: {
        title: spec.title,
        subtitle: spec.subtitle,
        unit: spec.unit,
        sources,
        statuses: uniqueStatuses(spec.statuses).map(status),
        basis: uniqueStatuses(spec.basis ?? []).map(status),
        note: spec.note,
        dataVersion,
        exportedAt: new Date().toISOString(),
        link: typeof window === 'undefined' ? undefined : window.location.href,
      },
    });
  };
}
