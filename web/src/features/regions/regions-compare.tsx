import { useTranslation } from 'react-i18next';
import type { Meta } from '../../api/types';
import { VIEW_LEVELS } from '../../adapters/basis';
import { areaPick, type AreaView } from '../../adapters/gap-picks';
import type { UrlState } from '../../router/url-state';
import type { Namer } from '../meta/names';
import { GapCompare } from '../scenario/gap-compare';
import { regionsQueries } from './queries';

export interface RegionsCompareProps {
  /** Scenario A (the reference) set against the current scenario B. */
  compare: string;
  state: UrlState;
  view: AreaView;
  sector: string;
  qualification: string;
  meta: Meta | undefined;
  names: Namer;
}

/** Scenario A against B on the areas the map shows: only provinces, or only regions, as the view. */
export function RegionsCompare({ compare, state, view, sector, qualification, meta, names }: RegionsCompareProps) {
  const { t } = useTranslation();
  return (
    <GapCompare
      a={compare}
      b={state.scenario}
      query={(scenario) => regionsQueries.map({ scenario, horizon: state.horizon, sector, qualification })}
      pick={areaPick(meta?.regions, view, names.region)}
      title={t('compare.regionsTitle')}
      filename={`compare-${view}-${sector}-${qualification}-${compare}-${state.scenario}-${state.horizon}y`}
      levels={VIEW_LEVELS.areaGaps}
    />
  );
}
