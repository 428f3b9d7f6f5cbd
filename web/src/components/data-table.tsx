import { useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { Column } from './csv';

export interface SortState {
  key: string;
  dir: 'asc' | 'desc';
}

/** Sorts rows by a column's raw value; numbers numerically, text by locale. Missing values last. */
export function sortRows<Row>(rows: Row[], columns: Column<Row>[], sort: SortState | undefined, locale: string): Row[] {
  if (!sort) return rows;
  const column = columns.find((c) => c.key === sort.key);
  if (!column) return rows;
  const factor = sort.dir === 'asc' ? 1 : -1;
  const collator = new Intl.Collator(locale);
  return [...rows].sort((a, b) => {
    const va = column.value(a);
    const vb = column.value(b);
    if (va === null || va === undefined || va === '') return 1;
    if (vb === null || vb === undefined || vb === '') return -1;
    if (typeof va === 'number' && typeof vb === 'number') return (va - vb) * factor;
    return collator.compare(String(va), String(vb)) * factor;
  });
}

/**
 * How each column sits on a phone card: the `title` column (the first one unless a column says
 * otherwise), then `key` columns (a column's `phone`, else the gap and flag columns by their
 * shared keys), then the rest (styles.css orders them so).
 */
export function phoneRoles<Row>(columns: Column<Row>[]): ('title' | 'key' | 'fact')[] {
  const titled = columns.findIndex((c) => c.phone === 'title');
  const title = titled >= 0 ? titled : 0;
  // A second `title` column falls back to its default place.
  return columns.map((c, i) => (i === title ? 'title' : c.phone === 'key' || KEY_COLUMNS.has(c.key) ? 'key' : 'fact'));
}

/** Attributes a row may carry: a class (highlights), ARIA state, `data-*` hooks for tests and styles. */
export type RowAttributes = Omit<HTMLAttributes<HTMLTableRowElement>, 'children'> & { [data: `data-${string}`]: string | number | undefined };

/** Columns every view names alike and a phone card always leads with: the gap (imbalance, B − A too) and the flag. */
const KEY_COLUMNS = new Set(['imbalance', 'imbalanceDiff', 'gap', 'flag']);

/**
 * Accessible table with sortable headers (buttons with aria-sort). Sorting is controlled when
 * `sort`/`onSort` are given (URL state), otherwise local. At ≤ 480 px (styles.css) each row
 * becomes a stacked card: the title column on top, the key columns under it, then every other
 * column as "label value", so nothing needs a sideways scroll; the headers stay as wrapped sort buttons.
 */
export function DataTable<Row>({
  columns,
  rows,
  caption,
  captionVisible = false,
  sort,
  onSort,
  sortable = true,
  rowKey,
  rowProps,
  cellClassName,
  compact = false,
  maxRows,
  maxHeight,
}: {
  columns: Column<Row>[];
  rows: Row[];
  caption?: string;
  /** Show the caption above the table (default: for screen readers only, the section heading names it). */
  captionVisible?: boolean;
  sort?: SortState;
  onSort?: (sort: SortState) => void;
  /** `false` for rows the server already ordered and pages (plain headers, no re-sorting of one page). */
  sortable?: boolean;
  rowKey: (row: Row, index: number) => string;
  /** Per-row attributes (a highlight class, `aria-current`, `data-*`). */
  rowProps?: (row: Row, index: number) => RowAttributes;
  /** Per-cell class, e.g. the one bad cell of a highlighted row. */
  cellClassName?: (row: Row, column: Column<Row>) => string | undefined;
  /** Tighter cells, for small side tables (value counts). */
  compact?: boolean;
  maxRows?: number;
  /** Scroll long tables inside the frame so the sticky header stays in view. */
  maxHeight?: number;
}) {
  const { i18n } = useTranslation();
  const [localSort, setLocalSort] = useState<SortState | undefined>(undefined);
  const active = onSort ? sort : localSort;
  const sorted = useMemo(() => (sortable ? sortRows(rows, columns, active, i18n.language) : rows), [sortable, rows, columns, active, i18n.language]);
  const shown = maxRows ? sorted.slice(0, maxRows) : sorted;
  const roles = useMemo(() => phoneRoles(columns), [columns]);
  const toggle = (key: string) => {
    const next: SortState = active?.key === key && active.dir === 'desc' ? { key, dir: 'asc' } : { key, dir: 'desc' };
    if (onSort) onSort(next);
    else setLocalSort(next);
  };
  const classes = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ') || undefined;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption} style={maxHeight ? { maxHeight, overflowY: 'auto' } : undefined}>
      <table className={classes('data-table', 'stacking', compact && 'compact')}>
        {caption && <caption className={captionVisible ? undefined : 'sr-only'}>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((c) => {
              const ariaSort = !sortable ? undefined : active?.key === c.key ? (active.dir === 'asc' ? 'ascending' : 'descending') : 'none';
              return (
                <th key={c.key} scope="col" aria-sort={ariaSort} className={c.align === 'right' ? 'num' : undefined}>
                  {sortable ? (
                    <button type="button" className="sort-button" onClick={() => toggle(c.key)}>
                      {c.label}
                      <span aria-hidden="true" className="sort-icon">
                        {active?.key === c.key ? (active.dir === 'asc' ? '▲' : '▼') : '↕'}
                      </span>
                    </button>
                  ) : (
                    c.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {shown.map((row, i) => (
            <tr key={rowKey(row, i)} {...rowProps?.(row, i)}>
              {columns.map((c, j) => (
                <td key={c.key} className={classes(c.align === 'right' && 'num', cellClassName?.(row, c))} data-label={c.label} data-phone={roles[j]}>
                  {c.format ? c.format(row) : (c.value(row) ?? '–')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
