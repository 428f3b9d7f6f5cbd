import { useEffect, useState, type RefObject } from 'react';

/**
 * Which ends of a horizontally scrolling strip (the navigation tabs on a phone) hide more items:
 * the strip draws a fade and an arrow on those sides, so a cut-off tab reads as "scroll for more".
 */
export function useScrollCue(ref: RefObject<HTMLElement | null>): { left: boolean; right: boolean } {
  const [cue, setCue] = useState({ left: false, right: false });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      const left = el.scrollLeft > 2;
      const right = el.scrollLeft + el.clientWidth < el.scrollWidth - 2;
      setCue((c) => (c.left === left && c.right === right ? c : { left, right }));
    };
    update();
    el.addEventListener('scroll', update, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(update);
    observer?.observe(el);
    return () => {
      el.removeEventListener('scroll', update);
      observer?.disconnect();
    };
  }, [ref]);
  return cue;
}

/** The fades and arrows of `useScrollCue`, drawn over the strip's ends (decorative: the links stay in the tab order). */
export function ScrollCues({ left, right }: { left: boolean; right: boolean }) {
  return (
    <>
      {left && (
        <span className="scroll-cue scroll-cue-left" aria-hidden="true">
          ‹
        </span>
      )}
      {right && (
        <span className="scroll-cue scroll-cue-right" aria-hidden="true">
          ›
        </span>
      )}
    </>
  );
}
