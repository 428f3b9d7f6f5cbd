import { useMemo, useState } from 'react';
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
 * Accessible table with sortable headers (buttons with aria-sort). Sorting is controlled when
 * `sort`/`onSort` are given (URL state), otherwise local.
 */
export function DataTable<Row>({
  columns,
  rows,
  caption,
  sort,
  onSort,
  rowKey,
  maxRows,
  maxHeight,
}: {
  columns: Column<Row>[];
  rows: Row[];
  caption?: string;
  sort?: SortState;
  onSort?: (sort: SortState) => void;
  rowKey: (row: Row, index: number) => string;
  maxRows?: number;
  /** Scroll long tables inside the frame so the sticky header stays in view. */
  maxHeight?: number;
}) {
  const { i18n } = useTranslation();
  const [localSort, setLocalSort] = useState<SortState | undefined>(undefined);
  const active = onSort ? sort : localSort;
  const sorted = useMemo(() => sortRows(rows, columns, active, i18n.language), [rows, columns, active, i18n.language]);
  const shown = maxRows ? sorted.slice(0, maxRows) : sorted;
  const toggle = (key: string) => {
    const next: SortState = active?.key === key && active.dir === 'desc' ? { key, dir: 'asc' } : { key, dir: 'desc' };
    if (onSort) onSort(next);
    else setLocalSort(next);
  };
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption} style={maxHeight ? { maxHeight, overflowY: 'auto' } : undefined}>
      <table className="data-table">
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((c) => {
              const ariaSort = active?.key === c.key ? (active.dir === 'asc' ? 'ascending' : 'descending') : 'none';
              return (
                <th key={c.key} scope="col" aria-sort={ariaSort} className={c.align === 'right' ? 'num' : undefined}>
                  <button type="button" className="sort-button" onClick={() => toggle(c.key)}>
                    {c.label}
                    <span aria-hidden="true" className="sort-icon">
                      {active?.key === c.key ? (active.dir === 'asc' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {shown.map((row, i) => (
            <tr key={rowKey(row, i)}>
              {columns.map((c) => (
                <td key={c.key} className={c.align === 'right' ? 'num' : undefined}>
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
