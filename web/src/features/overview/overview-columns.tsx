import type { TFunction } from 'i18next';
import { numberAt, periodColumn, projectedColumn, seriesColumns } from '../../adapters/forecast-table-columns';
import type { MergedRow } from '../../adapters/forecast-columns';
import { FlagBadge } from '../../components/badges';
import type { Column } from '../../components/csv';
import { flagColumn, flowColumns, imbalanceColumn, shareColumn } from '../../components/gap-columns';
import type { ChartLineDef, ForecastSeriesDef } from '../../components/forecast-chart';
import { formatValue, type Lang } from '../../i18n/format';
import type { ImbalanceBar } from './to-chart-rows';

/** The unit a national system series is shown in: the unemployment rate sits on the right axis in percent. */
export const systemUnitOf = (s: ForecastSeriesDef) => (s.axis === 'right' ? 'percent' : 'persons');

/**
 * Table columns of the national system chart: the period, then per series observed, projected and
 * the 95 % band (in the series' own unit), then the demand lines (projected only).
 */
export function systemColumns(series: ForecastSeriesDef[], demandLines: ChartLineDef[], t: TFunction, lang: Lang): Column<MergedRow>[] {
  const fmt = (u: string) => (v: number | undefined) => formatValue(v, u, lang);
  return [
    periodColumn(t('table.period')),
    ...series.flatMap((s) =>
      seriesColumns(
        s.key,
        {
          actual: `${s.label} — ${t('chart.observed')}`,
          mean: `${s.label} — ${t('chart.projected')}`,
          bands: { 95: { lower: `${s.label} — ${t('chart.lower95')}`, upper: `${s.label} — ${t('chart.upper95')}` } },
        },
        fmt(systemUnitOf(s)),
        `${s.key}_`,
      ),
    ),
    ...demandLines.map((l) => projectedColumn(l.key, l.label, (r) => numberAt(r, l.key), fmt('persons'))),
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
