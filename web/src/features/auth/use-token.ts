import { useSyncExternalStore } from 'react';
import { getToken, subscribeToken } from './token-store';

/** The stored API token; re-renders when it changes. */
export function useToken(): string | null {
  return useSyncExternalStore(subscribeToken, getToken, () => null);
}
