import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModelledBadge } from './badges';
import { downloadBlob, downloadCsv, type Column } from './csv';
import { DataTable } from './data-table';
import { markFirstChartData } from './first-chart-mark';
import { svgToPng, type LegendItem } from './png';
import { QueryState, type LoadStatus } from './states';

export interface ChartFrameProps<Row> {
  title: string;
  subtitle?: string;
  /** Axis units, e.g. "persons" or "% of labour force". */
  unit: string;
  /** Citation shown under the chart and written into downloads. */
  source: string;
  /** Any modelled figure in the chart: shows the modelled badge. */
  modelled: boolean;
  legend?: LegendItem[];
  columns: Column<Row>[];
  rows: Row[];
  filename: string;
  status: LoadStatus;
  emptyMessage?: string;
  height?: number;
  /** Extra controls shown in the header (selectors). */
  controls?: React.ReactNode;
  /** Let the content set its own height (tile map) instead of a fixed chart height. */
  fitContent?: boolean;
  /** Extra line under the chart (e.g. the backtest accuracy of the forecast shown). */
  footnote?: React.ReactNode;
  children: React.ReactNode;
}

/**
 * The frame every chart sits in: title, units, legend, source, modelled badge, a
 * "view as table" toggle and PNG/CSV downloads, plus loading/empty/error states.
 */
export function ChartFrame<Row>(props: ChartFrameProps<Row>) {
  const { title, subtitle, unit, source, modelled, legend = [], columns, rows, filename, status, emptyMessage, height = 300, controls, fitContent, footnote, children } = props;
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const bodyRef = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const hasData = !status.isPending && !status.isError && rows.length > 0;

  useEffect(() => {
    if (hasData) markFirstChartData();
  }, [hasData]);

  const downloadPng = async () => {
    const svg = bodyRef.current?.querySelector<SVGSVGElement>('svg.recharts-surface, svg[data-chart]');
    if (!svg) return;
    const blob = await svgToPng(svg, { title, subtitle: subtitle ? `${subtitle} · ${unit}` : unit, source: `${t('chart.source')}: ${source}`, legend });
    if (blob) downloadBlob(blob, `${filename}.png`);
  };

  return (
    <figure className="chart-frame" aria-labelledby={headingId} data-chart-frame={filename} data-has-data={hasData ? 'true' : 'false'}>
      <header className="chart-head">
        <div className="chart-titles">
          <h3 id={headingId} className="chart-title">
            {title} {modelled && <ModelledBadge />}
          </h3>
          {subtitle && <p className="chart-subtitle">{subtitle}</p>}
        </div>
        <div className="chart-tools">
          {controls}
          <button type="button" className="button button-small" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)} disabled={!hasData}>
            {asTable ? t('chart.viewChart') : t('chart.viewTable')}
          </button>
          <button type="button" className="button button-small" onClick={() => void downloadPng()} disabled={!hasData || asTable} aria-label={`${t('chart.downloadPng')}: ${title}`}>
            PNG
          </button>
          <button type="button" className="button button-small" onClick={() => downloadCsv(columns, rows, source, `${filename}.csv`)} disabled={!hasData} aria-label={`${t('chart.downloadCsv')}: ${title}`}>
            CSV
          </button>
        </div>
      </header>
      <div className="chart-unit">{t('chart.unit')}: {unit}</div>
      {legend.length > 0 && hasData && !asTable && (
        <ul className="chart-legend">
          {legend.map((item) => (
            <li key={item.label}>
              <span className={`swatch swatch-${item.kind ?? 'bar'}`} style={{ ['--swatch' as string]: item.color }} aria-hidden="true" />
              {item.label}
            </li>
          ))}
        </ul>
      )}
      <div className="chart-body" ref={bodyRef} style={{ minHeight: asTable ? undefined : height }}>
        <QueryState status={status} empty={rows.length === 0} height={height} emptyMessage={emptyMessage}>
          {asTable ? (
            <DataTable columns={columns} rows={rows} caption={title} rowKey={(_, i) => String(i)} />
          ) : (
            <div className="chart-canvas" style={fitContent ? undefined : { height }}>
              {children}
            </div>
          )}
        </QueryState>
      </div>
      {footnote && hasData && <div className="chart-footnote">{footnote}</div>}
      <figcaption className="chart-source">
        <span className="label">{t('chart.source')}:</span> <SourceText source={source} />
      </figcaption>
    </figure>
  );
}

/** Long citations (several sources joined) are shortened with a disclosure, so the chart stays readable. */
function SourceText({ source }: { source: string }) {
  const { t } = useTranslation();
  if (source.length <= 220) return <>{source}</>;
  return (
    <>
      {source.slice(0, 180).replace(/\s+\S*$/, '')}…{' '}
      <details>
        <summary>{t('chart.moreSources')}</summary>
        {source}
      </details>
    </>
  );
}
