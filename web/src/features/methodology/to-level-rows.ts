import type { DataLevelRow, Status } from '../../api/types';
import type { Lang } from '../../i18n/format';

/** One row of the planner-readable "levels of detail" table. */
export interface LevelTableRow {
  level: string;
  levelName: string;
  status: Status;
  /** `2010–2016`, `2011-Q1–2024-Q3`, or a single period. */
  periods: string;
  frequency: string;
  /** Indicator names with their own periods when they differ from the row's. */
  indicators: string;
  rows: number;
  sources: string;
}

const span = (from: string, to: string) => (from === to ? from : `${from}–${to}`);

/**
 * Reads /api/meta `dataLevels` into table rows, keeping the server's order (level, then status).
 * Indicators whose periods differ from the row's show their own span, so a planner sees e.g. that
 * province labour force is official only for 2010–2016.
 */
export function toLevelRows(
  levels: readonly DataLevelRow[],
  lang: Lang,
  indicatorName: (code: string) => string,
  frequencyName: (f: 'annual' | 'quarterly') => string,
): LevelTableRow[] {
  return levels.map((row) => {
    const periods = span(row.from, row.to);
    return {
      level: row.level,
      levelName: (lang === 'vi' ? row.nameVi || row.nameEn : row.nameEn || row.nameVi) || row.level,
      status: row.status,
      periods,
      frequency: (row.frequencies ?? []).map(frequencyName).join(', '),
      indicators: (row.indicators ?? [])
        .map((i) => {
          const own = span(i.from, i.to);
          return own === periods ? indicatorName(i.code) : `${indicatorName(i.code)} (${own})`;
        })
        .join('; '),
      rows: row.rows,
      sources: (row.sources ?? []).join(' · '),
    };
  });
}
