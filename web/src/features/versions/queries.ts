import { queryOptions } from '@tanstack/react-query';
import { readJson } from '../../api/problem';
import { authHeaders } from '../auth/token-store';

export interface VersionInfo {
  id: number;
  label: string;
  kind: string;
  hash: string;
  rowCount: number;
  parentId: number | null;
  createdAt: string;
  computedAt: string | null;
  computeMs: number | null;
  createdBy: string | null;
  isCurrent: boolean;
}

export interface CellChange {
  indicator: string;
  period: string;
  region: string;
  sector: string;
  qualification: string;
  unit: string;
  before: number | null;
  after: number | null;
  sourceBefore: string | null;
  sourceAfter: string | null;
}

export interface VersionDiff {
  version: VersionInfo;
  parent: VersionInfo | null;
  counts: { added: number; removed: number; changed: number; unchanged: number };
  totals: { indicator: string; unit: string; cells: number; before: number; after: number }[];
  cells: CellChange[];
  truncated: boolean;
}

const get = async <T,>(path: string, signal?: AbortSignal) => readJson<T>(await fetch(path, { headers: authHeaders(), signal }));

/** Dataset versions: list → one version's diff. */
export const versionQueries = {
  all: () => ['versions'] as const,
  list: () =>
    queryOptions({
      queryKey: [...versionQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => get<{ versions: VersionInfo[] }>('/api/versions?limit=50', signal),
    }),
  diff: (id: number) =>
    queryOptions({
      queryKey: [...versionQueries.all(), 'diff', id] as const,
      queryFn: ({ signal }) => get<VersionDiff>(`/api/versions/${id}/diff?limit=100`, signal),
      // A version never changes.
      staleTime: Infinity,
    }),
};
