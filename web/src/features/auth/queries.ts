import { queryOptions } from '@tanstack/react-query';
import { readJson } from '../../api/problem';
import { authHeaders } from './token-store';

export interface Session {
  tokenId: number | null;
  name: string;
  role: 'anonymous' | 'viewer' | 'analyst' | 'admin';
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
