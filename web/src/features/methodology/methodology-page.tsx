import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { StatusBadge } from '../../components/badges';
import { IllustrativeNote } from '../../components/illustrative-note';
import { mergeBasis, VIEW_LEVELS } from '../../adapters/basis';
import { STATUS_ORDER } from '../../components/status';
import { DataLevelsTable } from './data-levels-table';
import { MethodNotesList } from './method-notes-list';
import { ChartFrame } from '../../components/chart-frame';
import { AXIS_TICK, SERIES } from '../../components/colors';
import type { Column } from '../../components/csv';
import { DataTable } from '../../components/data-table';
import { WrappedTick } from '../../components/wrapped-tick';
import { useNarrow } from '../../components/use-narrow';
import { formatDecimal, formatInteger, formatPercent, type Lang } from '../../i18n/format';
import type { Status } from '../../api/types';
import { metaQueries } from '../meta/queries';
import { makeNamer } from '../meta/names';
import { useSourceText } from '../meta/use-source-text';
import { methodsVi } from '../../i18n/method-names';
import { methodologyQueries } from './queries';
import { niceCeil } from '../../adapters/nice';
import { toAccuracyRows, type AccuracyRow } from './to-chart-rows';
import { AccuracyTiersTable } from './accuracy-tiers-table';
import { PageHead } from '../../components/page-head';

