import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FlagBadge, ConfidenceMeter, StatusBadge, StatusLine } from '../../components/badges';
import { IllustrativeNote } from '../../components/illustrative-note';
import { basisOf, basisOfRows, VIEW_LEVELS } from '../../adapters/basis';
import { ChartFrame } from '../../components/chart-frame';
import { mapLegendItems, thresholdsOf, sharePercent } from '../../components/flag-scale';
import { FlagAssumptions } from '../../components/flag-assumptions';
import { Select } from '../../components/controls';
import type { Column } from '../../components/csv';
import { QueryState } from '../../components/states';
import { formatDecimal, formatInteger, formatShare, formatSigned, type Lang } from '../../i18n/format';
import { Link } from '../../router/link';
import { useUrlState } from '../../router/use-url-state';
import { toTopImbalanceRows } from '../overview/to-chart-rows';
import { metaQueries } from '../meta/queries';
import { useSourceText } from '../meta/use-source-text';
import { codeOptions, detailSectors, makeNamer, sectorOptions } from '../meta/names';
import { regionsQueries } from './queries';
import { MapLegend, TileMap } from './tile-map';
import { toAreaRows, toProvinceTiles, toRegionBlocks, type AreaRow } from './to-chart-rows';
import { PageHead } from '../../components/page-head';
import { ScenarioBuilder } from '../scenario/scenario-builder';
import { GapCompare } from '../scenario/gap-compare';

/** Regions: tile map of the 34 provinces (or the 6 regions) coloured by imbalance; click opens an area. */
export default function RegionsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [state, set] = useUrlState();
  const meta = useQuery(metaQueries.codes());
  const names = makeNamer(meta.data, lang);
  const sourceText = useSourceText();
  const view = state.view ?? 'provinces';
  const sector = state.sector ?? 'TOTAL';
  const qualification = state.qual ?? 'ALL';
  const map = useQuery(regionsQueries.map({ scenario: state.scenario, horizon: state.horizon, sector, qualification }));
  const rows = map.data?.rows ?? [];
  const served = map.data?.thresholds ?? map.data?.assumptions?.thresholds;
  const thresholds = thresholdsOf(served);
  const cells = view === 'regions' ? toRegionBlocks(rows, names, thresholds) : toProvinceTiles(rows, names, thresholds);
  const table = toAreaRows(cells);
  const selected = state.region && state.region !== 'VN' ? state.region : undefined;
  const mapBasis = basisOfRows(rows, map.data);
  const levelOf = new Map((meta.data?.regions ?? []).map((r) => [r.code, r.level]));

  const columns: Column<AreaRow>[] = [
    { key: 'name', label: t('regions.area'), value: (r) => r.name },
    { key: 'openings', label: t('gaps.openings'), value: (r) => r.openings, format: (r) => formatInteger(r.openings, lang), align: 'right' },
    { key: 'newSupply', label: t('gaps.newSupply'), value: (r) => r.newSupply, format: (r) => formatInteger(r.newSupply, lang), align: 'right' },
    { key: 'imbalance', label: t('gaps.imbalance'), value: (r) => r.imbalance, format: (r) => formatSigned(r.imbalance, lang), align: 'right' },
    { key: 'imbalanceShare', label: t('gaps.imbalanceShare'), value: (r) => sharePercent(r.imbalanceShare), format: (r) => formatShare(r.imbalanceShare, lang), align: 'right' },
    { key: 'ratio', label: t('gaps.ratio'), value: (r) => r.ratio, format: (r) => formatDecimal(r.ratio, lang, 2), align: 'right' },
    { key: 'flag', label: t('gaps.flag'), value: (r) => t(`flag.${r.flag}`), format: (r) => <FlagBadge flag={r.flag} thresholds={served} share={r.imbalanceShare} /> },
  ];

  const sectorOptionList = sectorOptions(meta.data, lang, (level) => t(`sectorGroups.${level}`));
  const qualOptions = codeOptions(meta.data?.qualifications, lang);

  return (
    <div className="page">
      <PageHead title={t('regions.title')} lead={t('regions.lead')} />
      <ScenarioBuilder />
      {state.compare && (
        <GapCompare
          a={state.compare}
          b={state.scenario}
          query={(scenario) => regionsQueries.map({ scenario, horizon: state.horizon, sector, qualification })}
          pick={{ keyOf: (r) => (levelOf.get(r.region) === (view === 'regions' ? 'region' : 'province') ? r.region : undefined), labelOf: (r) => names.region(r.region) }}
          title={t('compare.regionsTitle')}
          filename={`compare-${view}-${sector}-${qualification}-${state.compare}-${state.scenario}-${state.horizon}y`}
          levels={VIEW_LEVELS.areaGaps}
        />
      )}
      <div className="toolbar">
        <fieldset className="field segmented">
          <legend>{t('regions.view')}</legend>
          <div className="segments">
            {(['provinces', 'regions'] as const).map((v) => (
              <label key={v} className={view === v ? 'segment active' : 'segment'}>
                <input type="radio" name="map-view" value={v} checked={view === v} onChange={() => set({ view: v, region: undefined })} />
                {t(`regions.view_${v}`)}
              </label>
            ))}
          </div>
        </fieldset>
        {sectorOptionList.length > 0 && <Select name="sector" label={t('controls.sector')} value={sector} onChange={(v) => set({ sector: v === 'TOTAL' ? undefined : v })} options={sectorOptionList} />}
        {qualOptions.length > 0 && <Select name="qual" label={t('controls.qualification')} value={qualification} onChange={(v) => set({ qual: v === 'ALL' ? undefined : v })} options={qualOptions} />}
      </div>
      <div className="map-layout">
        <ChartFrame
          title={view === 'regions' ? t('regions.mapTitleRegions') : t('regions.mapTitleProvinces')}
          subtitle={t('regions.mapSubtitle', { sector: names.sector(sector), qualification: names.qualification(qualification), horizon: state.horizon })}
          unit={t('regions.ratioUnit')}
          source={sourceText(map.data?.source ?? rows[0]?.source)}
          statuses={['modelled']}
          basis={mapBasis}
          levels={VIEW_LEVELS.areaGaps}
          provenance={{ basis: (r) => r.basis, source: (r) => sourceText(r.source) }}
          legend={mapLegendItems(thresholds, t, (x) => formatShare(x, lang))}
          columns={columns}
          rows={table}
          filename={`map-${view}-${sector}-${qualification}-${state.horizon}y`}
          status={map}
          height={view === 'regions' ? 360 : 560}
          fitContent
          footnote={<FlagAssumptions assumptions={map.data?.assumptions} thresholds={served} names={names} />}
        >
          <TileMap cells={cells} selected={selected} onSelect={(code) => set({ region: code })} unitScale={view === 'regions' ? 2.4 : 1} label={t('regions.mapLabel')} />
        </ChartFrame>
        <aside className="detail-panel">
          <div className="card">
            <MapLegend thresholds={thresholds} />
          </div>
          {selected ? <AreaDetail code={selected} /> : <p className="card count">{t('regions.pickHint')}</p>}
        </aside>
      </div>
    </div>
  );
}

