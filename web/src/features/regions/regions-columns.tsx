/**
 * Columns of the regions table (one row per area of the map), beside the adapter that builds
 * its rows (to-chart-rows.ts), so the page only hands rows and columns to ChartFrame.
 */
import type { TFunction } from 'i18next';
import type { Column } from '../../components/csv';
import { flagColumn, flowColumns, imbalanceColumn, shareColumn } from '../../components/gap-columns';
import type { FlagThresholds } from '../../components/flag-scale';
import { formatDecimal, type Lang } from '../../i18n/format';
import type { AreaRow } from './to-chart-rows';

/**
 * Area, openings, new supply, imbalance (persons and share), ratio and flag. The share sorts and
 * exports as a percent; the flag exports as its name and shows as a badge explaining the served thresholds.
 */
export function areaColumns(t: TFunction, lang: Lang, served: Partial<FlagThresholds> | null | undefined): Column<AreaRow>[] {
  return [
    { key: 'name', label: t('regions.area'), value: (r) => r.name },
    ...flowColumns<AreaRow>(t, lang),
    imbalanceColumn<AreaRow>(t, lang),
    shareColumn<AreaRow>(t, lang),
    { key: 'ratio', label: t('gaps.ratio'), value: (r) => r.ratio, format: (r) => formatDecimal(r.ratio, lang, 2), align: 'right' },
    flagColumn<AreaRow>(t, served),
  ];
}
