import { forecastTableColumns } from '../../adapters/forecast-table-columns';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FlagBadge } from '../../components/badges';
import { AccuracyNote } from '../../components/accuracy-note';
import { ChartFrame } from '../../components/chart-frame';
import { FLAG_COLORS, SERIES } from '../../components/colors';
import { Select } from '../../components/controls';
import type { Column } from '../../components/csv';
import { breakLegend, breakMarks, breakNote, servedBreaks } from '../../components/series-break';
import { ForecastChart, forecastLegend } from '../../components/forecast-chart';
import { formatInteger, formatShare, formatSigned, type Lang } from '../../i18n/format';
import { FlagAssumptions } from '../../components/flag-assumptions';
import { FLAGS, sharePercent } from '../../components/flag-scale';
import { useUrlState } from '../../router/use-url-state';
import { mergedRowStatuses } from '../../adapters/forecast-columns';
import { basisOf, basisOfRows, VIEW_LEVELS } from '../../adapters/basis';
import { uniqueStatuses } from '../../components/status';
import { metaQueries } from '../meta/queries';
import { useSourceText } from '../meta/use-source-text';
import { forecastSummary } from '../../adapters/chart-summary';
import { codeOptions, makeNamer, sectorOptions } from '../meta/names';
import { sectorQueries } from './queries';
import { ImbalanceChart, OpeningsChart, SupplyChart } from './sector-charts';
import { toEmploymentRows, toImbalanceRows, toOpeningsRows, type ImbalanceRow, type OpeningsRow } from './to-chart-rows';
import { PageHead } from '../../components/page-head';
import { ScenarioBuilder } from '../scenario/scenario-builder';
import { GapCompare } from '../scenario/gap-compare';

