import { useQuery, type UseQueryOptions } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { GapsResponse } from '../../api/types';
import { ChartFrame } from '../../components/chart-frame';
import { combineStatus } from '../../components/combine-status';
import type { Column } from '../../components/csv';
import { DataTable } from '../../components/data-table';
import { formatInteger, formatSigned, type Lang } from '../../i18n/format';
import type { LevelId } from '../../adapters/basis';
import { uniqueStatuses } from '../../components/status';
import { DIFF_COLORS, GapDiffChart } from './compare-charts';
import { useScenarioName } from './compare-controls';
import { useSourceText } from '../meta/use-source-text';
import { useCompareColumns } from './compare-table';
import type { GapPick } from '../../adapters/gap-picks';
import { largestChanges, toGapCompareRows, type GapCompareRow } from './compare-rows';

/** Rows the chart draws at most; the table lists every row. */
const CHART_ROWS = 12;

/**
 * A gaps view under two scenarios: openings, new supply and imbalance at the chosen horizon for
 * the view's rows, A, B and B − A; the rows that change most as a chart, all rows in a table.
 */
export function GapCompare<K extends readonly unknown[]>({
  a,
  b,
  query,
  pick,
  title,
  filename,
  levels,
}: {
  a: string;
  b: string;
  /** The view's own gaps query for a scenario (the same cache entries the view reads). */
  query: (scenario: string) => UseQueryOptions<GapsResponse, Error, GapsResponse, K>;
  pick: GapPick;
  title: string;
  filename: string;
  levels?: readonly LevelId[];
}) {
  const { t, i18n } = useTranslation();
  const sourceText = useSourceText();
  const lang = i18n.language as Lang;
  const nameOf = useScenarioName();
  const qa = useQuery(query(a));
  const qb = useQuery(query(b));
  const rows = qa.data && qb.data ? toGapCompareRows(qa.data.rows, qb.data.rows, pick) : [];
  const chartRows = largestChanges(rows, CHART_ROWS);
  const columnsOf = useCompareColumns<GapCompareRow>();
  const n = (v: number | undefined) => formatInteger(v, lang);
  const s = (v: number | undefined) => formatSigned(v, lang);
  const columns: Column<GapCompareRow>[] = [
    { key: 'label', label: t('compare.row'), value: (r) => r.label },
    ...columnsOf('openings', t('gaps.openings'), (r, side) => r[`openings${side}`], n, s),
    ...columnsOf('newSupply', t('gaps.newSupply'), (r, side) => r[`newSupply${side}`], n, s),
    ...columnsOf('imbalance', t('gaps.imbalance'), (r, side) => r[`imbalance${side}`], s, s),
  ];
  const height = Math.max(220, chartRows.length * 44 + 40);
  return (
    <ChartFrame
      title={title}
      subtitle={t('compare.subtitle', { a: nameOf(a), b: nameOf(b) })}
      unit={t('units.personsOverHorizon', { count: qb.data?.rows[0]?.horizon ?? 0 })}
      source={sourceText(qb.data?.source ?? rows[0]?.source)}
      statuses={['modelled']}
      basis={uniqueStatuses(rows.flatMap((r) => r.basis))}
      levels={levels}
      provenance={{ basis: (r) => r.basis, source: (r) => sourceText(r.source) }}
      legend={[
        { label: `${t('gaps.openings')} (B − A)`, color: DIFF_COLORS.openings },
        { label: `${t('gaps.newSupply')} (B − A)`, color: DIFF_COLORS.newSupply },
        { label: `${t('gaps.imbalance')} (B − A)`, color: DIFF_COLORS.imbalance },
      ]}
      columns={columns}
      rows={rows}
      filename={filename}
      status={combineStatus([qa, qb])}
      height={height}
      footnote={
        <>
          {rows.length > chartRows.length && <p className="count">{t('compare.chartShows', { count: chartRows.length, total: rows.length })}</p>}
          <DataTable columns={columns} rows={rows} caption={t('compare.tableCaption', { a: nameOf(a), b: nameOf(b) })} rowKey={(r) => r.key} maxHeight={480} />
        </>
      }
    >
      <GapDiffChart rows={chartRows} height={height} />
    </ChartFrame>
  );
}
