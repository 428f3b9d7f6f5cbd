import { useCallback, useSyncExternalStore } from 'react';
import { applyPatch, parseUrlState, serializeUrlState, type UrlPatch, type UrlState } from './url-state';

const EVENT = 'lmo:urlchange';
let cachedSearch: string | null = null;
let cachedState: UrlState | null = null;

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(EVENT, onChange);
  };
}

/** Returns the same object while the query string is unchanged, as useSyncExternalStore requires. */
function snapshot(): UrlState {
  const search = window.location.search;
  if (search !== cachedSearch || !cachedState) {
    cachedSearch = search;
    cachedState = parseUrlState(search);
  }
  return cachedState;
}

/** Navigates to a patched view. `replace` is for filter typing so Back is not flooded. */
export function navigate(patch: UrlPatch, options: { replace?: boolean } = {}): void {
  const next = applyPatch(parseUrlState(window.location.search), patch);
  const url = `${window.location.pathname}${serializeUrlState(next)}${window.location.hash}`;
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new Event(EVENT));
}

/** Link target for a patched view, for real <a href> links that work with keyboard, middle-click and copy. */
export function hrefFor(state: UrlState, patch: UrlPatch): string {
  return serializeUrlState(applyPatch(state, patch));
}

/** The current view state plus a setter; the URL is the only store. */
export function useUrlState(): [UrlState, (patch: UrlPatch, options?: { replace?: boolean }) => void] {
  const state = useSyncExternalStore(subscribe, snapshot, snapshot);
  const set = useCallback((patch: UrlPatch, options?: { replace?: boolean }) => navigate(patch, options), []);
  return [state, set];
}
