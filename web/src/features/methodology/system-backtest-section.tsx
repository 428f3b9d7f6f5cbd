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
import { formatDecimal, formatPercent, type Lang } from '../../i18n/format';
import { systemBacktestColumns } from './methodology-columns';
import { methodologyQueries } from './queries';
import { BACKTEST_METHODS, systemBacktestVerdicts, toSystemBacktestBars, toSystemBacktestRows, type SystemBacktestVerdict } from './system-backtest-rows';

const COLOR = { system: SERIES.demand, naive: SERIES.naive, engine: SERIES.engine } as const;

/** One sentence per series: the system's MASE against naive's, and which way its forecasts leaned. */
function Verdict({ v, lang }: { v: SystemBacktestVerdict; lang: Lang }) {
  const { t } = useTranslation();
  const lean =
    v.biasPct === null
      ? ''
      : ` ${t(v.biasPct >= 0 ? 'methodology.system.leanHigh' : 'methodology.system.leanLow', { pct: formatPercent(Math.abs(v.biasPct), lang, 1) })}`;
  return (
    <li data-verdict={v.beatsNaive ? 'better' : 'worse'}>
      {t(v.beatsNaive ? 'methodology.system.better' : 'methodology.system.worse', {
        series: t(`methodology.system.series.${v.series}`),
        system: formatDecimal(v.mase, lang, 2),
        naive: formatDecimal(v.naiveMase, lang, 2),
      })}
      {lean}
    </li>
  );
}

/**
 * The supply–demand system's own backtest (GET /api/accuracy `system`, the same answer as the
 * engine's report): refitted at each past origin, its national employment and labour force
 * against naive and the single-series engine, with a warning when it ran on other data than
 * the version being served.
 */
export function SystemBacktestSection({ meta, lang }: { meta: LoadStatus; lang: Lang }) {
  const { t } = useTranslation();
  const accuracy = useQuery(methodologyQueries.accuracy());
  const system = accuracy.data?.system;
  const bars = toSystemBacktestBars(system).map((b) => ({ ...b, label: t(`methodology.system.series.${b.series}`) }));
  const ticks = niceTicks(bars.flatMap((b) => [b.system, b.naive, b.engine]));
  const narrow = useNarrow();
  const height = narrow ? 260 : 220;
  const d = system?.design;
  return (
    <section aria-labelledby="system-backtest-heading" className="page" style={{ gap: 12 }} data-testid="system-backtest">
      <h2 id="system-backtest-heading" className="section-title">
        {t('methodology.system.title')}
      </h2>
      <p className="lead">{t('methodology.system.lead', { from: d?.origins[0], to: d?.origins.at(-1), h: d?.horizon })}</p>
      {system && !system.appliesToServedVersion && (
        <p className="note" role="note" data-testid="system-backtest-other-data">
          {system.pending
            ? t('methodology.system.pending')
            : system.unavailable
              ? t('methodology.system.unavailable', { code: system.unavailable.code })
              : t('methodology.system.otherData')}
        </p>
      )}
      <ul className="verdicts" data-testid="system-backtest-verdicts">
        {systemBacktestVerdicts(system).map((v) => (
          <Verdict key={v.series} v={v} lang={lang} />
        ))}
      </ul>
      <ChartFrame
        title={t('methodology.system.chartTitle', { from: d?.origins[0], to: d?.origins.at(-1) })}
        subtitle={t('methodology.system.chartSubtitle')}
        unit={t('methodology.maseUnit')}
        source={
          system?.computedOn === 'version' ? t('methodology.system.sourceVersion', { version: accuracy.data?.dataVersion }) : t('methodology.system.source')
        }
        statuses={['modelled']}
        basis={mergeBasis(accuracy.data?.basis)}
        levels={VIEW_LEVELS.nationalForecast}
        legend={BACKTEST_METHODS.map((m) => ({ label: t(`methodology.system.methods.${m}`), color: COLOR[m] }))}
        columns={systemBacktestColumns(t, lang, d)}
        rows={toSystemBacktestRows(system)}
        filename="system-backtest"
        status={meta.isPending || meta.isError ? meta : accuracy}
        height={height}
        notes={[t('methodology.system.caveat')]}
      >
        <ResponsiveContainer width="100%" height={height}>
          <BarChart accessibilityLayer={false} data={bars} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
            <CartesianGrid stroke="#e2e6ec" horizontal={false} />
            <XAxis type="number" domain={[0, ticks.at(-1)!]} ticks={ticks} tickFormatter={(v: number) => formatDecimal(v, lang, 1)} tick={AXIS_TICK} />
            <YAxis type="category" dataKey="label" width={narrow ? 140 : 260} tick={<WrappedTick width={narrow ? 132 : 252} maxLines={3} />} interval={0} />
            <Tooltip formatter={(v, name) => [formatDecimal(Number(v), lang, 2), String(name)]} />
            <ReferenceLine x={1} stroke="#3d4757" strokeDasharray="3 3" />
            {BACKTEST_METHODS.map((m) => (
              <Bar key={m} dataKey={m} name={t(`methodology.system.methods.${m}`)} fill={COLOR[m]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
    </section>
  );
}
