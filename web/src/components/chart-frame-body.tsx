import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusBadges } from './badges';
import type { FrameSpec } from './chart-frame-props';
import type { Column, RowProvenance } from './csv';
import { DataTable } from './data-table';
import { QueryState } from './states';
import { statusCell } from './status';

export interface ChartFrameBodyProps<Row> {
  frame: FrameSpec<Row>;
  /** The body element, for the PNG download and the first-chart mark. */
  bodyRef: RefObject<HTMLDivElement | null>;
  asTable: boolean;
  rowStatus: RowProvenance<Row>['status'];
}

/**
 * The chart, or its data as a table with a status column, inside the loading / empty / error
 * states. The chart keeps its height while it loads so the page does not jump.
 */
export function ChartFrameBody<Row>({ frame, bodyRef, asTable, rowStatus }: ChartFrameBodyProps<Row>) {
  const { t } = useTranslation();
  const { title, summary, columns, rows, status, height, fitContent, emptyMessage, children } = frame;
  const tableColumns: Column<Row>[] = [
    ...columns,
    { key: 'status', label: t('status.label'), value: (r) => statusCell(rowStatus(r)), format: (r) => <StatusBadges statuses={rowStatus(r)} /> },
  ];
  return (
    <div className="chart-body" ref={bodyRef} style={{ minHeight: asTable ? undefined : height }}>
      <QueryState status={status} empty={rows.length === 0} height={height} emptyMessage={emptyMessage}>
        {asTable ? (
          <DataTable columns={tableColumns} rows={rows} caption={title} rowKey={(_, i) => String(i)} />
        ) : (
          // A drawn chart is one named image with a short summary (the numbers are in "view as table");
          // the tile map (fitContent) keeps its own focusable tiles.
          <div
            className="chart-canvas"
            style={fitContent ? undefined : { height }}
            role={fitContent ? undefined : 'img'}
            aria-label={fitContent ? undefined : `${title}. ${summary ?? t('chart.summaryDefault', { count: rows.length })}`}
          >
            {children}
          </div>
        )}
      </QueryState>
    </div>
  );
}
