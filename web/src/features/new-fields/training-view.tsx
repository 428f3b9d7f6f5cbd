import { useTranslation } from 'react-i18next';
import type { TrainingPlan } from '@lmo/models/labour';
import { StatusBadge } from '../../components/badges';
import { ChartFrame } from '../../components/chart-frame';
import { DataTable } from '../../components/data-table';
import { SERIES } from '../../components/colors';
import type { Column } from '../../components/csv';
import { formatInteger, type Lang } from '../../i18n/format';
import { CumulativeChart } from './target-charts';
import { useSourceText } from '../meta/use-source-text';
import { toCumulativeRows, toTrainingItemRows, type CumulativeRow, type TrainingItemRow } from './to-chart-rows';

const DONE = { isPending: false, isError: false, error: null, refetch: () => undefined };

/**
 * A training target as the decision states it: cumulative graduates needed by year against the
 * total, the target and its sub-targets a year (even pace, and from now on), and today's output
 * only where a source gives it.
 */
export function TrainingView({ plan, field, fieldName, source }: { plan: TrainingPlan; field: string; fieldName: string; source: string }) {
  const { t, i18n } = useTranslation();
  const sourceText = useSourceText();
  const lang = i18n.language as Lang;
  const n = (v: number | undefined) => formatInteger(v, lang);
  const span = { start: plan.startYear, end: plan.targetYear };
  const cumulative = toCumulativeRows(plan);
  const items = toTrainingItemRows(plan, lang, t('newFields.targetTotal'));
  const cumColumns: Column<CumulativeRow>[] = [
    { key: 'period', label: t('table.period'), value: (r) => r.period },
    { key: 'needed', label: t('newFields.cumulativeNeeded'), value: (r) => r.needed, format: (r) => n(r.needed), align: 'right' },
    { key: 'target', label: t('newFields.targetTotal'), value: (r) => r.target, format: (r) => n(r.target), align: 'right' },
  ];
  const itemColumns: Column<TrainingItemRow>[] = [
    { key: 'name', label: t('newFields.item'), value: (r) => r.name },
    { key: 'group', label: t('newFields.group'), value: (r) => (r.id === 'total' ? '' : t(`newFields.groups.${r.group}`)) },
    { key: 'atLeast', label: t('newFields.atLeast', { year: plan.targetYear }), value: (r) => r.atLeast, format: (r) => n(r.atLeast), align: 'right' },
    { key: 'evenPace', label: t('newFields.evenPace', span), value: (r) => r.evenPace, format: (r) => n(r.evenPace), align: 'right' },
    { key: 'fromNow', label: t('newFields.fromNow', { year: plan.fromYear }), value: (r) => r.fromNow, format: (r) => n(r.fromNow), align: 'right' },
  ];
  const out = plan.output;
  return (
    <>
      <div className="kpi-grid">
        <article className="kpi-card">
          <h3 className="kpi-title">{t('newFields.perYearFromNow', { year: plan.fromYear, end: plan.targetYear })}</h3>
          <div className="kpi-value">{n(plan.perYearFromNow.total)}</div>
          <p className="kpi-source">
            <StatusBadge status="modelled" /> {plan.trainedSoFar === null ? t('newFields.trainedUnknown', span) : source}
          </p>
        </article>
        <article className="kpi-card">
          <h3 className="kpi-title">{t('newFields.outputTitle')}</h3>
          <div className="kpi-value">{out.value === null ? t('newFields.outputUnknown') : n(out.value)}</div>
          <p className="kpi-source">
            {out.value === null ? (
              t('newFields.outputUnknownHint')
            ) : (
              <>
                {out.status && <StatusBadge status={out.status} />} {sourceText(out.source)} {out.period ? `(${out.period})` : ''}
              </>
            )}
          </p>
        </article>
      </div>
      <ChartFrame
        title={t('newFields.cumulativeTitle', { field: fieldName, ...span })}
        subtitle={t('newFields.cumulativeSubtitle', { total: n(plan.total), ...span })}
        unit={t('units.persons')}
        source={source}
        statuses={['modelled']}
        legend={[
          { label: t('newFields.cumulativeNeeded'), color: SERIES.needed, kind: 'band' },
          { label: t('newFields.targetTotal'), color: SERIES.target, kind: 'dashed' },
        ]}
        columns={cumColumns}
        rows={cumulative}
        filename={`training-target-${field}`}
        status={DONE}
        height={260}
      >
        <CumulativeChart rows={cumulative} total={plan.total} height={260} />
      </ChartFrame>
      <ChartFrame
        title={t('newFields.itemsTitle')}
        subtitle={t('newFields.itemsSubtitle', { year: plan.fromYear, end: plan.targetYear })}
        unit={t('units.personsPerYear')}
        source={source}
        statuses={['modelled']}
        columns={itemColumns}
        rows={items}
        filename={`training-lines-${field}`}
        status={DONE}
        fitContent
      >
        <DataTable columns={itemColumns} rows={items} rowKey={(r) => r.id} caption={t('newFields.itemsTitle')} />
      </ChartFrame>
    </>
  );
}
