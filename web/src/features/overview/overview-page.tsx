import { boundAt, numberAt } from '../../adapters/forecast-table-columns';
import { useDeferredValue } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AccuracyNote } from '../../components/accuracy-note';
import { ChartFrame } from '../../components/chart-frame';
import { SERIES } from '../../components/colors';
import type { Column } from '../../components/csv';
import { ForecastChart, forecastLegend, linesLegend, type ChartLineDef, type ForecastSeriesDef } from '../../components/forecast-chart';
import { breakLegend, breakMarks, breakNote, servedBreaks } from '../../components/series-break';
import { FlagBadge } from '../../components/badges';
import { FlagAssumptions } from '../../components/flag-assumptions';
import { sharePercent } from '../../components/flag-scale';
import { ImbalanceBars, imbalanceLegend } from '../../components/imbalance-bars';
import { combineStatusIgnoringMissing } from '../../components/combine-status';
import { formatInteger, formatShare, formatSigned, formatValue, type Lang } from '../../i18n/format';
import { Link } from '../../router/link';
import { useUrlState } from '../../router/use-url-state';
import { metaQueries } from '../meta/queries';
import { detailSectors, makeNamer } from '../meta/names';
import { KPI_INDICATORS, SYSTEM_HORIZON, SYSTEM_INDICATORS } from './indicators';
import { KpiCard } from './kpi-card';
import { overviewQueries } from './queries';
import { DEMAND_KEY, toSystemRows, toTopImbalanceRows, type ImbalanceBar } from './to-chart-rows';
import { mergedRowStatuses, type MergedRow } from '../../adapters/forecast-columns';
import { basisOfRows, mergeBasis, VIEW_LEVELS } from '../../adapters/basis';
import { uniqueStatuses } from '../../components/status';
import { PageHead } from '../../components/page-head';
import { ScenarioBuilder } from '../scenario/scenario-builder';
import { useSourceText } from '../meta/use-source-text';
import { forecastSummary, imbalanceSummary } from '../../adapters/chart-summary';
import { useNarrow } from '../../components/use-narrow';
import { SystemCompare } from '../scenario/system-compare';

