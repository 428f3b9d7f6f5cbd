/**
 * The analyst's API token lives in sessionStorage: it survives reloads of the
 * tab but not closing it, and is never written to localStorage or cookies.
 */
const KEY = 'lmo.apiToken';
const listeners = new Set<() => void>();

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null; // storage disabled
  }
}

/** The stored token, or null. */
export function getToken(): string | null {
  return storage()?.getItem(KEY) ?? null;
}

/** Stores (or with null, forgets) the token and notifies subscribers. */
export function setToken(token: string | null): void {
  const s = storage();
  if (token) s?.setItem(KEY, token.trim());
  else s?.removeItem(KEY);
  for (const l of listeners) l();
}

/** For useSyncExternalStore. */
export function subscribeToken(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** `Authorization` header for the stored token (empty without one). */
export function authHeaders(): Record<string, string> {
  const token = getToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}
