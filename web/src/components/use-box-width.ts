import { useLayoutEffect, useRef, useState } from 'react';

/**
 * The width of an element, read before the browser first paints it and kept current with a
 * ResizeObserver. A chart sized from it is drawn in its first frame: recharts'
 * ResponsiveContainer measures in an effect, after that paint, and draws nothing until then
 * (a blank frame, then a second render of the whole chart).
 */
export function useBoxWidth<T extends HTMLElement>(): [React.RefObject<T | null>, number | undefined] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState<number>();
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    // Before paint, so the chart's first frame has its real size (a layout the paint needs anyway).
    setWidth(Math.round(box.getBoundingClientRect().width));
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.round(entry.contentRect.width));
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