/** The selected province or region: totals, top shortages, links onward. */
function AreaDetail({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [state] = useUrlState();
  const meta = useQuery(metaQueries.codes());
  const names = makeNamer(meta.data, lang);
  const area = useQuery(regionsQueries.area({ region: code, scenario: state.scenario, horizon: state.horizon }));
  const total = area.data?.rows.find((r) => r.sector === 'TOTAL' && r.qualification === 'ALL');
  const top = area.data ? toTopImbalanceRows(area.data.rows, 5, names, detailSectors(meta.data)).filter((r) => r.imbalance < 0) : [];
  return (
    <section className="card" aria-labelledby="area-heading" data-area={code}>
      <h2 id="area-heading" style={{ fontSize: '1.15rem' }}>
        {names.region(code)} <StatusBadge status="modelled" />
      </h2>
      <p className="count">{t('regions.detailSubtitle', { horizon: state.horizon })}</p>
      <QueryState status={area} empty={!area.data?.rows.length} height={120}>
        {total && <p className="count"><StatusLine statuses={['modelled']} basis={basisOf(total)} /></p>}
        {total && <IllustrativeNote basis={basisOf(total)} levels={VIEW_LEVELS.areaGaps} compact />}
        {total && (
          <dl className="kv">
            <dt>{t('gaps.openings')}</dt>
            <dd>{formatInteger(total.openings, lang)}</dd>
            <dt>{t('gaps.expansion')}</dt>
            <dd>{formatSigned(total.expansion, lang)}</dd>
            <dt>{t('gaps.replacement')}</dt>
            <dd>{formatInteger(total.replacement, lang)}</dd>
            <dt>{t('gaps.newSupply')}</dt>
            <dd>{formatInteger(total.newSupply, lang)}</dd>
            <dt>{t('gaps.imbalance')}</dt>
            <dd>{formatSigned(total.imbalance, lang)}</dd>
            <dt>{t('gaps.imbalanceShare')}</dt>
            <dd>{formatShare(total.imbalanceShare, lang)}</dd>
            <dt>{t('gaps.flag')}</dt>
            <dd><FlagBadge flag={total.flag} thresholds={area.data?.thresholds} share={total.imbalanceShare} /></dd>
            <dt>{t('gaps.confidence')}</dt>
            <dd><ConfidenceMeter confidence={total.confidence} /></dd>
          </dl>
        )}
        {top.length > 0 && (
          <>
            <h3 style={{ fontSize: '0.95rem', marginTop: 12 }}>{t('regions.topShortages')}</h3>
            <ol className="top-list">
              {top.map((r) => (
                <li key={r.key}>
                  {r.label}: <strong>{formatSigned(r.imbalance, lang)}</strong>
                </li>
              ))}
            </ol>
          </>
        )}
      </QueryState>
      <p className="page-links">
        <Link to={{ page: 'training', region: code }}>{t('regions.openPlanner')} →</Link>
      </p>
    </section>
  );
}