/** Methodology & accuracy: plain-language method, backtest of engine vs naive, sources, the 2021 break. */
export default function MethodologyPage() {
  const { t, i18n } = useTranslation();
  const sourceText = useSourceText();
  const lang = i18n.language as Lang;
  const meta = useQuery(metaQueries.codes());
  const names = makeNamer(meta.data, lang);
  // One answer from the version's stored results (GET /api/accuracy), not one forecast per series.
  const accuracy = useQuery(methodologyQueries.accuracy());
  const label = (f: { indicator: string; sector: string }) =>
    f.sector === 'TOTAL' ? `${t(`kpi.${f.indicator}.title`, { defaultValue: f.indicator })} (${names.region('VN')})` : names.sector(f.sector);
  const rows = toAccuracyRows(accuracy.data?.series, label);
  const means = accuracy.data?.means;
  const summary = means && means.series > 0 && means.meanMase !== null && means.meanNaiveMase !== null ? { ...means, meanMase: means.meanMase, meanNaiveMase: means.meanNaiveMase } : null;
  const status = meta.isPending || meta.isError ? meta : accuracy;
  const pct = (v: number | null) => (v === null ? '–' : formatPercent(v * 100, lang, 0));
  const columns: Column<AccuracyRow>[] = [
    { key: 'label', label: t('methodology.series'), value: (r) => r.label },
    { key: 'method', label: t('methodology.method'), value: (r) => (lang === 'vi' ? methodsVi(r.method) : r.method) },
    { key: 'mase', label: t('methodology.maseEngine'), value: (r) => r.mase, format: (r) => formatDecimal(r.mase, lang, 2), align: 'right' },
    { key: 'naiveMase', label: t('methodology.maseNaive'), value: (r) => r.naiveMase, format: (r) => formatDecimal(r.naiveMase, lang, 2), align: 'right' },
    { key: 'smape', label: 'sMAPE %', value: (r) => r.smape, format: (r) => formatDecimal(r.smape, lang, 1), align: 'right' },
    { key: 'coverage80', label: t('methodology.coverage80'), value: (r) => r.coverage80, format: (r) => pct(r.coverage80), align: 'right' },
    { key: 'coverage95', label: t('methodology.coverage95'), value: (r) => r.coverage95, format: (r) => pct(r.coverage95), align: 'right' },
    { key: 'origins', label: t('methodology.origins'), value: (r) => r.origins, align: 'right' },
  ];
  const narrow = useNarrow();
  const chartHeight = Math.max(240, rows.length * (narrow ? 40 : 32) + 40);
  const sources = meta.data?.sources ?? [];
  const sourceColumns: Column<(typeof sources)[number]>[] = [
    { key: 'citation', label: t('methodology.citation'), value: (r) => sourceText(r.citation) },
    { key: 'status', label: t('methodology.status'), value: (r) => r.status, format: (r) => (r.status ? <StatusBadge status={r.status as Status} /> : '–') },
    { key: 'rows', label: t('methodology.rows'), value: (r) => r.rows, format: (r) => formatInteger(r.rows, lang), align: 'right' },
  ];

  return (
    <div className="page">
      <PageHead title={t('methodology.title')} lead={t('methodology.lead')} controls="none" />
      <section className="card prose" aria-labelledby="how-heading">
        <h2 id="how-heading">{t('methodology.howTitle')}</h2>
        <ol>
          {(t('methodology.howSteps', { returnObjects: true }) as string[]).map((step, i) => (
            <li key={i}>{step}</li>
          ))}
        </ol>
        <h3>{t('methodology.unemploymentDefTitle')}</h3>
        <p>{t('methodology.unemploymentDefText')}</p>
      </section>

      <MethodNotesList />

      <section aria-labelledby="acc-heading" className="page" style={{ gap: 12 }}>
        <h2 id="acc-heading" className="section-title">{t('methodology.accuracyTitle')}</h2>
        {summary && (
          <div className="kpi-grid" data-testid="accuracy-summary">
            <article className="kpi-card">
              <h3 className="kpi-title">{t('methodology.meanMase')}</h3>
              <div className="kpi-value">{formatDecimal(summary.meanMase, lang, 2)}</div>
              <p className="kpi-definition">{t('methodology.vsNaive', { naive: formatDecimal(summary.meanNaiveMase, lang, 2) })}</p>
            </article>
            <article className="kpi-card">
              <h3 className="kpi-title">{t('methodology.wins')}</h3>
              <div className="kpi-value">{summary.wins} / {summary.series}</div>
              <p className="kpi-definition">{t('methodology.winsHint')}</p>
            </article>
            <article className="kpi-card">
              <h3 className="kpi-title">{t('methodology.coverage')}</h3>
              <div className="kpi-value">{pct(summary.coverage80)} · {pct(summary.coverage95)}</div>
              <p className="kpi-definition">{t('methodology.coverageHint')}</p>
            </article>
          </div>
        )}
        <ChartFrame
          title={t('methodology.chartTitle')}
          subtitle={t('methodology.chartSubtitle')}
          unit={t('methodology.maseUnit')}
          source={t('methodology.chartSource')}
          statuses={['modelled']}
          basis={mergeBasis(accuracy.data?.basis)}
          levels={VIEW_LEVELS.nationalForecast}
          legend={[
            { label: t('methodology.engine'), color: SERIES.engine },
            { label: t('methodology.naive'), color: SERIES.naive },
          ]}
          columns={columns}
          rows={rows}
          filename="backtest-accuracy"
          status={status}
          height={chartHeight}
        >
          <ResponsiveContainer width="100%" height={chartHeight}>
            <BarChart accessibilityLayer={false} data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
              <CartesianGrid stroke="#e2e6ec" horizontal={false} />
              <XAxis type="number" domain={[0, (max: number) => niceCeil(max)]} tickFormatter={(v: number) => formatDecimal(v, lang, 1)} tick={AXIS_TICK} />
              <YAxis type="category" dataKey="label" width={narrow ? 140 : 260} tick={<WrappedTick width={narrow ? 132 : 252} maxLines={narrow ? 3 : 2} />} interval={0} />
              <Tooltip formatter={(v, name) => [formatDecimal(Number(v), lang, 2), String(name)]} />
              <ReferenceLine x={1} stroke="#3d4757" strokeDasharray="3 3" />
              <Bar dataKey="mase" name={t('methodology.engine')} fill={SERIES.engine} isAnimationActive={false} />
              <Bar dataKey="naiveMase" name={t('methodology.naive')} fill={SERIES.naive} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </ChartFrame>
        <AccuracyTiersTable tiers={accuracy.data?.tiers} />
      </section>

      <section className="card prose" aria-labelledby="status-heading">
        <h2 id="status-heading">{t('methodology.statusTitle')}</h2>
        <ul className="status-list" data-testid="status-list">
          {STATUS_ORDER.map((s) => (
            <li key={s} data-status-item={s}>
              <StatusBadge status={s} asKey /> {t(`methodology.${s}`)}
            </li>
          ))}
        </ul>
      </section>

      <DataLevelsTable levels={meta.data?.dataLevels} indicators={meta.data?.indicators} />

      <section className="card prose" aria-labelledby="source-list-heading">
        <h2 id="source-list-heading">{t('methodology.sourceListTitle')}</h2>
        <ul>
          {(t('methodology.sourceList', { returnObjects: true }) as string[]).map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      </section>

      <section className="card prose" aria-labelledby="break-heading">
        <h2 id="break-heading">{t('methodology.breakTitle')}</h2>
        <p>{t('methodology.breakText')}</p>
        <p>{t('methodology.oldBasisText')}</p>
        <h2>{t('methodology.trainedTitle')}</h2>
        <p>{t('methodology.trainedText')}</p>
        <h2>{t('methodology.provincesTitle')}</h2>
        <p>{t('methodology.provincesText')}</p>
        <h2>{t('methodology.agenciesTitle')}</h2>
        <p>{t('methodology.agenciesText')}</p>
      </section>

      <section className="card">
        <h2 id="sources-heading" className="chart-title">{t('methodology.sourcesTitle')}</h2>
        <IllustrativeNote basis={sources.map((r) => r.status)} levels={VIEW_LEVELS.areaGaps} compact />
        {sources.length > 0 ? (
          <DataTable columns={sourceColumns} rows={sources} caption={t('methodology.sourcesTitle')} rowKey={(r, i) => `${i}-${r.citation}`} maxHeight={560} />
        ) : (
          <p className="count">{t('state.emptyHint')}</p>
        )}
      </section>
    </div>
  );
}
