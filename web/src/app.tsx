import { useEffect, useRef, useState } from 'react';
import { ScrollCues, useScrollCue } from './components/scroll-cue';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageErrorBoundary } from './components/error-boundary';
import { LoadingState } from './components/states';
import { metaQueries } from './features/meta/queries';
import { resolveFormerCode, type FormerCode } from './features/meta/former-codes';
import type { Lang } from './i18n/format';
import { localizeSource } from './i18n/source-text';
import { Link } from './router/link';
import { usePage } from './router/page-modules';
import { PAGES, type PageId } from './router/url-state';
import { useUrlState } from './router/use-url-state';

/** A former code and the unit it now points to, as one key (empty without one). */
const formerKeyOf = (f: FormerCode | undefined) => (f ? `${f.code}>${f.current}` : '');

/** The application shell: header, language switch, navigation and the current page. */
export function App() {
  const { t, i18n } = useTranslation();
  const [state, set] = useUrlState();
  const meta = useQuery(metaQueries.codes());
  // Old links name provinces by their code before the 2025 merger (`region=27`): open the unit it
  // is now part of, and say so, instead of asking the API for a code it no longer knows.
  const former = resolveFormerCode(meta.data, state.region, state.lang as Lang);
  const [redirected, setRedirected] = useState<FormerCode | undefined>(undefined);
  const formerKey = formerKeyOf(former);
  // The note is state derived while rendering (React: "adjusting some state when a prop changes"),
  // so it is there on the same render as the redirect; only the URL change is an effect.
  if (former && formerKey !== formerKeyOf(redirected)) setRedirected(former);
  useEffect(() => {
    if (!former) return;
    set({ region: former.current }, { replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per former code
  }, [formerKey, set]);
  const redirectNote = redirected && state.region === redirected.current ? redirected : undefined;
  // Until the code lists are in, a region code cannot be told from a former one: hold the page.
  const holdPage = Boolean(former) || (Boolean(state.region) && meta.isPending);

  useEffect(() => {
    if (i18n.language !== state.lang) void i18n.changeLanguage(state.lang);
    document.documentElement.lang = state.lang;
  }, [state.lang, i18n]);

  useEffect(() => {
    document.title = `${t(`nav.${state.page}`)} · ${t('app.title')}`;
  }, [state.page, state.lang, t]);

  const navRef = useRef<HTMLUListElement>(null);
  const navCue = useScrollCue(navRef);
  useEffect(() => {
    // On a phone the current tab may sit past the edge: bring it into view.
    navRef.current?.querySelector<HTMLElement>('[aria-current="page"]')?.scrollIntoView?.({ block: 'nearest', inline: 'center' });
  }, [state.page]);

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
        <ScrollCues {...navCue} />
        <ul ref={navRef}>
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
        {redirectNote && (
          <p className="note former-code-note" role="status" data-former-code={redirectNote.code}>
            {t('formerCode.note', {
              former: redirectNote.formerName,
              code: redirectNote.code,
              current: redirectNote.currentName,
              currentCode: redirectNote.current,
            })}
          </p>
        )}
        <PageErrorBoundary resetKey={state.page}>
          <CurrentPage id={state.page} hold={holdPage} />
        </PageErrorBoundary>
      </main>
      <footer className="app-footer">
        <p>{t('app.footer')}</p>
        <p>
          {meta.data?.dataVersion && (
            <span>
              {t('app.dataVersion')}: #{meta.data.dataVersion.id} · {localizeSource(meta.data.dataVersion.label, state.lang as Lang)} ·{' '}
            </span>
          )}
          <a href="/api/docs">{t('app.apiDocs')}</a>
        </p>
      </footer>
    </div>
  );
}

/** The page of the URL, once its chunk has loaded (router/page-modules.ts); inside the error boundary, which catches a failed load. */
function CurrentPage({ id, hold }: { id: PageId; hold: boolean }) {
  const page = usePage(id);
  return hold || !page ? <LoadingState height={400} /> : page;
}
