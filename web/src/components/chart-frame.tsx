import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Status } from '../api/types';
import { illustrativeLevelNames, type LevelId } from '../adapters/basis';
import { StatusBadges, StatusLine } from './badges';
import { downloadBlob, withProvenanceColumns, type Column, type RowProvenance } from './csv';
import { DownloadMenu } from './export/download-menu';
import { useDataVersion, useExport } from './export/use-export';
import { IllustrativeNote, illustrativeNoteText, useDataLevels } from './illustrative-note';
import { hasIllustrative, statusCell, uniqueStatuses } from './status';
import { DataTable } from './data-table';
import { markFirstChartData } from './first-chart-mark';
import { legendDash, svgToPng, type LegendItem } from './png';
import { QueryState, type LoadStatus } from './states';

export interface ChartFrameProps<Row> {
  title: string;
  subtitle?: string;
  /** Axis units, e.g. "persons" or "% of labour force". */
  unit: string;
  /** A sentence or two on what the chart shows, for screen readers (the image's name follows the title). */
  summary?: string;
  /** Citation shown under the chart and written into downloads. */
  source: string;
  /** Statuses of the numbers drawn (e.g. official history and a modelled forecast): badges by the title. */
  statuses: readonly Status[];
  /** What the modelled numbers rest on (statuses of the observations behind them). */
  basis?: readonly Status[];
  /** Data levels the chart rests on, to name the illustrative ones in the note. */
  levels?: readonly LevelId[];
  /** Per-row status, basis and source for the table's status column and the CSV (default: the chart's). */
  provenance?: Partial<RowProvenance<Row>>;
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
  /** Explanations drawn under the chart and into the PNG (e.g. a series break and how it is spliced). */
  notes?: string[];
  /** The chart still shows the previous answer while a new one loads (e.g. another scenario): dimmed, `aria-busy`. */
  updating?: boolean;
  children: React.ReactNode;
}

/**
 * The frame every chart sits in: title, units, legend, source, status badges (and what modelled
 * numbers rest on, with the illustrative note when that includes generated values), a
 * "view as table" toggle, a PNG download and the data as Excel or CSV (both dialects), plus loading/empty/error states.
 */
