import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { mergeBasis, VIEW_LEVELS } from '../../adapters/basis';
import { niceTicks } from '../../adapters/nice';
import { ChartFrame } from '../../components/chart-frame';
import { AXIS_TICK, SERIES } from '../../components/colors';
import type { LoadStatus } from '../../components/states';
import { useNarrow } from '../../components/use-narrow';
import { WrappedTick } from '../../components/wrapped-tick';
import { formatDecimal, type Lang } from '../../i18n/format';
import type { Namer } from '../meta/names';
import { AccuracyTiersTable } from './accuracy-tiers-table';
import { accuracyColumns, coveragePercent } from './methodology-columns';
import { methodologyQueries } from './queries';
import { accuracySummary, toAccuracyRows, type AccuracySummary } from './to-chart-rows';

/** The three headline figures: mean MASE against naive, series that beat naive, interval coverage. */
function AccuracyKpis({ summary, lang }: { summary: AccuracySummary; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <div className="kpi-grid" data-testid="accuracy-summary">
      <article className="kpi-card">
        <h3 className="kpi-title">{t('methodology.meanMase')}</h3>
        <div className="kpi-value">{formatDecimal(summary.meanMase, lang, 2)}</div>
        <p className="kpi-definition">{t('methodology.vsNaive', { naive: formatDecimal(summary.meanNaiveMase, lang, 2) })}</p>
      </article>
      <article className="kpi-card">
        <h3 className="kpi-title">{t('methodology.wins')}</h3>
        <div className="kpi-value">
          {summary.wins} / {summary.series}
        </div>
        <p className="kpi-definition">{t('methodology.winsHint')}</p>
      </article>
      <article className="kpi-card">
        <h3 className="kpi-title">{t('methodology.coverage')}</h3>
        <div className="kpi-value">
          {coveragePercent(summary.coverage80, lang)} · {coveragePercent(summary.coverage95, lang)}
        </div>
        <p className="kpi-definition">{t('methodology.coverageHint')}</p>
      </article>
    </div>
  );
}

/**
 * Backtest of the engine against the naive forecast, from the version's stored results
 * (GET /api/accuracy, one answer, not one forecast per series): headline figures, MASE by
 * series and the summary by level of detail. `meta` is the code list query the labels need.
 */
export function AccuracySection({ names, meta, lang }: { names: Namer; meta: LoadStatus; lang: Lang }) {
  const { t } = useTranslation();
  const accuracy = useQuery(methodologyQueries.accuracy());
  const label = (f: { indicator: string; sector: string }) =>
    f.sector === 'TOTAL' ? `${t(`kpi.${f.indicator}.title`, { defaultValue: f.indicator })} (${names.region('VN')})` : names.sector(f.sector);
  const rows = toAccuracyRows(accuracy.data?.series, label);
  const summary = accuracySummary(accuracy.data?.means);
  const ticks = niceTicks(rows.flatMap((r) => [r.mase, r.naiveMase]));
  const narrow = useNarrow();
  const chartHeight = Math.max(240, rows.length * (narrow ? 40 : 32) + 40);
  return (
    <section aria-labelledby="acc-heading" className="page" style={{ gap: 12 }}>
      <h2 id="acc-heading" className="section-title">
        {t('methodology.accuracyTitle')}
      </h2>
      {summary && <AccuracyKpis summary={summary} lang={lang} />}
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
        columns={accuracyColumns(t, lang)}
        rows={rows}
        filename="backtest-accuracy"
        status={meta.isPending || meta.isError ? meta : accuracy}
        height={chartHeight}
      >
        <ResponsiveContainer width="100%" height={chartHeight}>
          <BarChart accessibilityLayer={false} data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
            <CartesianGrid stroke="#e2e6ec" horizontal={false} />
            <XAxis type="number" domain={[0, ticks.at(-1)!]} ticks={ticks} tickFormatter={(v: number) => formatDecimal(v, lang, 1)} tick={AXIS_TICK} />
            <YAxis
              type="category"
              dataKey="label"
              width={narrow ? 140 : 260}
              tick={<WrappedTick width={narrow ? 132 : 252} maxLines={narrow ? 3 : 2} />}
              interval={0}
            />
            <Tooltip formatter={(v, name) => [formatDecimal(Number(v), lang, 2), String(name)]} />
            <ReferenceLine x={1} stroke="#3d4757" strokeDasharray="3 3" />
            <Bar dataKey="mase" name={t('methodology.engine')} fill={SERIES.engine} isAnimationActive={false} />
            <Bar dataKey="naiveMase" name={t('methodology.naive')} fill={SERIES.naive} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
      <AccuracyTiersTable tiers={accuracy.data?.tiers} />
    </section>
  );
}
