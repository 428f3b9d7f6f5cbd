import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { hrefFor, navigate, useUrlState } from './use-url-state';
import type { UrlPatch } from './url-state';

/** A real link to a patched view: plain clicks navigate in-app, modified clicks open a new tab. */
export function Link({ to, onClick, ...rest }: { to: UrlPatch } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const [state] = useUrlState();
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
    if (to.page) {
      window.scrollTo({ top: 0 });
      // Move focus to the new page so keyboard and screen-reader users start at its content.
      document.getElementById('main')?.focus({ preventScroll: true });
    }
  };
  return <a href={hrefFor(state, to)} onClick={handle} {...rest} />;
}
