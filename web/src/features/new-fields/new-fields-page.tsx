import { forecastTableColumns } from '../../adapters/forecast-table-columns';
import { breakLegend, breakMarks, breakNote, servedBreaks } from '../../components/series-break';
import { ForecastChart, forecastLegend } from '../../components/forecast-chart';
import { toEmploymentRows } from '../sectors/to-chart-rows';
import type { LoadStatus } from '../../components/states';

import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ForecastResponse, TargetPath } from '../../api/types';
import { StatusBadge } from '../../components/badges';
import { IllustrativeNote } from '../../components/illustrative-note';
import { basisOf, VIEW_LEVELS } from '../../adapters/basis';
import { chartStatuses, mergedRowStatuses } from '../../adapters/forecast-columns';
import { ChartFrame } from '../../components/chart-frame';
import { SERIES } from '../../components/colors';
import { QueryState } from '../../components/states';
import { formatInteger, type Lang } from '../../i18n/format';
import { Link } from '../../router/link';
import { useUrlState } from '../../router/use-url-state';
import { metaQueries } from '../meta/queries';
import { makeNamer } from '../meta/names';
import { useSourceText } from '../meta/use-source-text';
import { newFieldQueries } from './queries';
import { TargetChart } from './target-charts';
import { latestStatus, targetAxisMax, targetRowStatuses, toTargetRows } from './to-chart-rows';
import { AssumptionView } from './assumption-view';
import { targetColumns } from './target-columns';
import { DecisionBox } from './decision-box';
import { TrainingView } from './training-view';
import { PageHead } from '../../components/page-head';

/** The ministry's new fields, in display order. */
export const NEW_FIELDS = ['semiconductors', 'hydrogen', 'carbon-markets', 'ai-digital'];

/** New fields: what each decision says (quoted, dated), the training plan or production target, and the employment trend apart. */
export default function NewFieldsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [state] = useUrlState();
  const meta = useQuery(metaQueries.codes());
  const names = makeNamer(meta.data, lang, (code) => t(`qualShort.${code}`, { defaultValue: '' }));
  const field = state.field && NEW_FIELDS.includes(state.field) ? state.field : NEW_FIELDS[0];
  const targets = useQuery(newFieldQueries.target(state.scenario, field));
  const target = targets.data;
  return (
    <div className="page">
      <PageHead title={t('newFields.title')} lead={t('newFields.lead')} controls="scenario" />
      <nav className="tabs" aria-label={t('newFields.fieldNav')}>
        {NEW_FIELDS.map((f) => (
          <Link key={f} className="tab" to={{ field: f }} aria-current={f === field ? 'true' : undefined}>
            {names.sector(f) === f ? t(`newFields.fields.${f}`) : names.sector(f)}
          </Link>
        ))}
      </nav>
      <QueryState status={targets} empty={false} height={300}>
        {target ? <FieldTarget target={target} /> : <FieldWithoutTarget field={field} />}
      </QueryState>
    </div>
  );
}

/** A field with a decision: what it says, then the matching view, then the employment trend apart. */
function FieldTarget({ target }: { target: TargetPath }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const meta = useQuery(metaQueries.codes());
  const names = makeNamer(meta.data, lang, (code) => t(`qualShort.${code}`, { defaultValue: '' }));
  const fieldName = names.sector(target.field) === target.field ? t(`newFields.fields.${target.field}`) : names.sector(target.field);
  return (
    <>
      <DecisionBox target={target} />
      <IllustrativeNote basis={basisOf(target)} levels={VIEW_LEVELS.newFields} />
      {target.training && (
        <TrainingView
          plan={target.training}
          field={target.field}
          fieldName={fieldName}
          source={`${lang === 'vi' ? target.decisionVi : target.decision}; LMO: ${t('newFields.evenPace', { start: target.training.startYear, end: target.training.targetYear })}`}
        />
      )}
      {target.production && <AssumptionView target={target} fieldName={fieldName} />}
      {target.kind === 'training' ? <WorkforceTrend target={target} fieldName={fieldName} /> : <FieldWithoutTarget field={target.field} note={false} />}
    </>
  );
}

