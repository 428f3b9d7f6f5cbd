import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ForecastResponse, GapsResponse, Status } from '../../api/types';
import { AccuracyNote } from '../../components/accuracy-note';
import { ChartFrame } from '../../components/chart-frame';
import { FLAG_COLORS, SERIES } from '../../components/colors';
import { breakLegend, breakMarks, breakNote, servedBreaks } from '../../components/series-break';
import { ForecastChart, forecastLegend } from '../../components/forecast-chart';
import { formatInteger, type Lang } from '../../i18n/format';
import { FlagAssumptions } from '../../components/flag-assumptions';
import { FLAGS, servedThresholds } from '../../components/flag-scale';
import { chartStatuses, mergedRowStatuses } from '../../adapters/forecast-columns';
import { basisOf, VIEW_LEVELS } from '../../adapters/basis';
import { forecastSummary } from '../../adapters/chart-summary';
import { useSourceText } from '../meta/use-source-text';
import type { Namer } from '../meta/names';
import { ImbalanceChart, OpeningsChart, SupplyChart } from './sector-charts';
import { employmentColumns, imbalanceColumns, openingsColumns } from './sector-columns';
import { sectorGapBasis, toEmploymentRows, toImbalanceRows, toOpeningsRows } from './to-chart-rows';

/** Where the frames are: the sector and area, named, and the horizon of the gaps. */
export interface SectorView {
  sector: string;
  region: string;
  horizon: number;
  names: Namer;
  lang: Lang;
}

/** The sector's employment forecast with its intervals, a series break where the API declares one, and its accuracy. */
export function EmploymentFrame({
  view,
  employment,
  gaps,
}: {
  view: SectorView;
  employment: UseQueryResult<ForecastResponse>;
  gaps: GapsResponse | undefined;
}) {
  const { t } = useTranslation();
  const sourceText = useSourceText();
  const { sector, region, names, lang } = view;
  // Memoised on the data, so the chart's year axis (memoised on rows) is not rebuilt on every render.
  const rows = useMemo(() => toEmploymentRows(employment.data), [employment.data]);
  const series = [{ key: 'employment', label: t('sectors.employment'), color: SERIES.supply }];
  // A series break only where the API declares one on this forecast.
  const breaks = servedBreaks([employment.data], gaps?.assumptions?.breaks);
  return (
    <ChartFrame
      title={t('sectors.employmentTitle', { sector: names.sector(sector), region: names.region(region) })}
      summary={forecastSummary(rows, series, (v) => formatInteger(v, lang), t)}
      subtitle={t('sectors.employmentSubtitle')}
      unit={t('units.persons')}
      source={sourceText(employment.data?.source)}
      statuses={chartStatuses(rows, mergedRowStatuses)}
      basis={basisOf(employment.data)}
      levels={VIEW_LEVELS.sector}
      provenance={{ status: mergedRowStatuses }}
      legend={[...forecastLegend(series, t), ...breakLegend(breaks, t)]}
      notes={breaks.map((b) => breakNote(b, t, lang))}
      columns={employmentColumns(t, lang)}
      rows={rows}
      filename={`employment-${sector}-${region}`}
      status={employment}
      height={300}
      footnote={<AccuracyNote items={[{ label: t('sectors.employment'), accuracy: employment.data?.accuracy }]} />}
    >
      <ForecastChart rows={rows} series={series} unit="persons" marks={breakMarks(breaks, t)} height={300} />
    </ChartFrame>
  );
}

/** Openings and new supply side by side, then the imbalance by level with the flags and their assumptions. */
export function GapFrames({ view, gaps }: { view: SectorView; gaps: UseQueryResult<GapsResponse> }) {
  const { t } = useTranslation();
  const sourceText = useSourceText();
  const { sector, region, horizon, names, lang } = view;
  const gapRows = gaps.data?.rows ?? [];
  const thresholds = servedThresholds(gaps.data);
  const openings = toOpeningsRows(gapRows, sector, names);
  const imbalance = toImbalanceRows(gapRows, sector, names);
  const where = `${names.sector(sector)} · ${names.region(region)}`;
  const openColumns = openingsColumns(t, lang);
  // Every gap frame shares its unit, source, statuses and the per-row provenance of its CSV.
  const common = {
    unit: t('units.personsOverHorizon', { count: horizon }),
    source: sourceText(gaps.data?.source ?? gapRows[0]?.source),
    statuses: ['modelled' as const],
    basis: sectorGapBasis(gaps.data, sector),
    levels: VIEW_LEVELS.sector,
    provenance: { basis: (r: { basis: Status[] }) => r.basis, source: (r: { source: string }) => sourceText(r.source) },
    status: gaps,
    height: 280,
  };
  return (
    <>
      <div className="grid-2">
        <ChartFrame
          {...common}
          title={t('sectors.openingsTitle', { horizon })}
          subtitle={where}
          footnote={<span className="small-text">{t('gaps.expansionHint')}</span>}
          legend={[
            { label: t('gaps.expansion'), color: SERIES.expansion },
            { label: t('gaps.replacement'), color: SERIES.replacement },
          ]}
          columns={openColumns}
          rows={openings}
          filename={`openings-${sector}-${region}-${horizon}y`}
        >
          <OpeningsChart rows={openings} height={280} />
        </ChartFrame>
        <ChartFrame
          {...common}
          title={t('sectors.supplyTitle', { horizon })}
          subtitle={where}
          legend={[
            { label: t('gaps.newSupply'), color: SERIES.newSupply },
            { label: t('gaps.openings'), color: '#7f8a99' },
          ]}
          columns={openColumns}
          rows={openings}
          filename={`supply-${sector}-${region}-${horizon}y`}
        >
          <SupplyChart rows={openings} height={280} />
        </ChartFrame>
      </div>
      <ChartFrame
        {...common}
        title={t('sectors.imbalanceTitle', { horizon })}
        subtitle={t('sectors.imbalanceSubtitle', { sector: names.sector(sector), region: names.region(region) })}
        legend={[
          ...FLAGS.map((f) => ({ label: t(`flag.${f}`), color: FLAG_COLORS[f] })),
          { label: t('sectors.interval80'), color: '#1a2233', kind: 'line' as const },
        ]}
        columns={imbalanceColumns(t, lang, thresholds)}
        rows={imbalance}
        filename={`imbalance-${sector}-${region}-${horizon}y`}
        footnote={<FlagAssumptions assumptions={gaps.data?.assumptions} thresholds={thresholds} names={names} />}
      >
        <ImbalanceChart rows={imbalance} height={280} />
      </ChartFrame>
    </>
  );
}
