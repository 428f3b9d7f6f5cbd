import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { exportCsvHref } from '../../api/endpoints';
import type { Meta } from '../../api/types';
import { StatusBadge, StatusLine } from '../../components/badges';
import { IllustrativeNote } from '../../components/illustrative-note';
import { basisOfRows, VIEW_LEVELS } from '../../adapters/basis';
import { plannerCellPick } from '../../adapters/gap-picks';
import { Field, Select } from '../../components/controls';
import { withProvenanceColumns } from '../../components/csv';
import { DownloadMenu } from '../../components/export/download-menu';
import { useExport } from '../../components/export/use-export';
import { DataTable } from '../../components/data-table';
import { QueryState } from '../../components/states';
import type { Lang } from '../../i18n/format';
import { FlagAssumptions, useFlagRule } from '../../components/flag-assumptions';
import { FLAGS, servedThresholds } from '../../components/flag-scale';
import { useUrlState } from '../../router/use-url-state';
import { metaQueries } from '../meta/queries';
import { useSourceText } from '../meta/use-source-text';
import { codeOptions, detailSectors, makeNamer, type Namer } from '../meta/names';
import { trainingQueries } from './queries';
import { plannerAreaOptions, toPlannerRows } from './to-table-rows';
import { plannerColumns, plannerExportColumns } from './planner-columns';
import { PlannerCards } from './planner-cards';
import { useNarrow } from '../../components/use-narrow';
import { PageHead } from '../../components/page-head';
import { ScenarioBuilder } from '../scenario/scenario-builder';
import { GapCompare } from '../scenario/gap-compare';

/** Area, level, flag and free-text search, kept in the URL. */
function PlannerFilters({ meta, region, lang }: { meta: Meta | undefined; region: string; lang: Lang }) {
  const { t } = useTranslation();
  const [state, set] = useUrlState();
  const searchId = useId();
  const areaOptions = plannerAreaOptions(meta?.regions, lang, (level) => t(`training.level_${level}`));
  const qualOptions = [{ value: '', label: t('controls.all') }, ...codeOptions(meta?.qualifications, lang, (q) => q.code !== 'ALL')];
  const flagOptions = [{ value: '', label: t('controls.all') }, ...FLAGS.map((f) => ({ value: f, label: t(`flag.${f}`) }))];
  return (
    <div className="toolbar card">
      {areaOptions.length > 0 && <Select name="region" label={t('controls.area')} value={region} onChange={(v) => set({ region: v })} options={areaOptions} />}
      <Select
        name="qual"
        label={t('controls.qualification')}
        value={state.qual ?? ''}
        onChange={(v) => set({ qual: v || undefined }, { replace: true })}
        options={qualOptions}
      />
      <Select
        name="flag"
        label={t('controls.flag')}
        value={state.flag ?? ''}
        onChange={(v) => set({ flag: v || undefined }, { replace: true })}
        options={flagOptions}
      />
      <Field id={searchId} label={t('controls.search')}>
        <input
          id={searchId}
          type="search"
          value={state.q ?? ''}
          placeholder={t('training.searchPlaceholder')}
          onChange={(e) => set({ q: e.target.value || undefined }, { replace: true })}
        />
      </Field>
    </div>
  );
}

/** Scenario A against the chosen scenario, over the planner's cells (detail sectors × levels, the level filter applied). */
function TrainingCompare({ meta, names, region }: { meta: Meta | undefined; names: Namer; region: string }) {
  const { t } = useTranslation();
  const [state] = useUrlState();
  const plannerSectors = detailSectors(meta, true);
  if (!state.compare) return null;
  return (
    <GapCompare
      a={state.compare}
      b={state.scenario}
      query={(scenario) => trainingQueries.cells({ region, scenario, horizon: state.horizon })}
      pick={plannerCellPick(plannerSectors, state.qual, names)}
      title={t('compare.trainingTitle')}
      filename={`compare-training-${region}-${state.compare}-${state.scenario}-${state.horizon}y`}
      levels={region === 'VN' ? VIEW_LEVELS.nationalGaps : VIEW_LEVELS.areaGaps}
    />
  );
}

