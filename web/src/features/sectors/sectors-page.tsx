import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Select } from '../../components/controls';
import type { Lang } from '../../i18n/format';
import { useUrlState } from '../../router/use-url-state';
import { VIEW_LEVELS } from '../../adapters/basis';
import { sectorLevelPick } from '../../adapters/gap-picks';
import { metaQueries } from '../meta/queries';
import { codeOptions, makeNamer, sectorOptions } from '../meta/names';
import { sectorQueries } from './queries';
import { EmploymentFrame, GapFrames, type SectorView } from './sector-frames';
import { PageHead } from '../../components/page-head';
import { ScenarioBuilder } from '../scenario/scenario-builder';
import { GapCompare } from '../scenario/gap-compare';

/** Scenario A against the chosen scenario, over the sector's levels in the order served. */
function SectorCompare({ view }: { view: SectorView }) {
  const { t } = useTranslation();
  const [state] = useUrlState();
  const { sector, region, names } = view;
  if (!state.compare) return null;
  return (
    <GapCompare
      a={state.compare}
      b={state.scenario}
      query={(scenario) => sectorQueries.gaps({ region, sector, scenario, horizon: state.horizon })}
      pick={sectorLevelPick(sector, names.qualification)}
      title={t('compare.sectorsTitle')}
      filename={`compare-${sector}-${region}-${state.compare}-${state.scenario}-${state.horizon}y`}
      levels={VIEW_LEVELS.sector}
    />
  );
}

/** Sector detail: employment forecast, openings (expansion + replacement), new supply and imbalance by level. */
export default function SectorsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [state, set] = useUrlState();
  const meta = useQuery(metaQueries.codes());
  const names = makeNamer(meta.data, lang, (code) => t(`qualShort.${code}`, { defaultValue: '' }));
  const sector = state.sector ?? 'C';
  const region = state.region ?? 'VN';
  const employment = useQuery(sectorQueries.employment({ region, sector, scenario: state.scenario }));
  const gaps = useQuery(sectorQueries.gaps({ region, sector, scenario: state.scenario, horizon: state.horizon }));
  const view: SectorView = { sector, region, horizon: state.horizon, names, lang };
  const sectorOptionList = sectorOptions(meta.data, lang, (level) => t(`sectorGroups.${level}`), false);
  const regionOptions = codeOptions(meta.data?.regions, lang);

  return (
    <div className="page">
      <PageHead title={t('sectors.title', { sector: names.sector(sector) })} lead={t('sectors.lead')} />
      <ScenarioBuilder />
      <SectorCompare view={view} />
      <div className="toolbar">
        {sectorOptionList.length > 0 && (
          <Select name="sector" label={t('controls.sector')} value={sector} onChange={(v) => set({ sector: v })} options={sectorOptionList} />
        )}
        {regionOptions.length > 0 && (
          <Select
            name="region"
            label={t('controls.area')}
            value={region}
            onChange={(v) => set({ region: v === 'VN' ? undefined : v })}
            options={regionOptions}
          />
        )}
      </div>
      <EmploymentFrame view={view} employment={employment} gaps={gaps.data} />
      <GapFrames view={view} gaps={gaps} />
    </div>
  );
}
