import { useMutation, useQueryClient } from '@tanstack/react-query';
import { readJson } from '../../api/problem';
import { authHeaders } from '../auth/token-store';
import type { VersionInfo } from './queries';

/** Makes an earlier version current; every cached figure belongs to the old version, so all queries refetch. */
export function useRollback() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: number) =>
      readJson<{ version: VersionInfo; moved: boolean; from: number | null }>(
        await fetch(`/api/versions/${id}/rollback`, { method: 'POST', headers: authHeaders() }),
      ),
    onSuccess: () => client.invalidateQueries(),
  });
}
