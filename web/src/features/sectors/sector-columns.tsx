/**
 * Columns of the sector page's tables (rows from to-chart-rows.ts): the employment forecast,
 * openings and supply by level, and the imbalance by level with its flag.
 */
import type { TFunction } from 'i18next';
import { forecastTableColumns } from '../../adapters/forecast-table-columns';
import type { MergedRow } from '../../adapters/forecast-columns';
import type { Column } from '../../components/csv';
import { flagColumn, flowColumns, imbalanceColumn, shareColumn } from '../../components/gap-columns';
import type { FlagThresholds } from '../../components/flag-scale';
import { formatInteger, formatSigned, type Lang } from '../../i18n/format';
import type { ImbalanceRow, OpeningsRow } from './to-chart-rows';

/** Employment by year: observed, projected and the 80 % and 95 % bounds. */
export function employmentColumns(t: TFunction, lang: Lang): Column<MergedRow>[] {
  return forecastTableColumns(
    'employment',
    {
      period: t('table.period'),
      actual: t('chart.observed'),
      mean: t('chart.projected'),
      bands: { 80: { lower: t('sectors.lower80'), upper: t('sectors.upper80') }, 95: { lower: t('chart.lower95'), upper: t('chart.upper95') } },
    },
    (v) => formatInteger(v, lang),
  );
}

/** Openings by level: expansion (net, may be negative), replacement, their sum, and new supply. */
export function openingsColumns(t: TFunction, lang: Lang): Column<OpeningsRow>[] {
  const n = (v: number | undefined) => formatInteger(v, lang);
  return [
    { key: 'label', label: t('controls.qualification'), value: (r) => r.label },
    { key: 'expansion', label: t('gaps.expansion'), value: (r) => r.expansion, format: (r) => formatSigned(r.expansion, lang), align: 'right' },
    { key: 'replacement', label: t('gaps.replacement'), value: (r) => r.replacement, format: (r) => n(r.replacement), align: 'right' },
    ...flowColumns<OpeningsRow>(t, lang),
  ];
}

/** Imbalance by level with its 80 % interval, its share of base employment and the flag (read against `thresholds`). */
export function imbalanceColumns(t: TFunction, lang: Lang, thresholds?: Partial<FlagThresholds> | null): Column<ImbalanceRow>[] {
  return [
    { key: 'label', label: t('controls.qualification'), value: (r) => r.label },
    imbalanceColumn<ImbalanceRow>(t, lang),
    { key: 'lower', label: t('sectors.lower80'), value: (r) => r.lower, format: (r) => formatSigned(r.lower, lang), align: 'right' },
    { key: 'upper', label: t('sectors.upper80'), value: (r) => r.upper, format: (r) => formatSigned(r.upper, lang), align: 'right' },
    shareColumn<ImbalanceRow>(t, lang),
    flagColumn<ImbalanceRow>(t, thresholds),
  ];
}
