import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FlagBadge, ConfidenceMeter, StatusBadge, StatusLine } from '../../components/badges';
import { IllustrativeNote } from '../../components/illustrative-note';
import { basisOf, basisOfRows, VIEW_LEVELS } from '../../adapters/basis';
import { ChartFrame } from '../../components/chart-frame';
import { mapLegendItems, thresholdsOf, servedThresholds } from '../../components/flag-scale';
import { FlagAssumptions } from '../../components/flag-assumptions';
import { QueryState } from '../../components/states';
import { formatInteger, formatShare, formatSigned, type Lang } from '../../i18n/format';
import { Link } from '../../router/link';
import { useUrlState } from '../../router/use-url-state';
import { metaQueries } from '../meta/queries';
import { useSourceText } from '../meta/use-source-text';
import { detailSectors, makeNamer } from '../meta/names';
import { regionsQueries } from './queries';
import { MapLegend, TileMap } from './tile-map';
import { toAreaRows, toAreaSummary, toProvinceTiles, toRegionBlocks } from './to-chart-rows';
import { PageHead } from '../../components/page-head';
import { ScenarioBuilder } from '../scenario/scenario-builder';
import { areaColumns } from './regions-columns';
import { RegionsCompare } from './regions-compare';
import { RegionsToolbar } from './regions-toolbar';

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
  const served = servedThresholds(map.data);
  const thresholds = thresholdsOf(served);
  const cells = view === 'regions' ? toRegionBlocks(rows, names, thresholds) : toProvinceTiles(rows, names, thresholds);
  const table = toAreaRows(cells);
  const selected = state.region && state.region !== 'VN' ? state.region : undefined;
  const mapBasis = basisOfRows(rows, map.data);

  return (
    <div className="page">
      <PageHead title={t('regions.title')} lead={t('regions.lead')} />
      <ScenarioBuilder />
      {state.compare && (
        <RegionsCompare compare={state.compare} state={state} view={view} sector={sector} qualification={qualification} meta={meta.data} names={names} />
      )}
      <RegionsToolbar view={view} sector={sector} qualification={qualification} meta={meta.data} />
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
          columns={areaColumns(t, lang, served)}
          rows={table}
          filename={`map-${view}-${sector}-${qualification}-${state.horizon}y`}
          status={map}
          height={view === 'regions' ? 360 : 560}
          fitContent
          footnote={<FlagAssumptions assumptions={map.data?.assumptions} thresholds={served} names={names} />}
        >
          <TileMap
            cells={cells}
            selected={selected}
            onSelect={(code) => set({ region: code })}
            unitScale={view === 'regions' ? 2.4 : 1}
            label={t('regions.mapLabel')}
          />
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
  const { total, shortages: top } = toAreaSummary(area.data?.rows ?? [], names, detailSectors(meta.data));
  return (
    <section className="card" aria-labelledby="area-heading" data-area={code}>
      <h2 id="area-heading" style={{ fontSize: '1.15rem' }}>
        {names.region(code)} <StatusBadge status="modelled" />
      </h2>
      <p className="count">{t('regions.detailSubtitle', { horizon: state.horizon })}</p>
      <QueryState status={area} empty={!area.data?.rows.length} height={120}>
        {total && (
          <p className="count">
            <StatusLine statuses={['modelled']} basis={basisOf(total)} />
          </p>
        )}
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
            <dd>
              <FlagBadge flag={total.flag} thresholds={area.data?.thresholds} share={total.imbalanceShare} />
            </dd>
            <dt>{t('gaps.confidence')}</dt>
            <dd>
              <ConfidenceMeter confidence={total.confidence} />
            </dd>
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
