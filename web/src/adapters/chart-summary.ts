import type { MergedRow } from './forecast-columns';
import { numberAt } from './forecast-table-columns';

type T = (key: string, options?: Record<string, unknown>) => string;

/**
 * A short text summary of a forecast chart for screen readers: per series, the last observed
 * value and the last forecast value, with their years (the full numbers are in "view as table").
 */
export function forecastSummary(rows: MergedRow[], series: { key: string; label: string }[], format: (v: number, key: string) => string, t: T): string {
  const parts: string[] = [];
  for (const s of series) {
    const actualAt = (r: MergedRow) => numberAt(r, `${s.key}_actual`);
    const meanAt = (r: MergedRow) => numberAt(r, `${s.key}_mean`);
    const actual = [...rows].reverse().find((r) => actualAt(r) !== undefined);
    const forecast = [...rows].reverse().find((r) => r.forecast && meanAt(r) !== undefined);
    if (!actual && !forecast) continue;
    parts.push(
      t('chart.summarySeries', {
        label: s.label,
        actual: actual ? t('chart.summaryActual', { value: format(actualAt(actual)!, s.key), period: actual.period }) : '',
        forecast: forecast ? t('chart.summaryForecast', { value: format(meanAt(forecast)!, s.key), period: forecast.period }) : '',
      })
        .replace(/\s+,|,\s*$/g, '')
        .trim(),
    );
  }
  return parts.join('; ');
}

/** Summary of a ranked imbalance chart: the largest shortage and the largest surplus shown. */
export function imbalanceSummary(rows: { label: string; imbalance: number }[], format: (v: number) => string, t: T): string {
  const shortage = rows.filter((r) => r.imbalance < 0).sort((a, b) => a.imbalance - b.imbalance)[0];
  const surplus = rows.filter((r) => r.imbalance > 0).sort((a, b) => b.imbalance - a.imbalance)[0];
  return [
    shortage ? t('chart.summaryShortage', { label: shortage.label, value: format(shortage.imbalance) }) : '',
    surplus ? t('chart.summarySurplus', { label: surplus.label, value: format(surplus.imbalance) }) : '',
  ]
    .filter(Boolean)
    .join('; ');
}
