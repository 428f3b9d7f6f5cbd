import type { QueryClient } from '@tanstack/react-query';
import type { UrlState } from '../router/url-state';
import { metaQueries } from './meta/queries';
import { resolveFormerCode } from './meta/former-codes';
import { KPI_INDICATORS } from './overview/indicators';
import { overviewQueries } from './overview/queries';
import { regionsQueries } from './regions/queries';
import { trainingQueries } from './training/queries';

/**
 * Starts the first page's requests while its code chunk (and recharts) is still loading,
 * so data and code arrive in parallel instead of one after the other.
 */
export function prefetchPage(client: QueryClient, state: UrlState): void {
  void client.prefetchQuery(metaQueries.codes());
  if (state.page === 'overview') {
    for (const indicator of ['labour_force', 'employment', 'unemployment_rate']) void client.prefetchQuery(overviewQueries.national(indicator, state.scenario, 10));
    void client.prefetchQuery(overviewQueries.gaps(state.scenario, state.horizon));
    for (const k of KPI_INDICATORS) void client.prefetchQuery(overviewQueries.kpi(k.code));
  } else if (state.page === 'regions') {
    void client.prefetchQuery(regionsQueries.map({ scenario: state.scenario, horizon: state.horizon, sector: state.sector ?? 'TOTAL', qualification: state.qual ?? 'ALL' }));
  } else if (state.page === 'training') {
    const cells = (region: string) => void client.prefetchQuery(trainingQueries.cells({ region, scenario: state.scenario, horizon: state.horizon }));
    if (!state.region) cells('VN');
    // A region code may be a former province's (old links): ask for the unit it now belongs to.
    else void client.fetchQuery(metaQueries.codes()).then((meta) => cells(resolveFormerCode(meta, state.region, state.lang)?.current ?? state.region!), () => undefined);
  }
}
