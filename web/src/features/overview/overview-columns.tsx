import type { TFunction } from 'i18next';
import { boundAt, numberAt } from '../../adapters/forecast-table-columns';
import type { MergedRow } from '../../adapters/forecast-columns';
import { FlagBadge } from '../../components/badges';
import type { Column } from '../../components/csv';
import { flagColumn, flowColumns, imbalanceColumn, shareColumn } from '../../components/gap-columns';
import type { ChartLineDef, ForecastSeriesDef } from '../../components/forecast-chart';
import { formatValue, type Lang } from '../../i18n/format';
import type { ImbalanceBar } from './to-chart-rows';

/** The unit a national system series is shown in: the unemployment rate sits on the right axis in percent. */
export const systemUnitOf = (s: ForecastSeriesDef) => (s.axis === 'right' ? 'percent' : 'persons');

/** Table columns of the national system chart: per series observed, projected and the 95 % band, then demand lines. */
export function systemColumns(series: ForecastSeriesDef[], demandLines: ChartLineDef[], t: TFunction, lang: Lang): Column<MergedRow>[] {
  const fmt = (v: number | undefined, u: string) => formatValue(v, u, lang);
  const projected = (r: MergedRow, v: number | undefined, u: string) => (r.forecast ? fmt(v, u) : '–');
  return [
    { key: 'period', label: t('table.period'), value: (r) => r.period },
    ...series.flatMap((s) => {
      const u = systemUnitOf(s);
      return [
        {
          key: `${s.key}_actual`,
          label: `${s.label} — ${t('chart.observed')}`,
          value: (r: MergedRow) => numberAt(r, `${s.key}_actual`),
          format: (r: MergedRow) => fmt(numberAt(r, `${s.key}_actual`), u),
          align: 'right' as const,
        },
        {
          key: `${s.key}_mean`,
          label: `${s.label} — ${t('chart.projected')}`,
          value: (r: MergedRow) => (r.forecast ? numberAt(r, `${s.key}_mean`) : undefined),
          format: (r: MergedRow) => projected(r, numberAt(r, `${s.key}_mean`), u),
          align: 'right' as const,
        },
        {
          key: `${s.key}_lo95`,
          label: `${s.label} — ${t('chart.lower95')}`,
          value: (r: MergedRow) => (r.forecast ? boundAt(r, `${s.key}_band95`, 0) : undefined),
          format: (r: MergedRow) => projected(r, boundAt(r, `${s.key}_band95`, 0), u),
          align: 'right' as const,
        },
        {
          key: `${s.key}_hi95`,
          label: `${s.label} — ${t('chart.upper95')}`,
          value: (r: MergedRow) => (r.forecast ? boundAt(r, `${s.key}_band95`, 1) : undefined),
          format: (r: MergedRow) => projected(r, boundAt(r, `${s.key}_band95`, 1), u),
          align: 'right' as const,
        },
      ];
    }),
    ...demandLines.map((l) => ({
      key: l.key,
      label: l.label,
      value: (r: MergedRow) => (r.forecast ? numberAt(r, l.key) : undefined),
      format: (r: MergedRow) => (r.forecast && numberAt(r, l.key) !== undefined ? fmt(numberAt(r, l.key), 'persons') : '–'),
      align: 'right' as const,
    })),
  ];
}

/** Table columns of the top shortages and surpluses chart. */
export function imbalanceBarColumns(t: TFunction, lang: Lang, thresholds: Parameters<typeof FlagBadge>[0]['thresholds']): Column<ImbalanceBar>[] {
  return [
    { key: 'label', label: t('table.cell'), value: (r) => r.label },
    ...flowColumns<ImbalanceBar>(t, lang),
    imbalanceColumn<ImbalanceBar>(t, lang),
    shareColumn<ImbalanceBar>(t, lang),
    flagColumn<ImbalanceBar>(t, thresholds),
  ];
}
