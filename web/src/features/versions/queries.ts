import { queryOptions } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { client } from '../../api/client';
import { readJson } from '../../api/problem';
import { authHeaders } from '../auth/token-store';

const versions = client.api.versions;

/** Response shapes come from the API's own route types, so they cannot drift. */
type VersionList = InferResponseType<typeof versions.$get, 200>;
/** One dataset version as the API lists it. */
export type VersionInfo = VersionList['versions'][number];
/** A version against its parent: counts, totals before and after, changed cells. */
export type VersionDiff = InferResponseType<(typeof versions)[':id']['diff']['$get'], 200>;
/** One changed cell of a diff. */
export type CellChange = VersionDiff['cells'][number];
/** Orders the API offers for a diff's cells (replaced official cells first by default). */
export const DIFF_SORTS = ['official', 'change', 'cell', 'period'] as const;
export type DiffSort = (typeof DIFF_SORTS)[number];
/** Changed cells per diff page. */
export const DIFF_PAGE = 50;

/** Dataset versions: list → one version's diff. */
export const versionQueries = {
  all: () => ['versions'] as const,
  list: () =>
    queryOptions({
      queryKey: [...versionQueries.all(), 'list'] as const,
      queryFn: async ({ signal }) => readJson<VersionList>(await versions.$get({ query: { limit: '50' } }, { headers: authHeaders(), init: { signal } })),
    }),
  diff: (id: number, page: { offset: number; sort: DiffSort } = { offset: 0, sort: 'official' }) =>
    queryOptions({
      queryKey: [...versionQueries.all(), 'diff', id, page.offset, page.sort] as const,
      queryFn: async ({ signal }) =>
        readJson<VersionDiff>(
          await versions[':id'].diff.$get(
            { param: { id: String(id) }, query: { limit: String(DIFF_PAGE), offset: String(page.offset), sort: page.sort } },
            { headers: authHeaders(), init: { signal } },
          ),
        ),
      placeholderData: (previous) => previous,
      // A version never changes.
      staleTime: Infinity,
    }),
};
