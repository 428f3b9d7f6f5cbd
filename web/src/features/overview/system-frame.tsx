import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { mergeBasis, servedSources, VIEW_LEVELS } from '../../adapters/basis';
import { forecastSummary } from '../../adapters/chart-summary';
import { chartStatuses, mergedRowStatuses } from '../../adapters/forecast-columns';
import { AccuracyNote } from '../../components/accuracy-note';
import { ChartFrame } from '../../components/chart-frame';
import { SERIES } from '../../components/colors';
import { combineStatusIgnoringMissing } from '../../components/combine-status';
import { ForecastChart, forecastLegend, linesLegend, type ChartLineDef, type ForecastSeriesDef } from '../../components/forecast-chart';
import { breakLegend, breakMarks, breakNote, servedBreaks } from '../../components/series-break';
import { rateDefinitionNote } from '../../components/rate-definition';
import { formatValue, type Lang } from '../../i18n/format';
import { useUrlState } from '../../router/use-url-state';
import { makeNamer } from '../meta/names';
import { metaQueries } from '../meta/queries';
import { useSourceText } from '../meta/use-source-text';
import { useSystemForecasts } from './use-system-forecasts';
import { systemColumns, systemUnitOf } from './overview-columns';
import { overviewQueries } from './queries';
import { SystemBacktestNote } from './system-backtest-note';
import { DEMAND_KEY, toSystemRows } from './to-chart-rows';

/**
 * The overview's first chart: labour force, employment and the unemployment rate, one system
 * (issue 12: the rate = 1 − E ÷ LF), always 10 years ahead; the horizon applies to openings and gaps.
 */
export function SystemFrame() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [state] = useUrlState();
  const meta = useQuery(metaQueries.codes());
  const names = makeNamer(meta.data, lang);
  const sourceText = useSourceText();
  const { labourForce, employment, unemploymentRate } = useSystemForecasts(state.scenario);
  // Series breaks come with the gaps' assumptions (their reason); the same query as the bars below.
  const gaps = useQuery(overviewQueries.gaps(state.scenario, state.horizon));

  const systemQueries = [labourForce, employment, unemploymentRate];
  // Memoised on the data, so the chart's year axis (useYearAxis, memoised on rows) is not rebuilt on every render.
  const rows = useMemo(
    () =>
      labourForce.data || employment.data || unemploymentRate.data
        ? toSystemRows({ labourForce: labourForce.data, employment: employment.data, unemploymentRate: unemploymentRate.data })
        : [],
    [labourForce.data, employment.data, unemploymentRate.data],
  );
  const series: ForecastSeriesDef[] = [
    { key: 'labourForce', label: t('overview.labourForce'), color: SERIES.supply },
    { key: 'employment', label: t('overview.employment'), color: SERIES.demand },
    { key: 'unemploymentRate', label: t('overview.unemploymentRate'), color: SERIES.target, axis: 'right' },
  ];
  // Labour demand before the supply limit (served on the national employment forecast): one extra dashed line.
  const demandLines: ChartLineDef[] = rows.some((r) => typeof r[DEMAND_KEY] === 'number')
    ? [{ key: DEMAND_KEY, label: t('overview.demandLine'), color: SERIES.expansion }]
    : [];
  // Series breaks only as the API declares them (forecast `break`, reason from the assumptions).
  const breaks = servedBreaks(
    systemQueries.map((q) => q.data),
    gaps.data?.assumptions?.breaks,
  );
  const source =
    servedSources(...systemQueries.map((q) => q.data))
      .map((s) => sourceText(s))
      .join(' · ') || t('overview.sourcePending');

  return (
    <ChartFrame
      title={t('overview.systemTitle')}
      summary={forecastSummary(rows, series, (v, key) => formatValue(v, systemUnitOf(series.find((s) => s.key === key) ?? series[0]), lang), t)}
      subtitle={t('overview.systemSubtitle', { scenario: names.scenario(state.scenario) })}
      unit={t('units.persons')}
      source={source}
      statuses={chartStatuses(rows, mergedRowStatuses)}
      basis={mergeBasis(labourForce.data, employment.data, unemploymentRate.data)}
      levels={VIEW_LEVELS.nationalForecast}
      provenance={{ status: mergedRowStatuses }}
      legend={[...forecastLegend(series, t), ...linesLegend(demandLines), ...breakLegend(breaks, t)]}
      notes={[...breaks.map((b) => breakNote(b, t, lang)), rateDefinitionNote(unemploymentRate.data, t, lang)].filter((n): n is string => n !== null)}
      columns={systemColumns(series, demandLines, t, lang)}
      rows={rows}
      filename={`labour-force-employment-${state.scenario}`}
      // A series the data cannot forecast (404) only drops out; the chart fails on real errors.
      status={combineStatusIgnoringMissing(systemQueries)}
      updating={systemQueries.some((q) => q.isPlaceholderData)}
      height={320}
      footnote={
        <>
          <SystemBacktestNote />
          <AccuracyNote
            items={[
              { label: t('overview.labourForce'), accuracy: labourForce.data?.accuracy },
              { label: t('overview.employment'), accuracy: employment.data?.accuracy },
              { label: t('overview.unemploymentRate'), accuracy: unemploymentRate.data?.accuracy },
            ]}
          />
        </>
      }
    >
      <ForecastChart rows={rows} series={series} unit="persons" rightUnit="percent" marks={breakMarks(breaks, t)} lines={demandLines} height={320} />
    </ChartFrame>
  );
}
