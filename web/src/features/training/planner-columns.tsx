/**
 * Columns of the training planner (rows from to-table-rows.ts): what the table and the phone
 * cards show, and what exports carry (codes beside names, the interval as lower and upper).
 */
import type { TFunction } from 'i18next';
import { ConfidenceMeter, StatusBadge, StatusBadges } from '../../components/badges';
import type { Column } from '../../components/csv';
import { flagColumn, flowColumns, imbalanceColumn, shareColumn } from '../../components/gap-columns';
import { sharePercent, type FlagThresholds } from '../../components/flag-scale';
import { formatDecimal, formatSigned, MISSING, type Lang } from '../../i18n/format';
import type { PlannerRow } from './to-table-rows';

const CONFIDENCE_RANK = { high: 3, medium: 2, low: 1 } as const;

/** Every column of the planner table; the flag badge reads the served `thresholds`. */
export function plannerColumns(t: TFunction, lang: Lang, thresholds?: Partial<FlagThresholds> | null): Column<PlannerRow>[] {
  return [
    {
      key: 'rank',
      label: t('training.rank'),
      value: (r) => r.rank ?? undefined,
      digits: 0,
      format: (r) => (r.rank === null ? MISSING : String(r.rank)),
      align: 'right',
    },
    { key: 'sector', label: t('controls.sector'), value: (r) => r.sectorName },
    { key: 'qualification', label: t('controls.qualification'), value: (r) => r.qualificationName },
    ...flowColumns<PlannerRow>(t, lang),
    imbalanceColumn<PlannerRow>(t, lang, t('training.gap')),
    {
      key: 'interval',
      label: t('training.interval'),
      value: (r) => `${Math.round(r.imbalanceLower)}..${Math.round(r.imbalanceUpper)}`,
      format: (r) => `${formatSigned(r.imbalanceLower, lang)} … ${formatSigned(r.imbalanceUpper, lang)}`,
      align: 'right',
      exportAs: [
        { key: 'imbalanceLower', label: `${t('training.interval')} — ${t('export.lower')}`, value: (r) => r.imbalanceLower, digits: 0 },
        { key: 'imbalanceUpper', label: `${t('training.interval')} — ${t('export.upper')}`, value: (r) => r.imbalanceUpper, digits: 0 },
      ],
    },
    shareColumn<PlannerRow>(t, lang, {
      exportAs: [{ key: 'imbalanceShare', label: t('training.csvImbalanceShare'), value: (r) => sharePercent(r.imbalanceShare), digits: 2 }],
    }),
    { key: 'ratio', label: t('gaps.ratio'), value: (r) => r.ratio, format: (r) => formatDecimal(r.ratio, lang, 2), align: 'right', digits: 3 },
    {
      key: 'confidence',
      label: t('gaps.confidence'),
      value: (r) => CONFIDENCE_RANK[r.confidence],
      exportValue: (r) => t(`confidence.${r.confidence}`),
      format: (r) => <ConfidenceMeter confidence={r.confidence} />,
    },
    flagColumn<PlannerRow>(t, thresholds),
    {
      key: 'status',
      label: t('status.label'),
      value: (r) => r.basis.join('+'),
      format: (r) => (
        <>
          <StatusBadge status="modelled" /> <span className="count">{t('status.restsOn')}</span> <StatusBadges statuses={r.basis} />
        </>
      ),
    },
  ];
}

/** The table's columns for exports: every column on screen, with the sector and qualification codes beside their names. */
export function plannerExportColumns(t: TFunction, columns: Column<PlannerRow>[]): Column<PlannerRow>[] {
  const codes: Record<string, Column<PlannerRow>> = {
    sector: { key: 'sectorCode', label: t('training.csvSector'), value: (r) => r.sector },
    qualification: { key: 'qualificationCode', label: t('training.csvQualification'), value: (r) => r.qualification },
  };
  return columns.flatMap((c) => (codes[c.key] ? [codes[c.key], c] : [c]));
}