/** Training planner for colleges: ranked sector × qualification cells of one area, sortable, filterable, exportable. */
export default function TrainingPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [state, set] = useUrlState();
  const meta = useQuery(metaQueries.codes());
  const names = makeNamer(meta.data, lang);
  const region = state.region ?? 'VN';
  const cells = useQuery(trainingQueries.cells({ region, scenario: state.scenario, horizon: state.horizon }));
  const thresholds = servedThresholds(cells.data);
  const rows = cells.data
    ? toPlannerRows(cells.data.rows, names, { flag: state.flag, qualification: state.qual, q: state.q, sectors: detailSectors(meta.data, true) })
    : [];
  const columns = plannerColumns(t, lang, thresholds);
  const sourceText = useSourceText();
  const source = sourceText(cells.data?.source);
  const flagRule = useFlagRule(thresholds);
  const basis = basisOfRows(rows, cells.data);
  const sort = state.sort ? { key: state.sort, dir: state.dir ?? 'desc' } : undefined;
  const narrow = useNarrow();
  // Exports carry every column on screen (the interval as lower and upper, the share as a percent
  // number), with the sector and qualification codes beside their names.
  const exportColumns = withProvenanceColumns(
    plannerExportColumns(t, columns),
    { status: () => ['modelled'], basis: (r) => r.basis, source: (r) => r.source || source },
    { status: t('export.colStatus'), basis: t('export.colBasis'), source: t('export.colSource') },
  );
  const exportAs = useExport();
  const tableTitle = t('training.tableTitle', { area: names.region(region), horizon: state.horizon });
  const downloadPlan = (format: Parameters<typeof exportAs>[0]) =>
    exportAs(format, {
      title: tableTitle,
      subtitle: t('training.tableSubtitle', { scenario: names.scenario(state.scenario) }),
      unit: t('units.personsOverHorizon', { count: state.horizon }),
      columns: exportColumns,
      rows,
      sources: [source, ...rows.map((r) => r.source)],
      statuses: ['modelled'],
      basis,
      note: flagRule,
      filename: `training-plan-${region}-${state.scenario}-${state.horizon}y`,
    });

  return (
    <div className="page">
      <PageHead title={t('training.title')} lead={t('training.lead')} />
      <ScenarioBuilder />
      <TrainingCompare meta={meta.data} names={names} region={region} />
      <PlannerFilters meta={meta.data} region={region} lang={lang} />
      <section className="card" aria-labelledby="planner-heading">
        <div className="chart-head">
          <div>
            <h2 id="planner-heading" className="chart-title">
              {tableTitle} <StatusBadge status="modelled" />
            </h2>
            <p className="chart-subtitle">
              {t('training.tableSubtitle', { scenario: names.scenario(state.scenario) })} · {t('training.rankHint')}
            </p>
          </div>
          <div className="chart-tools">
            <span className="count" aria-live="polite">
              {t('training.count', { count: rows.length })}
            </span>
            <DownloadMenu title={tableTitle} disabled={rows.length === 0} onSelect={downloadPlan} />
            <a className="button button-small" href={exportCsvHref('gaps', { region, scenario: state.scenario, horizon: state.horizon })}>
              {t('training.apiCsv')}
            </a>
          </div>
        </div>
        <IllustrativeNote basis={basis} levels={region === 'VN' ? VIEW_LEVELS.nationalGaps : VIEW_LEVELS.areaGaps} />
        <QueryState status={cells} empty={rows.length === 0} height={240} emptyMessage={t('training.emptyFiltered')}>
          {narrow ? (
            <PlannerCards
              // A new area, scenario, horizon, filter or sort starts again from the top of the ranking.
              key={[region, state.scenario, state.horizon, state.flag, state.qual, state.q, state.sort, state.dir].join('|')}
              rows={rows}
              columns={columns}
              sort={sort}
              caption={tableTitle}
              thresholds={thresholds}
            />
          ) : (
            <DataTable
              columns={columns}
              rows={rows}
              caption={tableTitle}
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
