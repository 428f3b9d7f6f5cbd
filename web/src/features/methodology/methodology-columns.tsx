/**
 * Columns of the methodology page's tables (backtest by series, sources), beside their adapter
 * (to-chart-rows.ts), so the page only hands rows and columns to ChartFrame and DataTable.
 */
import type { TFunction } from 'i18next';
import type { Meta, Status } from '../../api/types';
import { StatusBadge } from '../../components/badges';
import type { Column } from '../../components/csv';
import { formatDecimal, formatInteger, formatPercent, formatSigned, MISSING, type Lang } from '../../i18n/format';
import { methodsVi } from '../../i18n/method-names';
import type { SystemBacktest, SystemBacktestRow } from './system-backtest-rows';
import type { AccuracyRow } from './to-chart-rows';

/** A coverage share (0.8) as a whole percent, '–' when the series had none. */
export const coveragePercent = (v: number | null, lang: Lang) => (v === null ? MISSING : formatPercent(v * 100, lang, 0));

/** The backtest of each series: method, MASE of the engine and of naive, sMAPE, interval coverage, origins. */
export function accuracyColumns(t: TFunction, lang: Lang): Column<AccuracyRow>[] {
  return [
    { key: 'label', label: t('methodology.series'), value: (r) => r.label },
    { key: 'method', label: t('methodology.method'), value: (r) => (lang === 'vi' ? methodsVi(r.method) : r.method) },
    { key: 'mase', label: t('methodology.maseEngine'), value: (r) => r.mase, format: (r) => formatDecimal(r.mase, lang, 2), align: 'right' },
    { key: 'naiveMase', label: t('methodology.maseNaive'), value: (r) => r.naiveMase, format: (r) => formatDecimal(r.naiveMase, lang, 2), align: 'right' },
    { key: 'smape', label: 'sMAPE %', value: (r) => r.smape, format: (r) => formatDecimal(r.smape, lang, 1), align: 'right' },
    { key: 'coverage80', label: t('methodology.coverage80'), value: (r) => r.coverage80, format: (r) => coveragePercent(r.coverage80, lang), align: 'right' },
    { key: 'coverage95', label: t('methodology.coverage95'), value: (r) => r.coverage95, format: (r) => coveragePercent(r.coverage95, lang), align: 'right' },
    { key: 'origins', label: t('methodology.origins'), value: (r) => r.origins, align: 'right' },
  ];
}

/** The system backtest's table: test, series, method, MASE, coverage, bias and scored points. */
export function systemBacktestColumns(t: TFunction, lang: Lang, design: SystemBacktest['design'] | undefined): Column<SystemBacktestRow>[] {
  const d = design ?? { origins: [], horizon: 0, holdout: { origin: 0, from: 0, to: 0 } };
  const test = (r: SystemBacktestRow) =>
    r.test === 'rolling'
      ? t('methodology.system.rolling', { from: d.origins[0], to: d.origins.at(-1), h: d.horizon })
      : t('methodology.system.holdout', d.holdout);
  return [
    { key: 'test', label: t('methodology.system.test'), value: test },
    { key: 'series', label: t('methodology.series'), value: (r) => t(`methodology.system.series.${r.series}`), phone: 'title' },
    { key: 'method', label: t('methodology.method'), value: (r) => t(`methodology.system.methods.${r.method}`), phone: 'key' },
    { key: 'mase', label: 'MASE', value: (r) => r.mase, format: (r) => formatDecimal(r.mase, lang, 2), align: 'right', phone: 'key' },
    { key: 'coverage80', label: t('methodology.coverage80'), value: (r) => r.coverage80, format: (r) => coveragePercent(r.coverage80, lang), align: 'right' },
    { key: 'coverage95', label: t('methodology.coverage95'), value: (r) => r.coverage95, format: (r) => coveragePercent(r.coverage95, lang), align: 'right' },
    {
      key: 'biasPct',
      label: t('methodology.system.bias'),
      value: (r) => r.biasPct,
      format: (r) => (r.biasPct === null ? MISSING : `${formatSigned(r.biasPct, lang, 1)}%`),
      align: 'right',
    },
    { key: 'points', label: t('methodology.system.points'), value: (r) => r.points, align: 'right' },
  ];
}

/** One source of the dataset version (GET /api/meta `sources`). */
export type SourceRow = Meta['sources'][number];

/** Sources: the citation (in the UI language through `sourceText`), its status and how many observations it gave. */
export function sourceColumns(t: TFunction, lang: Lang, sourceText: (s: string) => string): Column<SourceRow>[] {
  return [
    { key: 'citation', label: t('methodology.citation'), value: (r) => sourceText(r.citation) },
    {
      key: 'status',
      label: t('methodology.status'),
      value: (r) => r.status,
      format: (r) => (r.status ? <StatusBadge status={r.status as Status} /> : MISSING),
    },
    { key: 'rows', label: t('methodology.rows'), value: (r) => r.rows, format: (r) => formatInteger(r.rows, lang), align: 'right' },
  ];
}
