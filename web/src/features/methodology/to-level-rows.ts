import type { DataLevelRow, Status } from '../../api/types';
import type { Lang } from '../../i18n/format';
import { levelName } from '../../adapters/basis';

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
  /** Every served source joined (the CSV export), with "+N" when the server counted more. */
  sources: string;
  /** The sources shown in the cell (at most SHOWN_SOURCES). */
  shownSources: string[];
  /** Served sources beyond the shown ones (inside the expander). */
  moreSources: string[];
  /** How many sources are not shown in the cell (served or not): the "and N more" count. */
  moreCount: number;
}

/** Sources shown per row before the "and N more" expander. */
export const SHOWN_SOURCES = 3;

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
      levelName: levelName(row, lang),
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
      ...sourceCells(row.sources ?? [], row.sourceCount),
    };
  });
}

/** Splits a row's sources into the shown ones and the rest; `total` is the server's count of all. */
export function sourceCells(sources: readonly string[], total?: number): Pick<LevelTableRow, 'sources' | 'shownSources' | 'moreSources' | 'moreCount'> {
  const all = Math.max(total ?? sources.length, sources.length);
  const unserved = all - sources.length;
  return {
    sources: sources.join(' · ') + (unserved > 0 ? ` (+${unserved})` : ''),
    shownSources: sources.slice(0, SHOWN_SOURCES),
    moreSources: sources.slice(SHOWN_SOURCES),
    moreCount: Math.max(0, all - SHOWN_SOURCES),
  };
}
