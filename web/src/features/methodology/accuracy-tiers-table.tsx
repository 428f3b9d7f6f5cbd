import { useTranslation } from 'react-i18next';
import type { AccuracyResponse } from '../../api/types';
import type { Column } from '../../components/csv';
import { DataTable } from '../../components/data-table';
import { formatDecimal, formatInteger, formatPercent, type Lang } from '../../i18n/format';
import { toTierRows, type TierRow } from './to-chart-rows';

/**
 * The employment cells' backtest by level of detail, as the server stored it with the version
 * (national and regional, province totals, detailed cells), and how many cells could not be
 * backtested: a planner sees that detail forecasts are less accurate than national ones.
 */
export function AccuracyTiersTable({ tiers }: { tiers: AccuracyResponse['tiers'] | undefined }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const rows = toTierRows(tiers);
  if (!tiers || rows.length === 0) return null;
  const pct = (v: number) => formatPercent(v * 100, lang, 0);
  const columns: Column<TierRow>[] = [
    { key: 'tier', label: t('methodology.tier'), value: (r) => t(`methodology.tiers.${r.tier}`) },
    { key: 'cells', label: t('methodology.cells'), value: (r) => r.cells, format: (r) => formatInteger(r.cells, lang), align: 'right' },
    { key: 'mase', label: t('methodology.maseEngine'), value: (r) => r.mase, format: (r) => formatDecimal(r.mase, lang, 2), align: 'right', phone: 'key' },
    {
      key: 'naiveMase',
      label: t('methodology.maseNaive'),
      value: (r) => r.naiveMase,
      format: (r) => formatDecimal(r.naiveMase, lang, 2),
      align: 'right',
      phone: 'key',
    },
    {
      key: 'shareBeatingNaive',
      label: t('methodology.shareBeatingNaive'),
      value: (r) => r.shareBeatingNaive,
      format: (r) => pct(r.shareBeatingNaive),
      align: 'right',
    },
    { key: 'coverage80', label: t('methodology.coverage80'), value: (r) => r.coverage80, format: (r) => pct(r.coverage80), align: 'right' },
    { key: 'coverage95', label: t('methodology.coverage95'), value: (r) => r.coverage95, format: (r) => pct(r.coverage95), align: 'right' },
  ];
  return (
    // A plain block, not a labelled section: the table's own scroll region already carries this name.
    <div className="card" data-testid="accuracy-tiers">
      <h3 className="chart-title">{t('methodology.tiersTitle')}</h3>
      <p className="chart-subtitle">{t('methodology.tiersLead')}</p>
      <DataTable columns={columns} rows={rows} caption={t('methodology.tiersTitle')} rowKey={(r) => r.key} />
      {tiers.failures.total > 0 && <p className="count">{t('methodology.tiersFailed', { count: tiers.failures.total })}</p>}
    </div>
  );
}
