import { queryOptions } from '@tanstack/react-query';
import { readJson } from '../../api/problem';
import { authHeaders } from './token-store';

export interface Session {
  tokenId: number | null;
  name: string;
  role: 'anonymous' | 'viewer' | 'analyst' | 'admin';
  /** Province/region codes the token may upload for (a region covers its provinces); null: every area (central). */
  scope?: string[] | null;
  /** The scope with names. */
  scopeAreas?: { code: string; level: 'province' | 'region'; vi: string; en: string }[] | null;
}

/** Who the stored token belongs to. The token is part of the key so signing in refetches. */
export const sessionQueries = {
  all: () => ['session'] as const,
  current: (token: string | null) =>
    queryOptions({
      queryKey: [...sessionQueries.all(), token ? token.slice(-6) : 'anonymous'] as const,
      queryFn: async ({ signal }): Promise<Session> => readJson<Session>(await fetch('/api/session', { headers: authHeaders(), signal })),
      retry: false,
      staleTime: 5 * 60 * 1000,
    }),
};

/** True for roles that may upload and roll back. */
export const canUpload = (role: Session['role'] | undefined) => role === 'analyst' || role === 'admin';