/** Sector detail: employment forecast, openings (expansion + replacement), new supply and imbalance by level. */
export default function SectorsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [state, set] = useUrlState();
  const meta = useQuery(metaQueries.codes());
  const names = makeNamer(meta.data, lang, (code) => t(`qualShort.${code}`, { defaultValue: '' }));
  const sourceText = useSourceText();
  const sector = state.sector ?? 'C';
  const region = state.region ?? 'VN';
  const employment = useQuery(sectorQueries.employment({ region, sector, scenario: state.scenario }));
  const gaps = useQuery(sectorQueries.gaps({ region, sector, scenario: state.scenario, horizon: state.horizon }));
  const gapRows = gaps.data?.rows ?? [];
  const thresholds = gaps.data?.thresholds ?? gaps.data?.assumptions?.thresholds;
  const empRows = toEmploymentRows(employment.data);
  const openings = toOpeningsRows(gapRows, sector, names);
  const imbalance = toImbalanceRows(gapRows, sector, names);
  const n = (v: number | undefined) => formatInteger(v, lang);
  const series = [{ key: 'employment', label: t('sectors.employment'), color: SERIES.supply }];
  const sectorName = names.sector(sector);
  const regionName = names.region(region);
  const horizonUnit = t('units.personsOverHorizon', { count: state.horizon });
  const gapSource = sourceText(gaps.data?.source ?? gapRows[0]?.source);
  const gapBasis = basisOfRows(gapRows.filter((r) => r.sector === sector), gaps.data);
  const empBasis = basisOf(employment.data);
  const empStatuses = uniqueStatuses([...empRows.flatMap(mergedRowStatuses), 'modelled']);
  const gapProvenance = { basis: (r: { basis: typeof gapBasis }) => r.basis, source: (r: { source: string }) => sourceText(r.source) };

  const empColumns = forecastTableColumns('employment', {
    period: t('table.period'), actual: t('chart.observed'), mean: t('chart.projected'),
    bands: { lower80: t('sectors.lower80'), upper80: t('sectors.upper80'), lower95: t('chart.lower95'), upper95: t('chart.upper95') },
  }, n);
  const openColumns: Column<OpeningsRow>[] = [
    { key: 'label', label: t('controls.qualification'), value: (r) => r.label },
    { key: 'expansion', label: t('gaps.expansion'), value: (r) => r.expansion, format: (r) => formatSigned(r.expansion, lang), align: 'right' },
    { key: 'replacement', label: t('gaps.replacement'), value: (r) => r.replacement, format: (r) => n(r.replacement), align: 'right' },
    { key: 'openings', label: t('gaps.openings'), value: (r) => r.openings, format: (r) => n(r.openings), align: 'right' },
    { key: 'newSupply', label: t('gaps.newSupply'), value: (r) => r.newSupply, format: (r) => n(r.newSupply), align: 'right' },
  ];
  const imbColumns: Column<ImbalanceRow>[] = [
    { key: 'label', label: t('controls.qualification'), value: (r) => r.label },
    { key: 'imbalance', label: t('gaps.imbalance'), value: (r) => r.imbalance, format: (r) => formatSigned(r.imbalance, lang), align: 'right' },
    { key: 'lower', label: t('sectors.lower80'), value: (r) => r.lower, format: (r) => formatSigned(r.lower, lang), align: 'right' },
    { key: 'upper', label: t('sectors.upper80'), value: (r) => r.upper, format: (r) => formatSigned(r.upper, lang), align: 'right' },
    { key: 'imbalanceShare', label: t('gaps.imbalanceShare'), value: (r) => sharePercent(r.imbalanceShare), format: (r) => formatShare(r.imbalanceShare, lang), align: 'right' },
    { key: 'flag', label: t('gaps.flag'), value: (r) => t(`flag.${r.flag}`), format: (r) => <FlagBadge flag={r.flag} thresholds={thresholds} share={r.imbalanceShare} /> },
  ];
  // A series break only where the API declares one on this forecast.
  const empBreaks = servedBreaks([employment.data], gaps.data?.assumptions?.breaks);
  const sectorOptionList = sectorOptions(meta.data, lang, (level) => t(`sectorGroups.${level}`), false);
  const regionOptions = codeOptions(meta.data?.regions, lang);

  return (
    <div className="page">
      <PageHead title={t('sectors.title', { sector: sectorName })} lead={t('sectors.lead')} />
      <ScenarioBuilder />
      {state.compare && (
        <GapCompare
          a={state.compare}
          b={state.scenario}
          query={(scenario) => sectorQueries.gaps({ region, sector, scenario, horizon: state.horizon })}
          pick={{ keyOf: (r) => (r.sector === sector ? r.qualification : undefined), labelOf: (r) => names.qualification(r.qualification), order: 'served' }}
          title={t('compare.sectorsTitle')}
          filename={`compare-${sector}-${region}-${state.compare}-${state.scenario}-${state.horizon}y`}
          levels={VIEW_LEVELS.sector}
        />
      )}
      <div className="toolbar">
        {sectorOptionList.length > 0 && <Select name="sector" label={t('controls.sector')} value={sector} onChange={(v) => set({ sector: v })} options={sectorOptionList} />}
        {regionOptions.length > 0 && <Select name="region" label={t('controls.area')} value={region} onChange={(v) => set({ region: v === 'VN' ? undefined : v })} options={regionOptions} />}
      </div>
      <ChartFrame
        title={t('sectors.employmentTitle', { sector: sectorName, region: regionName })}
        summary={forecastSummary(empRows, series, (v) => formatInteger(v, lang), t)}
        subtitle={t('sectors.employmentSubtitle')}
        unit={t('units.persons')}
        source={sourceText(employment.data?.source)}
        statuses={empStatuses}
        basis={empBasis}
        levels={VIEW_LEVELS.sector}
        provenance={{ status: mergedRowStatuses }}
        legend={[...forecastLegend(series, t), ...breakLegend(empBreaks, t)]}
        notes={empBreaks.map((b) => breakNote(b, t, lang))}
        columns={empColumns}
        rows={empRows}
        filename={`employment-${sector}-${region}`}
        status={employment}
        height={300}
        footnote={<AccuracyNote items={[{ label: t('sectors.employment'), accuracy: employment.data?.accuracy }]} />}
      >
        <ForecastChart rows={empRows} series={series} unit="persons" marks={breakMarks(empBreaks, t)} height={300} />
      </ChartFrame>
      <div className="grid-2">
        <ChartFrame
          title={t('sectors.openingsTitle', { horizon: state.horizon })}
          subtitle={`${sectorName} · ${regionName}`}
          unit={horizonUnit}
          source={gapSource}
          statuses={['modelled']}
          basis={gapBasis}
          levels={VIEW_LEVELS.sector}
          provenance={gapProvenance}
          footnote={<span className="small-text">{t('gaps.expansionHint')}</span>}
          legend={[
            { label: t('gaps.expansion'), color: SERIES.expansion },
            { label: t('gaps.replacement'), color: SERIES.replacement },
          ]}
          columns={openColumns}
          rows={openings}
          filename={`openings-${sector}-${region}-${state.horizon}y`}
          status={gaps}
          height={280}
        >
          <OpeningsChart rows={openings} height={280} />
        </ChartFrame>
        <ChartFrame
          title={t('sectors.supplyTitle', { horizon: state.horizon })}
          subtitle={`${sectorName} · ${regionName}`}
          unit={horizonUnit}
          source={gapSource}
          statuses={['modelled']}
          basis={gapBasis}
          levels={VIEW_LEVELS.sector}
          provenance={gapProvenance}
          legend={[
            { label: t('gaps.newSupply'), color: SERIES.newSupply },
            { label: t('gaps.openings'), color: '#7f8a99' },
          ]}
          columns={openColumns}
          rows={openings}
          filename={`supply-${sector}-${region}-${state.horizon}y`}
          status={gaps}
          height={280}
        >
          <SupplyChart rows={openings} height={280} />
        </ChartFrame>
      </div>
      <ChartFrame
        title={t('sectors.imbalanceTitle', { horizon: state.horizon })}
        subtitle={t('sectors.imbalanceSubtitle', { sector: sectorName, region: regionName })}
        unit={horizonUnit}
        source={gapSource}
        statuses={['modelled']}
        basis={gapBasis}
        levels={VIEW_LEVELS.sector}
        provenance={gapProvenance}
        legend={[
          ...FLAGS.map((f) => ({ label: t(`flag.${f}`), color: FLAG_COLORS[f] })),
          { label: t('sectors.interval80'), color: '#1a2233', kind: 'line' as const },
        ]}
        columns={imbColumns}
        rows={imbalance}
        filename={`imbalance-${sector}-${region}-${state.horizon}y`}
        status={gaps}
        height={280}
        footnote={<FlagAssumptions assumptions={gaps.data?.assumptions} thresholds={thresholds} names={names} />}
      >
        <ImbalanceChart rows={imbalance} height={280} />
      </ChartFrame>
    </div>
  );
}
