/**
 * The pages' code chunks, loaded on demand (recharts and danfojs stay out of the initial bundle).
 * No React here: boot-requests.ts asks for the URL's page with the data, before React is evaluated.
 */
import type { PageId } from './url-state';

/** A page's default export. */
export type PageComponent = () => React.JSX.Element;

const loaders: Record<PageId, () => Promise<{ default: PageComponent }>> = {
  overview: () => import('../features/overview/overview-page'),
  regions: () => import('../features/regions/regions-page'),
  sectors: () => import('../features/sectors/sectors-page'),
  'new-fields': () => import('../features/new-fields/new-fields-page'),
  training: () => import('../features/training/training-page'),
  methodology: () => import('../features/methodology/methodology-page'),
  upload: () => import('../features/upload/upload-page'),
};

const loaded = new Map<PageId, PageComponent>();

/** A page's component if its chunk has loaded, else undefined. */
export const loadedPage = (id: PageId): PageComponent | undefined => loaded.get(id);
const pending = new Map<PageId, Promise<PageComponent>>();

/**
 * Starts loading a page's chunk (once; a failed load is tried again on the next call) and
 * resolves with its component. main.tsx calls it for the page in the URL before React renders.
 */
export function loadPage(id: PageId): Promise<PageComponent> {
  const known = pending.get(id);
  if (known) return known;
  const promise = loaders[id]().then(
    (module) => {
      loaded.set(id, module.default);
      return module.default;
    },
    (error: unknown) => {
      pending.delete(id);
      throw error;
    },
  );
  pending.set(id, promise);
  return promise;
}
