/**
 * Columns of the workforce-target table (rows from to-chart-rows.ts `toTargetRows`), built on the
 * shared forecast table columns: observed, trend and its 80 % bounds, and the scenario's path.
 */
import { observedColumn, periodColumn, projectedColumn } from '../../adapters/forecast-table-columns';
import type { Column } from '../../components/csv';
import type { TargetRow } from './to-chart-rows';

/** Headings of the target table; `path` only when the target has a path to show. */
export interface TargetColumnLabels {
  period: string;
  actual: string;
  trend: string;
  lower80: string;
  upper80: string;
  path?: string;
}

/** Period, observed value, the trend and its 80 % bounds (forecast years only), then the path if labelled. */
export function targetColumns(labels: TargetColumnLabels, format: (v: number | undefined) => string): Column<TargetRow>[] {
  const columns: Column<TargetRow>[] = [
    periodColumn<TargetRow>(labels.period),
    observedColumn<TargetRow>('actual', labels.actual, (r) => r.actual, format),
    projectedColumn<TargetRow>('trend', labels.trend, (r) => r.trend, format),
    projectedColumn<TargetRow>('lo80', labels.lower80, (r) => r.trendBand80?.[0], format),
    projectedColumn<TargetRow>('hi80', labels.upper80, (r) => r.trendBand80?.[1], format),
  ];
  if (labels.path !== undefined) columns.push(projectedColumn<TargetRow>('target', labels.path, (r) => r.target, format));
  return columns;
}
