import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { exportCsvHref } from '../../api/endpoints';
import { ConfidenceMeter, FlagBadge, StatusBadge, StatusBadges, StatusLine } from '../../components/badges';
import { IllustrativeNote } from '../../components/illustrative-note';
import { basisOfRows, VIEW_LEVELS } from '../../adapters/basis';
import { Select } from '../../components/controls';
import { withProvenanceColumns, type Column } from '../../components/csv';
import { DownloadMenu } from '../../components/export/download-menu';
import { useExport } from '../../components/export/use-export';
import { DataTable } from '../../components/data-table';
import { QueryState } from '../../components/states';
import { formatDecimal, formatInteger, formatShare, formatSigned, MISSING, type Lang } from '../../i18n/format';
import { FlagAssumptions, useFlagRule } from '../../components/flag-assumptions';
import { FLAGS, sharePercent } from '../../components/flag-scale';
import { useUrlState } from '../../router/use-url-state';
import { metaQueries } from '../meta/queries';
import { useSourceText } from '../meta/use-source-text';
import { codeOptions, detailSectors, makeNamer, nameOf } from '../meta/names';
import { trainingQueries } from './queries';
import { toPlannerRows, type PlannerRow } from './to-table-rows';
import { PlannerCards } from './planner-cards';
import { useNarrow } from '../../components/use-narrow';
import { PageHead } from '../../components/page-head';
import { ScenarioBuilder } from '../scenario/scenario-builder';
import { GapCompare } from '../scenario/gap-compare';

