import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AccuracyNote } from '../../components/accuracy-note';
import { ChartFrame } from '../../components/chart-frame';
import { SERIES, FLAG_COLORS } from '../../components/colors';
import type { Column } from '../../components/csv';
import { ForecastChart, forecastLegend } from '../../components/forecast-chart';
import { ImbalanceBars } from '../../components/imbalance-bars';
import { combineStatus } from '../../components/combine-status';
import { formatInteger, formatSigned, type Lang } from '../../i18n/format';
import { Link } from '../../router/link';
import { useUrlState } from '../../router/use-url-state';
import { metaQueries } from '../meta/queries';
import { detailSectors, makeNamer } from '../meta/names';
import { KPI_INDICATORS } from './indicators';
import { KpiCard } from './kpi-card';
import { overviewQueries } from './queries';
import { toDemandSupplyRows, toTopImbalanceRows, type ImbalanceBar } from './to-chart-rows';
import { mergedRowStatuses, type MergedRow } from '../../adapters/forecast-columns';
import { basisOfRows, mergeBasis, VIEW_LEVELS } from '../../adapters/basis';
import { uniqueStatuses } from '../../components/status';
import { PageHead } from '../../components/page-head';

/** Overview for planners: headline figures, national demand vs supply, top shortages and surpluses. */
export default function OverviewPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [state] = useUrlState();
  const meta = useQuery(metaQueries.codes());
  const names = makeNamer(meta.data, lang);
  // National series are always shown 10 years ahead; the horizon applies to openings and gaps.
  const demand = useQuery(overviewQueries.national('employment', state.scenario, 10));
  const supply = useQuery(overviewQueries.national('labour_force', state.scenario, 10));
  const gaps = useQuery(overviewQueries.gaps(state.scenario, state.horizon));

  const dsRows = demand.data || supply.data ? toDemandSupplyRows(demand.data, supply.data) : [];
  const dsStatus = combineStatus([demand, supply]);
  const series = [
    { key: 'demand', label: t('overview.demand'), color: SERIES.demand },
    { key: 'supply', label: t('overview.supply'), color: SERIES.supply },
  ];
  const n = (v: unknown) => formatInteger(v as number, lang);
  const band = (v: unknown) => (Array.isArray(v) ? v : [undefined, undefined]) as [number?, number?];
  const dsColumns: Column<MergedRow>[] = [
    { key: 'period', label: t('table.period'), value: (r) => r.period },
    ...series.flatMap((s) => [
      { key: `${s.key}_actual`, label: `${s.label} — ${t('chart.observed')}`, value: (r: MergedRow) => r[`${s.key}_actual`] as number, format: (r: MergedRow) => n(r[`${s.key}_actual`]), align: 'right' as const },
      { key: `${s.key}_mean`, label: `${s.label} — ${t('chart.projected')}`, value: (r: MergedRow) => (r.forecast ? (r[`${s.key}_mean`] as number) : undefined), format: (r: MergedRow) => (r.forecast ? n(r[`${s.key}_mean`]) : '–'), align: 'right' as const },
      { key: `${s.key}_lo95`, label: `${s.label} — ${t('chart.lower95')}`, value: (r: MergedRow) => (r.forecast ? band(r[`${s.key}_band95`])[0] : undefined), format: (r: MergedRow) => (r.forecast ? n(band(r[`${s.key}_band95`])[0]) : '–'), align: 'right' as const },
      { key: `${s.key}_hi95`, label: `${s.label} — ${t('chart.upper95')}`, value: (r: MergedRow) => (r.forecast ? band(r[`${s.key}_band95`])[1] : undefined), format: (r: MergedRow) => (r.forecast ? n(band(r[`${s.key}_band95`])[1]) : '–'), align: 'right' as const },
    ]),
  ];
  const dsSource = [demand.data?.source, supply.data?.source].filter(Boolean).join(' · ') || t('overview.sourcePending');
  const dsBasis = mergeBasis(demand.data, supply.data);
  const dsStatuses = uniqueStatuses([...dsRows.flatMap(mergedRowStatuses), 'modelled']);

  const bars = gaps.data ? toTopImbalanceRows(gaps.data.rows, 8, names, detailSectors(meta.data)) : [];
  const barColumns: Column<ImbalanceBar>[] = [
    { key: 'label', label: t('table.cell'), value: (r) => r.label },
    { key: 'openings', label: t('gaps.openings'), value: (r) => r.openings, format: (r) => formatInteger(r.openings, lang), align: 'right' },
    { key: 'newSupply', label: t('gaps.newSupply'), value: (r) => r.newSupply, format: (r) => formatInteger(r.newSupply, lang), align: 'right' },
    { key: 'imbalance', label: t('gaps.imbalance'), value: (r) => r.imbalance, format: (r) => formatSigned(r.imbalance, lang), align: 'right' },
    { key: 'flag', label: t('gaps.flag'), value: (r) => t(`flag.${r.flag}`) },
  ];
  const gapSource = gaps.data?.rows[0]?.source ?? t('overview.sourcePending');
  const gapBasis = basisOfRows(gaps.data?.rows, gaps.data);

  return (
    <div className="page">
      <PageHead title={t('overview.title')} lead={t('overview.lead')} />

      <section aria-labelledby="kpi-heading">
        <h2 id="kpi-heading" className="section-title">{t('overview.kpiHeading')}</h2>
        <div className="kpi-grid">
          {KPI_INDICATORS.map((k) => (
            <KpiCard key={k.code} indicator={k.code} unit={k.unit} />
          ))}
        </div>
      </section>

      <ChartFrame
        title={t('overview.demandSupplyTitle')}
        subtitle={t('overview.demandSupplySubtitle', { scenario: names.scenario(state.scenario) })}
        unit={t('units.persons')}
        source={dsSource}
        statuses={dsStatuses}
        basis={dsBasis}
        levels={VIEW_LEVELS.nationalForecast}
        provenance={{ status: mergedRowStatuses }}
        legend={forecastLegend(series, t)}
        columns={dsColumns}
        rows={dsRows}
        filename={`demand-supply-${state.scenario}`}
        status={dsStatus}
        height={320}
        footnote={
          <AccuracyNote
            items={[
              { label: t('overview.demand'), accuracy: demand.data?.accuracy },
              { label: t('overview.supply'), accuracy: supply.data?.accuracy },
            ]}
          />
        }
      >
        <ForecastChart rows={dsRows} series={series} unit="persons" height={320} />
      </ChartFrame>

      <ChartFrame
        title={t('overview.topTitle', { horizon: state.horizon })}
        subtitle={t('overview.topSubtitle', { scenario: names.scenario(state.scenario) })}
        unit={t('units.personsOverHorizon', { count: state.horizon })}
        source={gapSource}
        statuses={['modelled']}
        basis={gapBasis}
        levels={VIEW_LEVELS.nationalGaps}
        provenance={{ basis: (r) => r.basis, source: (r) => r.source }}
        legend={[
          { label: t('flag.shortage'), color: FLAG_COLORS.shortage, kind: 'bar' },
          { label: t('flag.surplus'), color: FLAG_COLORS.surplus, kind: 'bar' },
        ]}
        columns={barColumns}
        rows={bars}
        filename={`top-imbalances-${state.scenario}-${state.horizon}y`}
        status={gaps}
        height={Math.max(260, bars.length * 34 + 40)}
      >
        <ImbalanceBars rows={bars} height={Math.max(260, bars.length * 34 + 40)} />
      </ChartFrame>
      <p className="page-links">
        <Link to={{ page: 'training', region: undefined }}>{t('overview.toPlanner')} →</Link>
        <Link to={{ page: 'regions' }}>{t('overview.toRegions')} →</Link>
      </p>
    </div>
  );
}
