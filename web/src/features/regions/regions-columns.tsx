/**
 * Columns of the regions table (one row per area of the map), beside the adapter that builds
 * its rows (to-chart-rows.ts), so the page only hands rows and columns to ChartFrame.
 */
import type { TFunction } from 'i18next';
import { FlagBadge } from '../../components/badges';
import type { Column } from '../../components/csv';
import { sharePercent, type FlagThresholds } from '../../components/flag-scale';
import { formatDecimal, formatInteger, formatShare, formatSigned, type Lang } from '../../i18n/format';
import type { AreaRow } from './to-chart-rows';

/**
 * Area, openings, new supply, imbalance (persons and share), ratio and flag. The share sorts and
 * exports as a percent; the flag exports as its name and shows as a badge explaining the served thresholds.
 */
export function areaColumns(t: TFunction, lang: Lang, served: Partial<FlagThresholds> | null | undefined): Column<AreaRow>[] {
  return [
    { key: 'name', label: t('regions.area'), value: (r) => r.name },
    { key: 'openings', label: t('gaps.openings'), value: (r) => r.openings, format: (r) => formatInteger(r.openings, lang), align: 'right' },
    { key: 'newSupply', label: t('gaps.newSupply'), value: (r) => r.newSupply, format: (r) => formatInteger(r.newSupply, lang), align: 'right' },
    { key: 'imbalance', label: t('gaps.imbalance'), value: (r) => r.imbalance, format: (r) => formatSigned(r.imbalance, lang), align: 'right' },
    {
      key: 'imbalanceShare',
      label: t('gaps.imbalanceShare'),
      value: (r) => sharePercent(r.imbalanceShare),
      format: (r) => formatShare(r.imbalanceShare, lang),
      align: 'right',
    },
    { key: 'ratio', label: t('gaps.ratio'), value: (r) => r.ratio, format: (r) => formatDecimal(r.ratio, lang, 2), align: 'right' },
    {
      key: 'flag',
      label: t('gaps.flag'),
      value: (r) => t(`flag.${r.flag}`),
      format: (r) => <FlagBadge flag={r.flag} thresholds={served} share={r.imbalanceShare} />,
    },
  ];
}