export function ChartFrame<Row>(props: ChartFrameProps<Row>) {
  const { title, subtitle, summary, unit, source, statuses, basis = [], levels = [], provenance = {}, legend = [], columns, rows, filename, status, emptyMessage, height = 300, controls, fitContent, footnote, notes = [], updating = false, children } = props;
  const { t, i18n } = useTranslation();
  const dataLevels = useDataLevels();
  const shown = uniqueStatuses(statuses);
  // Basis statuses other than the chart's own, so "official · rests on official" is not repeated.
  const restsOn = uniqueStatuses(basis).filter((s) => !shown.includes(s) || s === 'illustrative');
  const illustrative = hasIllustrative(shown) || hasIllustrative(basis);
  const rowProvenance: RowProvenance<Row> = {
    status: provenance.status ?? (() => shown),
    basis: provenance.basis ?? (basis.length ? () => basis : undefined),
    source: provenance.source ?? (() => source),
  };
  const exportColumns = withProvenanceColumns(columns, rowProvenance, { status: t('export.colStatus'), basis: t('export.colBasis'), source: t('export.colSource') });
  const exportAs = useExport();
  const dataVersion = useDataVersion();
  const tableColumns: Column<Row>[] = [
    ...columns,
    { key: 'status', label: t('status.label'), value: (r) => statusCell(rowProvenance.status(r)), format: (r) => <StatusBadges statuses={rowProvenance.status(r)} /> },
  ];
  const noteText = illustrative ? illustrativeNoteText(t, illustrativeLevelNames(dataLevels, levels, i18n.language as 'vi' | 'en')) : undefined;
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
    const badges = [...shown, ...restsOn.filter((s) => !shown.includes(s))].map((s) => ({ status: s, label: t(`status.${s}`) }));
    const blob = await svgToPng(svg, {
      title,
      subtitle: subtitle ? `${subtitle} · ${unit}` : unit,
      source: `${t('chart.source')}: ${source}`,
      dataVersion: dataVersion ? `${t('app.dataVersion')}: ${dataVersion}` : undefined,
      legend,
      badges,
      note: noteText,
      notes,
    });
    if (blob) downloadBlob(blob, `${filename}.png`);
  };

  return (
    <figure className="chart-frame" aria-labelledby={headingId} data-chart-frame={filename} data-has-data={hasData ? 'true' : 'false'} data-updating={updating ? 'true' : undefined} aria-busy={updating || undefined}>
      <header className="chart-head">
        <div className="chart-titles">
          <h2 id={headingId} className="chart-title">
            {title} <StatusBadges statuses={shown} />
          </h2>
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
          <DownloadMenu
            title={title}
            disabled={!hasData}
            onSelect={(format) => {
              const sources = rows.length && provenance.source ? rows.map(rowProvenance.source) : source.split(' · ');
              return exportAs(format, { title, subtitle, unit, columns: exportColumns, rows, sources, statuses: shown, basis, note: noteText, filename });
            }}
          />
        </div>
      </header>
      <div className="chart-unit">{t('chart.unit')}: {unit}</div>
      {illustrative && <IllustrativeNote basis={['illustrative']} levels={levels} dataLevels={dataLevels} compact />}
      {legend.length > 0 && hasData && !asTable && (
        <ul className="chart-legend">
          {legend.map((item) => (
            <li key={item.label}>
              <LegendSwatch item={item} />
              {item.label}
            </li>
          ))}
        </ul>
      )}
      <div className="chart-body" ref={bodyRef} style={{ minHeight: asTable ? undefined : height }}>
        <QueryState status={status} empty={rows.length === 0} height={height} emptyMessage={emptyMessage}>
          {asTable ? (
            <DataTable columns={tableColumns} rows={rows} caption={title} rowKey={(_, i) => String(i)} />
          ) : (
            // A drawn chart is one named image with a short summary (the numbers are in "view as table");
            // the tile map (fitContent) keeps its own focusable tiles.
            <div className="chart-canvas" style={fitContent ? undefined : { height }} role={fitContent ? undefined : 'img'} aria-label={fitContent ? undefined : `${title}. ${summary ?? t('chart.summaryDefault', { count: rows.length })}`}>
              {children}
            </div>
          )}
        </QueryState>
      </div>
      {notes.length > 0 && hasData && !asTable && (
        <div className="chart-footnote">
          {notes.map((n) => (
            <span key={n} className="small-text" data-chart-note>{n}</span>
          ))}
        </div>
      )}
      {footnote && hasData && <div className="chart-footnote">{footnote}</div>}
      <figcaption className="chart-source">
        <StatusLine statuses={shown} basis={restsOn} />{' '}
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

/**
 * A legend swatch drawn like the chart's mark: lines as a 3 px stripe, dashed ones with the chart's
 * dash pattern as a repeating gradient (the PNG draws the same); no SVG, so the chart stays the
 * frame's only drawing.
 */
function LegendSwatch({ item }: { item: LegendItem }) {
  if (item.kind === 'line' || item.kind === 'dashed') {
    const dash = legendDash(item);
    const period = dash.reduce((a, b) => a + b, 0);
    const background = dash.length >= 2
      ? `repeating-linear-gradient(90deg, ${item.color} 0 ${dash[0]}px, transparent ${dash[0]}px ${period}px)`
      : item.color;
    return <span className="swatch swatch-line" style={{ background }} aria-hidden="true" data-swatch={item.kind} data-dash={dash.join(' ') || undefined} />;
  }
  const dots = item.pattern === 'dots' ? { backgroundImage: 'radial-gradient(#5b6472 1px, transparent 1.2px)', backgroundSize: '4px 4px' } : {};
  return <span className={`swatch swatch-${item.kind ?? 'bar'}`} style={{ ['--swatch' as string]: item.color, ...dots }} aria-hidden="true" />;
}
