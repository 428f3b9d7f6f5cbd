/**
 * Table columns every gap view shares (overview, sectors, regions, training planner): openings,
 * new supply, the imbalance in persons and as a share, and the flag badge read against the served
 * thresholds. One definition, so the four tables format and export these the same way.
 */
import type { TFunction } from 'i18next';
import { FlagBadge } from './badges';
import type { Column } from './csv';
import { sharePercent, type FlagThresholds } from './flag-scale';
import { formatInteger, formatShare, formatSigned, type Lang } from '../i18n/format';

type Flagged = { flag: Parameters<typeof FlagBadge>[0]['flag']; imbalanceShare: number | null };

/** Openings and new supply in persons. */
export function flowColumns<R extends { openings: number; newSupply: number }>(t: TFunction, lang: Lang): Column<R>[] {
  return [
    { key: 'openings', label: t('gaps.openings'), value: (r) => r.openings, format: (r) => formatInteger(r.openings, lang), align: 'right' },
    { key: 'newSupply', label: t('gaps.newSupply'), value: (r) => r.newSupply, format: (r) => formatInteger(r.newSupply, lang), align: 'right' },
  ];
}

/** The imbalance in persons, signed (`label` defaults to "Imbalance"). */
export function imbalanceColumn<R extends { imbalance: number }>(t: TFunction, lang: Lang, label = t('gaps.imbalance')): Column<R> {
  return { key: 'imbalance', label, value: (r) => r.imbalance, format: (r) => formatSigned(r.imbalance, lang), align: 'right' };
}

/** The imbalance as a share of base employment: sorts and exports as a percent. */
export function shareColumn<R extends { imbalanceShare: number | null }>(t: TFunction, lang: Lang, extra: Partial<Column<R>> = {}): Column<R> {
  return {
    key: 'imbalanceShare',
    label: t('gaps.imbalanceShare'),
    value: (r) => sharePercent(r.imbalanceShare),
    format: (r) => formatShare(r.imbalanceShare, lang),
    align: 'right',
    ...extra,
  };
}

/** The flag: exported as its name, shown as a badge explaining the served `thresholds`. */
export function flagColumn<R extends Flagged>(t: TFunction, thresholds: Partial<FlagThresholds> | null | undefined): Column<R> {
  return {
    key: 'flag',
    label: t('gaps.flag'),
    value: (r) => t(`flag.${r.flag}`),
    format: (r) => <FlagBadge flag={r.flag} thresholds={thresholds} share={r.imbalanceShare} />,
  };
}
