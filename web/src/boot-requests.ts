/**
 * The first thing the app evaluates (main.tsx imports it first): the query client and the current
 * page's data requests. ES modules run in import order, so the requests leave before React DOM,
 * the translations and the app's components are evaluated, and data arrives while they are.
 * The page's code chunk (preloaded by index.html for the landing page) is asked for here too, so it
 * is evaluated as soon as the entry has run, ready for React's first render.
 * Only light modules may be imported here (TanStack Query's core, the API client, URL parsing).
 */
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api/problem';
import { prefetchPage } from './features/prefetch';
import { loadPage } from './router/page-loaders';
import { parseUrlState } from './router/url-state';

/** The app's one query client. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 5 * 60 * 1000,
      refetchOnWindowFocus: false,
      // Client errors (bad filters) will not fix themselves; retry only server/network failures.
      retry: (count, error) => !(error instanceof ApiError && error.problem.status < 500) && count < 2,
    },
  },
});

if (typeof window !== 'undefined') {
  const state = parseUrlState(window.location.search);
  void prefetchPage(queryClient, state);
  // A failed load is tried again (and reported) when the page renders.
  loadPage(state.page).catch(() => undefined);
}