/** Training planner for colleges: ranked sector × qualification cells of one area, sortable, filterable, exportable. */
export default function TrainingPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [state, set] = useUrlState();
  const meta = useQuery(metaQueries.codes());
  const names = makeNamer(meta.data, lang);
  const region = state.region ?? 'VN';
  const cells = useQuery(trainingQueries.cells({ region, scenario: state.scenario, horizon: state.horizon }));
  const thresholds = cells.data?.thresholds ?? cells.data?.assumptions?.thresholds;
  const rows = cells.data ? toPlannerRows(cells.data.rows, names, { flag: state.flag, qualification: state.qual, q: state.q, sectors: detailSectors(meta.data, true) }) : [];
  const searchId = useId();
  const plannerSectors = detailSectors(meta.data, true);

  const columns: Column<PlannerRow>[] = [
    { key: 'rank', label: t('training.rank'), value: (r) => r.rank ?? undefined, digits: 0, format: (r) => (r.rank === null ? MISSING : String(r.rank)), align: 'right' },
    { key: 'sector', label: t('controls.sector'), value: (r) => r.sectorName },
    { key: 'qualification', label: t('controls.qualification'), value: (r) => r.qualificationName },
    { key: 'openings', label: t('gaps.openings'), value: (r) => r.openings, format: (r) => formatInteger(r.openings, lang), align: 'right' },
    { key: 'newSupply', label: t('gaps.newSupply'), value: (r) => r.newSupply, format: (r) => formatInteger(r.newSupply, lang), align: 'right' },
    { key: 'imbalance', label: t('training.gap'), value: (r) => r.imbalance, format: (r) => formatSigned(r.imbalance, lang), align: 'right' },
    {
      key: 'interval',
      label: t('training.interval'),
      value: (r) => `${Math.round(r.imbalanceLower)}..${Math.round(r.imbalanceUpper)}`,
      format: (r) => `${formatSigned(r.imbalanceLower, lang)} … ${formatSigned(r.imbalanceUpper, lang)}`,
      align: 'right',
      exportAs: [
        { key: 'imbalanceLower', label: `${t('training.interval')} — ${t('export.lower')}`, value: (r) => r.imbalanceLower, digits: 0 },
        { key: 'imbalanceUpper', label: `${t('training.interval')} — ${t('export.upper')}`, value: (r) => r.imbalanceUpper, digits: 0 },
      ],
    },
    {
      key: 'imbalanceShare', label: t('gaps.imbalanceShare'), value: (r) => sharePercent(r.imbalanceShare), format: (r) => formatShare(r.imbalanceShare, lang), align: 'right',
      exportAs: [{ key: 'imbalanceShare', label: t('training.csvImbalanceShare'), value: (r) => sharePercent(r.imbalanceShare), digits: 2 }],
    },
    { key: 'ratio', label: t('gaps.ratio'), value: (r) => r.ratio, format: (r) => formatDecimal(r.ratio, lang, 2), align: 'right', digits: 3 },
    { key: 'confidence', label: t('gaps.confidence'), value: (r) => ({ high: 3, medium: 2, low: 1 })[r.confidence], exportValue: (r) => t(`confidence.${r.confidence}`), format: (r) => <ConfidenceMeter confidence={r.confidence} /> },
    { key: 'flag', label: t('gaps.flag'), value: (r) => t(`flag.${r.flag}`), format: (r) => <FlagBadge flag={r.flag} thresholds={thresholds} share={r.imbalanceShare} /> },
    {
      key: 'status',
      label: t('status.label'),
      value: (r) => r.basis.join('+'),
      format: (r) => (
        <>
          <StatusBadge status="modelled" /> <span className="count">{t('status.restsOn')}</span> <StatusBadges statuses={r.basis} />
        </>
      ),
    },
  ];
  // Exports carry every column on screen (the interval as lower and upper, the share as a percent
  // number), with the sector and qualification codes beside their names.
  const csvColumns: Column<PlannerRow>[] = [
    columns[0],
    { key: 'sectorCode', label: t('training.csvSector'), value: (r) => r.sector },
    columns[1],
    { key: 'qualificationCode', label: t('training.csvQualification'), value: (r) => r.qualification },
    ...columns.slice(2),
  ];
  const areaOptions = (meta.data?.regions ?? []).map((r) => ({
    value: r.code,
    label: r.level === 'province' ? nameOf(r, lang) : `${nameOf(r, lang)} (${t(`training.level_${r.level}`)})`,
  }));
  const qualOptions = [{ value: '', label: t('controls.all') }, ...codeOptions(meta.data?.qualifications, lang, (q) => q.code !== 'ALL')];
  const flagOptions = [{ value: '', label: t('controls.all') }, ...FLAGS.map((f) => ({ value: f, label: t(`flag.${f}`) }))];
  const sourceText = useSourceText();
  const source = sourceText(cells.data?.source);
  const flagRule = useFlagRule(thresholds);
  const basis = basisOfRows(rows, cells.data);
  const sort = state.sort ? { key: state.sort, dir: state.dir ?? 'desc' } : undefined;
  const narrow = useNarrow();
  const exportColumns = withProvenanceColumns(csvColumns, { status: () => ['modelled'], basis: (r) => r.basis, source: (r) => r.source || source }, { status: t('export.colStatus'), basis: t('export.colBasis'), source: t('export.colSource') });
  const exportAs = useExport();
  const tableTitle = t('training.tableTitle', { area: names.region(region), horizon: state.horizon });
  const downloadPlan = (format: Parameters<typeof exportAs>[0]) =>
    exportAs(format, {
      title: tableTitle, subtitle: t('training.tableSubtitle', { scenario: names.scenario(state.scenario) }), unit: t('units.personsOverHorizon', { count: state.horizon }),
      columns: exportColumns, rows, sources: [source, ...rows.map((r) => r.source)], statuses: ['modelled'], basis, note: flagRule,
      filename: `training-plan-${region}-${state.scenario}-${state.horizon}y`,
    });

  return (
    <div className="page">
      <PageHead title={t('training.title')} lead={t('training.lead')} />
      <ScenarioBuilder />
      {state.compare && (
        <GapCompare
          a={state.compare}
          b={state.scenario}
          query={(scenario) => trainingQueries.cells({ region, scenario, horizon: state.horizon })}
          pick={{
            keyOf: (r) => (plannerSectors.has(r.sector) && r.qualification !== 'ALL' && (!state.qual || r.qualification === state.qual) ? `${r.sector}|${r.qualification}` : undefined),
            labelOf: (r) => `${names.sector(r.sector)} · ${names.qualification(r.qualification)}`,
          }}
          title={t('compare.trainingTitle')}
          filename={`compare-training-${region}-${state.compare}-${state.scenario}-${state.horizon}y`}
          levels={region === 'VN' ? VIEW_LEVELS.nationalGaps : VIEW_LEVELS.areaGaps}
        />
      )}
      <div className="toolbar card">
        {areaOptions.length > 0 && <Select name="region" label={t('controls.area')} value={region} onChange={(v) => set({ region: v })} options={areaOptions} />}
        <Select name="qual" label={t('controls.qualification')} value={state.qual ?? ''} onChange={(v) => set({ qual: v || undefined }, { replace: true })} options={qualOptions} />
        <Select name="flag" label={t('controls.flag')} value={state.flag ?? ''} onChange={(v) => set({ flag: v || undefined }, { replace: true })} options={flagOptions} />
        <div className="field">
          <label htmlFor={searchId}>{t('controls.search')}</label>
          <input id={searchId} type="search" value={state.q ?? ''} placeholder={t('training.searchPlaceholder')} onChange={(e) => set({ q: e.target.value || undefined }, { replace: true })} />
        </div>
      </div>
      <section className="card" aria-labelledby="planner-heading">
        <div className="chart-head">
          <div>
            <h2 id="planner-heading" className="chart-title">
              {t('training.tableTitle', { area: names.region(region), horizon: state.horizon })} <StatusBadge status="modelled" />
            </h2>
            <p className="chart-subtitle">{t('training.tableSubtitle', { scenario: names.scenario(state.scenario) })} · {t('training.rankHint')}</p>
          </div>
          <div className="chart-tools">
            <span className="count" aria-live="polite">{t('training.count', { count: rows.length })}</span>
            <DownloadMenu title={tableTitle} disabled={rows.length === 0} onSelect={downloadPlan} />
            <a className="button button-small" href={exportCsvHref('gaps', { region, scenario: state.scenario, horizon: state.horizon })}>
              {t('training.apiCsv')}
            </a>
          </div>
        </div>
        <IllustrativeNote basis={basis} levels={region === 'VN' ? VIEW_LEVELS.nationalGaps : VIEW_LEVELS.areaGaps} />
        <QueryState status={cells} empty={rows.length === 0} height={240} emptyMessage={t('training.emptyFiltered')}>
          {narrow ? (
            <PlannerCards rows={rows} columns={columns} sort={sort} caption={t('training.tableTitle', { area: names.region(region), horizon: state.horizon })} thresholds={thresholds} />
          ) : (
            <DataTable
              columns={columns}
              rows={rows}
              caption={t('training.tableTitle', { area: names.region(region), horizon: state.horizon })}
              sort={sort}
              onSort={(s) => set({ sort: s.key, dir: s.dir }, { replace: true })}
              rowKey={(r) => r.key}
              maxHeight={640}
            />
          )}
        </QueryState>
        <p className="chart-source">
          <StatusLine statuses={['modelled']} basis={basis} /> <span className="label">{t('chart.source')}:</span> {source} · {flagRule}
        </p>
        <FlagAssumptions assumptions={cells.data?.assumptions} thresholds={thresholds} names={names} />
      </section>
    </div>
  );
}
