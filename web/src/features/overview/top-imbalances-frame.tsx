import { useDeferredValue } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { basisOfRows, VIEW_LEVELS } from '../../adapters/basis';
import { imbalanceSummary } from '../../adapters/chart-summary';
import { ChartFrame } from '../../components/chart-frame';
import { FlagAssumptions } from '../../components/flag-assumptions';
import { ImbalanceBars, imbalanceLegend } from '../../components/imbalance-bars';
import { useNarrow } from '../../components/use-narrow';
import { formatSigned, type Lang } from '../../i18n/format';
import { useUrlState } from '../../router/use-url-state';
import { detailSectors, makeNamer } from '../meta/names';
import { metaQueries } from '../meta/queries';
import { useSourceText } from '../meta/use-source-text';
import { imbalanceBarColumns } from './overview-columns';
import { overviewQueries } from './queries';
import { toTopImbalanceRows } from './to-chart-rows';

/** The overview's second chart: the largest shortages and surpluses over the chosen horizon. */
export function TopImbalancesFrame() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [state] = useUrlState();
  const meta = useQuery(metaQueries.codes());
  const names = makeNamer(meta.data, lang);
  const sourceText = useSourceText();
  const narrow = useNarrow();
  const gaps = useQuery(overviewQueries.gaps(state.scenario, state.horizon));
  const bars = gaps.data ? toTopImbalanceRows(gaps.data.rows, 8, names, detailSectors(meta.data)) : [];
  const source = gaps.data?.rows[0]?.source ? sourceText(gaps.data.rows[0].source) : t('overview.sourcePending');
  // On a phone the bar labels wrap to three lines: give each bar the room they need.
  const height = Math.max(260, bars.length * (narrow ? 46 : 34) + 40);
  // Drawn in a render after the page's first: in one task, measuring the bar labels held the first chart back.
  const draw = useDeferredValue(true, false);

  return (
    <ChartFrame
      title={t('overview.topTitle', { horizon: state.horizon })}
      summary={imbalanceSummary(bars, (v) => formatSigned(v, lang), t)}
      subtitle={t('overview.topSubtitle', { scenario: names.scenario(state.scenario) })}
      unit={t('units.personsOverHorizon', { count: state.horizon })}
      source={source}
      statuses={['modelled']}
      basis={basisOfRows(gaps.data?.rows, gaps.data)}
      levels={VIEW_LEVELS.nationalGaps}
      provenance={{ basis: (r) => r.basis, source: (r) => r.source }}
      legend={imbalanceLegend(bars, t)}
      columns={imbalanceBarColumns(t, lang, gaps.data?.thresholds)}
      rows={bars}
      filename={`top-imbalances-${state.scenario}-${state.horizon}y`}
      status={draw ? gaps : { isPending: true, isError: false, error: null, refetch: gaps.refetch }}
      updating={gaps.isPlaceholderData}
      height={height}
      footnote={<FlagAssumptions assumptions={gaps.data?.assumptions} thresholds={gaps.data?.thresholds} names={names} />}
    >
      <ImbalanceBars rows={bars} height={height} />
    </ChartFrame>
  );
}