/** Overview for planners: headline figures, national demand vs supply, top shortages and surpluses. */
export default function OverviewPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [state] = useUrlState();
  const meta = useQuery(metaQueries.codes());
  const names = makeNamer(meta.data, lang);
  const sourceText = useSourceText();
  const narrow = useNarrow();
  // National series are always shown 10 years ahead; the horizon applies to openings and gaps.
  // One system (issue 12): labour force, employment and the unemployment rate = 1 − E ÷ LF.
  const [lfCode, empCode, urCode] = SYSTEM_INDICATORS;
  const labourForce = useQuery(overviewQueries.national(lfCode, state.scenario, SYSTEM_HORIZON));
  const employment = useQuery(overviewQueries.national(empCode, state.scenario, SYSTEM_HORIZON));
  const unemploymentRate = useQuery(overviewQueries.national(urCode, state.scenario, SYSTEM_HORIZON));
  const gaps = useQuery(overviewQueries.gaps(state.scenario, state.horizon));

  const systemQueries = [labourForce, employment, unemploymentRate];
  const anySystem = systemQueries.some((q) => q.data);
  const dsRows = anySystem ? toSystemRows({ labourForce: labourForce.data, employment: employment.data, unemploymentRate: unemploymentRate.data }) : [];
  // A series the data cannot forecast (404) only drops out; the chart fails on real errors.
  const dsStatus = combineStatusIgnoringMissing(systemQueries);
  const series: ForecastSeriesDef[] = [
    { key: 'labourForce', label: t('overview.labourForce'), color: SERIES.supply },
    { key: 'employment', label: t('overview.employment'), color: SERIES.demand },
    { key: 'unemploymentRate', label: t('overview.unemploymentRate'), color: SERIES.target, axis: 'right' },
  ];
  // Labour demand before the supply limit (served on the national employment forecast): one extra dashed line.
  const demandLines: ChartLineDef[] = dsRows.some((r) => typeof r[DEMAND_KEY] === 'number')
    ? [{ key: DEMAND_KEY, label: t('overview.demandLine'), color: SERIES.expansion }]
    : [];
  // Series breaks only as the API declares them (forecast `break`, reason from the assumptions).
  const breaks = servedBreaks(systemQueries.map((q) => q.data), gaps.data?.assumptions?.breaks);
  const marks = breakMarks(breaks, t);
  const unitOf = (s: ForecastSeriesDef) => (s.axis === 'right' ? 'percent' : 'persons');
  const fmt = (v: number | undefined, u: string) => formatValue(v, u, lang);
  const dsColumns: Column<MergedRow>[] = [
    { key: 'period', label: t('table.period'), value: (r) => r.period },
    ...series.flatMap((s) => [
      { key: `${s.key}_actual`, label: `${s.label} — ${t('chart.observed')}`, value: (r: MergedRow) => numberAt(r, `${s.key}_actual`), format: (r: MergedRow) => fmt(numberAt(r, `${s.key}_actual`), unitOf(s)), align: 'right' as const },
      { key: `${s.key}_mean`, label: `${s.label} — ${t('chart.projected')}`, value: (r: MergedRow) => (r.forecast ? numberAt(r, `${s.key}_mean`) : undefined), format: (r: MergedRow) => (r.forecast ? fmt(numberAt(r, `${s.key}_mean`), unitOf(s)) : '–'), align: 'right' as const },
      { key: `${s.key}_lo95`, label: `${s.label} — ${t('chart.lower95')}`, value: (r: MergedRow) => (r.forecast ? boundAt(r, `${s.key}_band95`, 0) : undefined), format: (r: MergedRow) => (r.forecast ? fmt(boundAt(r, `${s.key}_band95`, 0), unitOf(s)) : '–'), align: 'right' as const },
      { key: `${s.key}_hi95`, label: `${s.label} — ${t('chart.upper95')}`, value: (r: MergedRow) => (r.forecast ? boundAt(r, `${s.key}_band95`, 1) : undefined), format: (r: MergedRow) => (r.forecast ? fmt(boundAt(r, `${s.key}_band95`, 1), unitOf(s)) : '–'), align: 'right' as const },
    ]),
    ...demandLines.map((l) => ({
      key: l.key, label: l.label, value: (r: MergedRow) => (r.forecast ? numberAt(r, l.key) : undefined),
      format: (r: MergedRow) => (r.forecast && numberAt(r, l.key) !== undefined ? fmt(numberAt(r, l.key), 'persons') : '–'), align: 'right' as const,
    })),
  ];
  const dsSource = [...new Set(systemQueries.map((q) => q.data?.source).filter(Boolean))].map((s) => sourceText(s)).join(' · ') || t('overview.sourcePending');
  const dsBasis = mergeBasis(labourForce.data, employment.data, unemploymentRate.data);
  const dsStatuses = uniqueStatuses([...dsRows.flatMap(mergedRowStatuses), 'modelled']);
  const dsLegend = [
    ...forecastLegend(series, t),
    ...linesLegend(demandLines),
    ...breakLegend(breaks, t),
  ];

  const bars = gaps.data ? toTopImbalanceRows(gaps.data.rows, 8, names, detailSectors(meta.data)) : [];
  const barColumns: Column<ImbalanceBar>[] = [
    { key: 'label', label: t('table.cell'), value: (r) => r.label },
    { key: 'openings', label: t('gaps.openings'), value: (r) => r.openings, format: (r) => formatInteger(r.openings, lang), align: 'right' },
    { key: 'newSupply', label: t('gaps.newSupply'), value: (r) => r.newSupply, format: (r) => formatInteger(r.newSupply, lang), align: 'right' },
    { key: 'imbalance', label: t('gaps.imbalance'), value: (r) => r.imbalance, format: (r) => formatSigned(r.imbalance, lang), align: 'right' },
    { key: 'imbalanceShare', label: t('gaps.imbalanceShare'), value: (r) => sharePercent(r.imbalanceShare), format: (r) => formatShare(r.imbalanceShare, lang), align: 'right' },
    { key: 'flag', label: t('gaps.flag'), value: (r) => t(`flag.${r.flag}`), format: (r) => <FlagBadge flag={r.flag} thresholds={gaps.data?.thresholds} share={r.imbalanceShare} /> },
  ];
  const gapSource = gaps.data?.rows[0]?.source ? sourceText(gaps.data.rows[0].source) : t('overview.sourcePending');
  const gapBasis = basisOfRows(gaps.data?.rows, gaps.data);
  // On a phone the bar labels wrap to three lines: give each bar the room they need.
  const barsHeight = Math.max(260, bars.length * (narrow ? 46 : 34) + 40);
  // The bars (below the first chart) are drawn in a render after the page's first: drawn in one task, their label measuring held the first chart back.
  const drawBars = useDeferredValue(true, false);

  return (
    <div className="page">
      <PageHead title={t('overview.title')} lead={t('overview.lead')} />
      <ScenarioBuilder />
      {state.compare && <SystemCompare a={state.compare} b={state.scenario} />}

      <section aria-labelledby="kpi-heading">
        <h2 id="kpi-heading" className="section-title">{t('overview.kpiHeading')}</h2>
        <div className="kpi-grid">
          {KPI_INDICATORS.map((k) => (
            <KpiCard key={k.code} indicator={k.code} unit={k.unit} />
          ))}
        </div>
      </section>

      <ChartFrame
        title={t('overview.systemTitle')}
        summary={forecastSummary(dsRows, series, (v, key) => fmt(v, key === 'unemploymentRate' ? 'percent' : 'persons'), t)}
        subtitle={t('overview.systemSubtitle', { scenario: names.scenario(state.scenario) })}
        unit={t('units.persons')}
        source={dsSource}
        statuses={dsStatuses}
        basis={dsBasis}
        levels={VIEW_LEVELS.nationalForecast}
        provenance={{ status: mergedRowStatuses }}
        legend={dsLegend}
        notes={breaks.map((b) => breakNote(b, t, lang))}
        columns={dsColumns}
        rows={dsRows}
        filename={`labour-force-employment-${state.scenario}`}
        status={dsStatus}
        updating={systemQueries.some((q) => q.isPlaceholderData)}
        height={320}
        footnote={
          <AccuracyNote
            items={[
              { label: t('overview.labourForce'), accuracy: labourForce.data?.accuracy },
              { label: t('overview.employment'), accuracy: employment.data?.accuracy },
              { label: t('overview.unemploymentRate'), accuracy: unemploymentRate.data?.accuracy },
            ]}
          />
        }
      >
        <ForecastChart rows={dsRows} series={series} unit="persons" rightUnit="percent" marks={marks} lines={demandLines} height={320} />
      </ChartFrame>

      <ChartFrame
        title={t('overview.topTitle', { horizon: state.horizon })}
        summary={imbalanceSummary(bars, (v) => formatSigned(v, lang), t)}
        subtitle={t('overview.topSubtitle', { scenario: names.scenario(state.scenario) })}
        unit={t('units.personsOverHorizon', { count: state.horizon })}
        source={gapSource}
        statuses={['modelled']}
        basis={gapBasis}
        levels={VIEW_LEVELS.nationalGaps}
        provenance={{ basis: (r) => r.basis, source: (r) => r.source }}
        legend={imbalanceLegend(bars, t)}
        columns={barColumns}
        rows={bars}
        filename={`top-imbalances-${state.scenario}-${state.horizon}y`}
        status={drawBars ? gaps : { isPending: true, isError: false, error: null, refetch: gaps.refetch }}
        updating={gaps.isPlaceholderData}
        height={barsHeight}
        footnote={<FlagAssumptions assumptions={gaps.data?.assumptions} thresholds={gaps.data?.thresholds} names={names} />}
      >
        <ImbalanceBars rows={bars} height={barsHeight} />
      </ChartFrame>
      <p className="page-links">
        <Link to={{ page: 'training', region: undefined }}>{t('overview.toPlanner')} →</Link>
        <Link to={{ page: 'regions' }}>{t('overview.toRegions')} →</Link>
      </p>
    </div>
  );
}
