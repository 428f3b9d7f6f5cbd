/** Whether this page load has its `first-chart-data` mark. */
const marked = () =>
  typeof performance !== 'undefined' &&
  typeof performance.getEntriesByName === 'function' &&
  performance.getEntriesByName('first-chart-data', 'mark').length > 0;

/**
 * Marks `first-chart-data` once per page load, when the first chart has data on screen: its marks
 * (lines, areas, bars…) are in the document, not only its frame. The bench and the e2e test read
 * this mark to measure time to first chart.
 */
export function markFirstChartData(): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  if (marked()) return;
  performance.mark('first-chart-data');
}

/**
 * What a drawn chart holds: recharts' data marks, or a custom drawing (`svg[data-chart]`). A chart
 * frame's body before that is empty or a bare axis (ResponsiveContainer draws nothing until it
 * has measured its box).
 */
const DRAWN_CHART = '.recharts-line-curve, .recharts-area-area, .recharts-rectangle, .recharts-sector, svg[data-chart]';

/**
 * Marks `first-chart-data` as soon as `body` holds a drawn chart: at once, or when the drawing
 * arrives (a MutationObserver sees it the moment it is inserted). Returns the clean-up.
 */
export function markWhenDrawn(body: Element): () => void {
  if (marked()) return () => undefined;
  if (body.querySelector(DRAWN_CHART)) {
    markFirstChartData();
    return () => undefined;
  }
  if (typeof MutationObserver === 'undefined') return () => undefined;
  const observer = new MutationObserver(() => {
    if (marked()) observer.disconnect();
    else if (body.querySelector(DRAWN_CHART)) {
      observer.disconnect();
      markFirstChartData();
    }
  });
  observer.observe(body, { childList: true, subtree: true });
  return () => observer.disconnect();
}
