/**
 * Where a `WideMapping`'s columns are in a wide file's header, and the way
 * back: the long-format validator reports issues on long columns (`value`,
 * `region`), which the user never wrote, so they are put back on the wide
 * file's own column names (`2019`, `Country Code`) or on `mapping.<field>`.
 */
import type { LongIssue } from './csv-sniff';
import type { WideMapping } from './wide';
import { periodFromColumn, type WideTable } from './wide-table';

/** A period column of the file: its index, its name as in the header and the period it holds. */
export interface WidePeriod {
  index: number;
  name: string;
  period: string;
}

/** Indexes of the mapping's columns in the header (-1 when the mapping gives a fixed value instead). */
export interface WideColumns {
  regionIdx: number;
  sectorIdx: number;
  periods: WidePeriod[];
}

/**
 * Finds the mapping's region, sector and period columns in the header, or the
 * one issue that stops the file from being read (a named column that is not
 * there, a period column that is not a period, no period columns at all).
 */
export function locateColumns(table: WideTable, mapping: WideMapping): WideColumns | { issue: LongIssue } {
  const col = (name: string) => table.header.findIndex((h) => h === name);
  const missingColumn = (field: string, name: string): { issue: LongIssue } => ({
    issue: {
      line: table.headerLine,
      column: `mapping.${field}`,
      value: name,
      code: 'MISSING_COLUMN',
      message: `The mapping names column "${name}", which is not in the header (line ${table.headerLine}): ${table.header.filter(Boolean).slice(0, 8).join(', ')}${table.header.length > 8 ? ', …' : ''}.`,
    },
  });
  const regionIdx = mapping.regionColumn ? col(mapping.regionColumn) : -1;
  if (mapping.regionColumn && regionIdx < 0) return missingColumn('regionColumn', mapping.regionColumn);
  const sectorIdx = mapping.sectorColumn ? col(mapping.sectorColumn) : -1;
  if (mapping.sectorColumn && sectorIdx < 0) return missingColumn('sectorColumn', mapping.sectorColumn);

  const periodNames = mapping.periodColumns ?? table.header.filter((h) => periodFromColumn(h) !== null);
  const periods: WidePeriod[] = [];
  for (const name of periodNames) {
    const index = col(name);
    if (index < 0) return missingColumn('periodColumns', name);
    const period = periodFromColumn(name);
    if (!period) {
      return {
        issue: {
          line: table.headerLine,
          column: name,
          value: name,
          code: 'BAD_PERIOD',
          message: `Column "${name}" is listed as a period but is not one (expected 2023, 2023-Q4 or 2023 [YR2023]).`,
        },
      };
    }
    periods.push({ index, name, period });
  }
  if (periods.length === 0) {
    return {
      issue: {
        line: table.headerLine,
        column: null,
        value: '',
        code: 'NO_PERIODS',
        message: 'No period columns: name them 2023, 2023-Q4 or list them in periodColumns.',
      },
    };
  }
  return { regionIdx, sectorIdx, periods };
}

/** Applies the mapping's `scale` to a cell's text; cells that are not numbers pass unchanged (the validator names them). */
export function cellScaler(scale: number): (raw: string) => string {
  return (raw) => {
    const n = Number(raw);
    // Round away binary noise (0.07 × 100 = 7.000000000000001).
    return scale !== 1 && raw !== '' && Number.isFinite(n) ? String(Math.round(n * scale * 1e6) / 1e6) : raw;
  };
}

/**
 * Returns a function that puts issues from the long-format validator on the
 * wide file's columns. It is stateful: call it on all issues of one result
 * (warnings, then errors), so two issues with the same value on one line land
 * on different period columns.
 */
export function wideIssueRelabeller(
  table: WideTable,
  mapping: WideMapping,
  periods: WidePeriod[],
  scaled: (raw: string) => string,
): (issues: LongIssue[]) => LongIssue[] {
  // Several period cells share a line, so find which one an issue is about;
  // `used` keeps two issues with the same value on a line on different columns.
  const used = new Set<string>();
  const periodColumn = (line: number, match: (p: WidePeriod, cell: string) => boolean) => {
    const row = table.rows.find((r) => r.line === line);
    const hit = row && periods.find((p) => !used.has(`${line}|${p.name}`) && match(p, (row.cells[p.index] ?? '').trim()));
    if (hit) used.add(`${line}|${hit.name}`);
    return hit?.name ?? null;
  };
  const wideColumn = (issue: LongIssue): string | null => {
    if (issue.code === 'DUPLICATE_KEY') return mapping.regionColumn ?? mapping.sectorColumn ?? null;
    switch (issue.column) {
      case 'region':
        return mapping.regionColumn ?? 'mapping.region';
      case 'sector':
        return mapping.sectorColumn ?? 'mapping.sector';
      case 'value':
        return periodColumn(issue.line, (_, cell) => cell === issue.value || scaled(cell) === issue.value) ?? 'value';
      case 'period':
        return periodColumn(issue.line, (p) => p.period === issue.value) ?? 'period';
      case null:
        return null;
      default:
        return `mapping.${issue.column}`;
    }
  };
  return (issues) => issues.map((i) => ({ ...i, column: wideColumn(i) }));
}
