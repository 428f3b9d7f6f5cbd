import { useMutation, useQueryClient } from '@tanstack/react-query';
import { readJson } from '../../api/problem';
import { authHeaders } from '../auth/token-store';
import type { VersionInfo } from './queries';
import { client } from '../../api/client';

/** Makes an earlier version current; every cached figure belongs to the old version, so all queries refetch. */
export function useRollback() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: number) =>
      readJson<{ version: VersionInfo; moved: boolean; from: number | null }>(
        await client.api.versions[':id'].rollback.$post({ param: { id: String(id) } }, { headers: authHeaders() }),
      ),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
