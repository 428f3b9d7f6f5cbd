import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import './i18n/index';
import './styles.css';
import { App } from './app';
import { ApiError } from './api/problem';
import { prefetchPage } from './features/prefetch';
import { parseUrlState } from './router/url-state';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 5 * 60 * 1000,
      refetchOnWindowFocus: false,
      // Client errors (bad filters) will not fix themselves; retry only server/network failures.
      retry: (count, error) => !(error instanceof ApiError && error.problem.status < 500) && count < 2,
    },
  },
});

void prefetchPage(queryClient, parseUrlState(window.location.search));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
