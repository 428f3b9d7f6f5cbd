import { queryOptions } from '@tanstack/react-query';
import { fetchMeta } from '../../api/endpoints';

/** Codes and names (regions, sectors, qualifications, scenarios): change only with a new data version. */
export const metaQueries = {
  all: () => ['meta'] as const,
  codes: () =>
    queryOptions({
      queryKey: [...metaQueries.all(), 'codes'] as const,
      queryFn: ({ signal }) => fetchMeta(signal),
      staleTime: 60 * 60 * 1000,
    }),
};
