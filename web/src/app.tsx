import { lazy, Suspense, useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageErrorBoundary } from './components/error-boundary';
import { LoadingState } from './components/states';
import { metaQueries } from './features/meta/queries';
import { Link } from './router/link';
import { PAGES, type PageId } from './router/url-state';
import { useUrlState } from './router/use-url-state';

// One chunk per page: recharts and danfojs stay out of the initial bundle.
const pages: Record<PageId, React.LazyExoticComponent<() => React.JSX.Element>> = {
  overview: lazy(() => import('./features/overview/overview-page')),
  regions: lazy(() => import('./features/regions/regions-page')),
  sectors: lazy(() => import('./features/sectors/sectors-page')),
  'new-fields': lazy(() => import('./features/new-fields/new-fields-page')),
  training: lazy(() => import('./features/training/training-page')),
  methodology: lazy(() => import('./features/methodology/methodology-page')),
  upload: lazy(() => import('./features/upload/upload-page')),
};

/** The application shell: header, language switch, navigation and the current page. */
export function App() {
  const { t, i18n } = useTranslation();
  const [state] = useUrlState();
  const meta = useQuery(metaQueries.codes());

  useEffect(() => {
    if (i18n.language !== state.lang) void i18n.changeLanguage(state.lang);
    document.documentElement.lang = state.lang;
  }, [state.lang, i18n]);

  useEffect(() => {
    document.title = `${t(`nav.${state.page}`)} · ${t('app.title')}`;
  }, [state.page, state.lang, t]);

  const Page = pages[state.page];
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <div>
            <div className="brand-title">{t('app.title')}</div>
            <div className="brand-subtitle">{t('app.subtitle')}</div>
          </div>
        </div>
        <nav className="lang-switch" aria-label={t('app.language')}>
          <Link to={{ lang: 'vi' }} aria-current={state.lang === 'vi' ? 'true' : undefined} lang="vi" hrefLang="vi">
            Tiếng Việt
          </Link>
          <Link to={{ lang: 'en' }} aria-current={state.lang === 'en' ? 'true' : undefined} lang="en" hrefLang="en">
            English
          </Link>
        </nav>
      </header>
      <nav className="main-nav" aria-label={t('app.mainNav')}>
        <ul>
          {PAGES.map((page) => (
            <li key={page}>
              <Link to={{ page }} aria-current={state.page === page ? 'page' : undefined}>
                {t(`nav.${page}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="app-main" tabIndex={-1}>
        <PageErrorBoundary resetKey={state.page}>
          <Suspense fallback={<LoadingState height={400} />}>
            <Page />
          </Suspense>
        </PageErrorBoundary>
      </main>
      <footer className="app-footer">
        <p>{t('app.footer')}</p>
        <p>
          {meta.data?.dataVersion && (
            <span>
              {t('app.dataVersion')}: #{meta.data.dataVersion.id} · {meta.data.dataVersion.label} ·{' '}
            </span>
          )}
          <a href="/api/docs">{t('app.apiDocs')}</a>
        </p>
      </footer>
    </div>
  );
}
