import { useTranslation } from 'react-i18next';
import type { Meta } from '../../api/types';
import { VIEW_LEVELS } from '../../adapters/basis';
import type { UrlState } from '../../router/url-state';
import type { Namer } from '../meta/names';
import { GapCompare } from '../scenario/gap-compare';
import { regionsQueries } from './queries';

export interface RegionsCompareProps {
  /** Scenario A (the reference) set against the current scenario B. */
  compare: string;
  state: UrlState;
  view: 'provinces' | 'regions';
  sector: string;
  qualification: string;
  meta: Meta | undefined;
  names: Namer;
}

/** Scenario A against B on the areas the map shows: only provinces, or only regions, as the view. */
export function RegionsCompare({ compare, state, view, sector, qualification, meta, names }: RegionsCompareProps) {
  const { t } = useTranslation();
  // The gaps answer holds every level (country, regions, provinces): keep the view's level only.
  const levelOf = new Map((meta?.regions ?? []).map((r) => [r.code, r.level]));
  return (
    <GapCompare
      a={compare}
      b={state.scenario}
      query={(scenario) => regionsQueries.map({ scenario, horizon: state.horizon, sector, qualification })}
      pick={{
        keyOf: (r) => (levelOf.get(r.region) === (view === 'regions' ? 'region' : 'province') ? r.region : undefined),
        labelOf: (r) => names.region(r.region),
      }}
      title={t('compare.regionsTitle')}
      filename={`compare-${view}-${sector}-${qualification}-${compare}-${state.scenario}-${state.horizon}y`}
      levels={VIEW_LEVELS.areaGaps}
    />
  );
}
