import type { QueryClient } from '@tanstack/react-query';
import type { UrlState } from '../router/url-state';
import { metaQueries } from './meta/queries';
import { resolveFormerCode } from './meta/former-codes';
import { KPI_INDICATORS, SYSTEM_HORIZON, SYSTEM_INDICATORS } from './overview/indicators';
import { overviewQueries } from './overview/queries';
import { regionsQueries } from './regions/queries';
import { trainingQueries } from './training/queries';

/**
 * Starts a page's requests: on the first load while its code chunk (and recharts) is still
 * loading, so data and code arrive in parallel; on a scenario change before the URL changes.
 * Resolves when they have all settled (prefetching never rejects).
 */
export function prefetchPage(client: QueryClient, state: UrlState): Promise<void> {
  const pending: Promise<unknown>[] = [client.prefetchQuery(metaQueries.codes())];
  if (state.page === 'overview') {
    for (const indicator of Object.values(SYSTEM_INDICATORS))
      pending.push(client.prefetchQuery(overviewQueries.national(indicator, state.scenario, SYSTEM_HORIZON)));
    pending.push(client.prefetchQuery(overviewQueries.gaps(state.scenario, state.horizon)));
    for (const k of KPI_INDICATORS) pending.push(client.prefetchQuery(overviewQueries.kpi(k.code)));
  } else if (state.page === 'regions') {
    pending.push(
      client.prefetchQuery(
        regionsQueries.map({ scenario: state.scenario, horizon: state.horizon, sector: state.sector ?? 'TOTAL', qualification: state.qual ?? 'ALL' }),
      ),
    );
  } else if (state.page === 'training') {
    const cells = (region: string) => client.prefetchQuery(trainingQueries.cells({ region, scenario: state.scenario, horizon: state.horizon }));
    // A region code may be a former province's (old links): ask for the unit it now belongs to.
    pending.push(
      !state.region
        ? cells('VN')
        : client.fetchQuery(metaQueries.codes()).then(
            (meta) => cells(resolveFormerCode(meta, state.region, state.lang)?.current ?? state.region!),
            () => undefined,
          ),
    );
  }
  return Promise.all(pending).then(() => undefined);
}