/** The field's employment trend at the target's level, with the scenario's assumed path: a separate view. */
function WorkforceTrend({ target, fieldName }: { target: TargetPath; fieldName: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [state] = useUrlState();
  const trend = useQuery(newFieldQueries.trend(target.field, state.scenario, target.qualification));
  const rows = toTargetRows(target, trend.data);
  const axis = targetAxisMax(rows, target.targetLevel);
  const basis = basisOf(target);
  const trendStatuses = chartStatuses(rows, targetRowStatuses);
  const sourceText = useSourceText();
  const decision = [[target.decision, target.decisionVi]] as const;
  const n = (v: number | undefined) => formatInteger(v, lang);
  const hasPath = target.target.periods.length > 0;
  const rowColumns = targetColumns(
    {
      period: t('table.period'),
      actual: t('chart.observed'),
      trend: t('newFields.trend'),
      lower80: t('sectors.lower80'),
      upper80: t('sectors.upper80'),
      path: hasPath ? t('newFields.scenarioPath') : undefined,
    },
    n,
  );
  return (
    <>
      <div className="kpi-grid">
        <article className="kpi-card">
          <h3 className="kpi-title">{t('newFields.latest', { period: target.latest.period })}</h3>
          <div className="kpi-value">{n(target.latest.value)}</div>
          <p className="kpi-source">
            <StatusBadge status={latestStatus(target)} /> {sourceText(target.latest.source, decision)}
          </p>
        </article>
      </div>
      <ChartFrame
        title={t('newFields.workforceTitle', { field: fieldName })}
        subtitle={`${t('newFields.workforceSubtitle')}${axis.clipped ? ` · ${t('newFields.bandClipped')}` : ''}`}
        unit={t('units.persons')}
        source={sourceText(target.source, decision)}
        statuses={trendStatuses}
        basis={basis}
        levels={VIEW_LEVELS.newFields}
        provenance={{ status: targetRowStatuses }}
        legend={[
          { label: t('chart.observed'), color: '#1a2233', kind: 'line' },
          { label: t('newFields.trend'), color: SERIES.trend, kind: 'dashed' },
          { label: t('chart.band80'), color: 'rgba(0,114,178,0.35)', kind: 'band' },
          { label: t('chart.band95'), color: 'rgba(0,114,178,0.15)', kind: 'band' },
          ...(hasPath ? [{ label: t('newFields.scenarioPath'), color: SERIES.target, kind: 'dashed' as const }] : []),
        ]}
        columns={rowColumns}
        rows={rows}
        filename={`workforce-${target.field}-${state.scenario}`}
        status={{ isPending: false, isError: false, error: null, refetch: () => trend.refetch() }}
        height={320}
      >
        <TargetChart rows={rows} height={320} yMax={axis.max} />
      </ChartFrame>
    </>
  );
}

/** A field with no quantified target in the sources (e.g. AI & digital): trend only, said plainly. */
function FieldWithoutTarget({ field, note = true }: { field: string; note?: boolean }) {
  const { t } = useTranslation();
  const [state] = useUrlState();
  const trend = useQuery(newFieldQueries.trend(field, state.scenario));
  const series = [{ key: 'employment', label: t('sectors.employment'), color: SERIES.trend }];
  return (
    <>
      {note && <p className="note">{t('newFields.noTarget')}</p>}
      <TrendOnly field={field} data={trend.data} status={trend} series={series} />
    </>
  );
}

function TrendOnly({
  field,
  data,
  status,
  series,
}: {
  field: string;
  data: ForecastResponse | undefined;
  status: LoadStatus;
  series: { key: string; label: string; color: string }[];
}) {
  const { t, i18n } = useTranslation();
  const sourceText = useSourceText();
  const lang = i18n.language as Lang;
  const rows = toEmploymentRows(data);
  const breaks = servedBreaks([data]);
  const columns = forecastTableColumns('employment', { period: t('table.period'), actual: t('chart.observed'), mean: t('chart.projected') }, (v) =>
    formatInteger(v, lang),
  );
  return (
    <ChartFrame
      title={t('newFields.trendOnlyTitle', { field: t(`newFields.fields.${field}`) })}
      unit={t('units.persons')}
      source={sourceText(data?.source)}
      statuses={chartStatuses(rows, mergedRowStatuses)}
      basis={basisOf(data)}
      levels={VIEW_LEVELS.newFields}
      provenance={{ status: mergedRowStatuses }}
      legend={[...forecastLegend(series, t), ...breakLegend(breaks, t)]}
      notes={breaks.map((b) => breakNote(b, t, lang))}
      columns={columns}
      rows={rows}
      filename={`trend-${field}`}
      status={status}
      height={300}
    >
      <ForecastChart rows={rows} series={series} unit="persons" marks={breakMarks(breaks, t)} height={300} />
    </ChartFrame>
  );
}
