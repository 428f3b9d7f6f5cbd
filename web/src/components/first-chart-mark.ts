/**
 * Marks `first-chart-data` once per page load, when the first chart has data on screen.
 * The bench and the e2e test read this mark to measure time to first chart.
 */
export function markFirstChartData(): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  if (performance.getEntriesByName('first-chart-data', 'mark').length > 0) return;
  performance.mark('first-chart-data');
}
