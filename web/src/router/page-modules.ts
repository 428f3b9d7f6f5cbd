/**
 * The pages' code chunks, loaded on demand (recharts and danfojs stay out of the initial bundle),
 * without `React.lazy`: a lazy page suspends on its first render even when its chunk is already
 * preloaded, and React then holds the content back until 300 ms after the fallback appeared
 * (its Suspense reveal throttle) — on the landing page, up to 300 ms before the first chart. Here a
 * page whose chunk has loaded renders at once, and one still loading re-renders through a plain
 * state update when it arrives, which React commits without that delay.
 */
import { createElement, useEffect, useState, type ReactElement } from 'react';
import type { PageId } from './url-state';
import { loadedPage, loadPage, type PageComponent } from './page-loaders';

export { loadPage, type PageComponent } from './page-loaders';

/**
 * The page, once its chunk has loaded (undefined meanwhile). A failed load is thrown to the error
 * boundary around it, which mounts the page afresh (and so tries again) when the page changes.
 */
export function usePage(id: PageId): ReactElement | undefined {
  const [, setArrived] = useState<PageComponent>();
  const [failure, setFailure] = useState<{ id: PageId; error: unknown }>();
  const Page = loadedPage(id);
  useEffect(() => {
    // Rendered without it: re-render once it is in (also when it arrived between render and effect).
    if (Page) return;
    let current = true;
    loadPage(id).then(
      (component) => current && setArrived(() => component),
      (error: unknown) => current && setFailure({ id, error }),
    );
    return () => {
      current = false;
    };
  }, [id, Page]);
  if (failure?.id === id && !Page) throw failure.error;
  // Components from a module-level map, the same object on every render.
  return Page && createElement(Page);
}
