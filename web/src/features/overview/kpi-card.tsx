import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../components/badges';
import { ErrorState } from '../../components/states';
import { IllustrativeNote } from '../../components/illustrative-note';
import { formatDecimal, formatMillions, formatPercent, type Lang } from '../../i18n/format';
import { overviewQueries } from './queries';
import { toKpi } from './to-chart-rows';
import { useSourceText } from '../meta/use-source-text';

/** One headline figure: latest value, period, change, status badge, source, definition. */
export function KpiCard({ indicator, unit }: { indicator: string; unit: 'persons' | 'percent' }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const query = useQuery({ ...overviewQueries.kpi(indicator), select: toKpi });
  const kpi = query.data;
  const sourceText = useSourceText();
  const value = (v: number | undefined) => (unit === 'percent' ? formatPercent(v, lang) : `${formatMillions(v, lang)} ${t('units.million')}`);
  const change = (v: number | undefined) =>
    v === undefined
      ? ''
      : unit === 'percent'
        ? `${v >= 0 ? '+' : ''}${formatDecimal(v, lang, 2)} ${t('units.pp')}`
        : `${v >= 0 ? '+' : ''}${formatDecimal(v / 1e6, lang, 2)} ${t('units.million')}`;
  return (
    <article className="kpi-card" data-indicator={indicator} aria-busy={query.isPending}>
      <h3 className="kpi-title">{t(`kpi.${indicator}.title`)}</h3>
      {query.isPending && (
        <div className="kpi-value skeleton-text" aria-hidden="true">
          &nbsp;
        </div>
      )}
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} height={80} />}
      {kpi && !kpi.latest && <p className="kpi-empty">{t('state.emptyTitle')}</p>}
      {kpi?.latest && (
        <>
          <div className="kpi-value">{value(kpi.latest.value)}</div>
          <div className="kpi-meta">
            <span>{kpi.latest.period}</span>
            {kpi.change !== undefined && (
              <span className="kpi-change">
                {change(kpi.change)} {t('kpi.vsPrevious', { period: kpi.previous?.period })}
              </span>
            )}
            <StatusBadge status={kpi.latest.status} />
          </div>
          <p className="kpi-definition">{t(`kpi.${indicator}.definition`)}</p>
          <p className="kpi-source">
            <span className="label">{t('chart.source')}:</span> {sourceText(kpi.latest.source)}
          </p>
          <IllustrativeNote basis={[kpi.latest.status]} levels={['national-total']} compact />
        </>
      )}
    </article>
  );
}
