import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { illustrativeLevelNames } from '../adapters/basis';
import { ChartFrameBody } from './chart-frame-body';
import { ChartFrameFoot } from './chart-frame-foot';
import { ChartFrameHead } from './chart-frame-head';
import { frameDefaults, type ChartFrameProps } from './chart-frame-props';
import { frameProvenance } from './chart-frame-provenance';
import { ChartLegend } from './chart-legend';
import { IllustrativeNote, illustrativeNoteText, useDataLevels } from './illustrative-note';
import { markFirstChartData, markWhenDrawn } from './first-chart-mark';
import { useFrameDownloads } from './use-frame-downloads';

export type { ChartFrameProps } from './chart-frame-props';

/**
 * The frame every chart sits in: title, units, legend, source, status badges (and what modelled
 * numbers rest on, with the illustrative note when that includes generated values), a
 * "view as table" toggle, a PNG download and the data as Excel or CSV (both dialects), plus loading/empty/error states.
 */
export function ChartFrame<Row>(props: ChartFrameProps<Row>) {
  const frame = frameDefaults(props);
  const { title, unit, source, levels, legend, rows, filename, status, fitContent, updating } = frame;
  const { t, i18n } = useTranslation();
  const dataLevels = useDataLevels();
  const prov = frameProvenance(frame.statuses, frame.basis, source, frame.provenance);
  const noteText = prov.illustrative ? illustrativeNoteText(t, illustrativeLevelNames(dataLevels, levels, i18n.language as 'vi' | 'en')) : undefined;
  const [asTable, setAsTable] = useState(false);
  const bodyRef = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const hasData = !status.isPending && !status.isError && rows.length > 0;
  const { downloadPng, exportData } = useFrameDownloads(frame, prov, noteText, bodyRef);

  // A tile map is drawn with its frame; a chart once its marks are in (first-chart-mark.ts).
  useEffect(() => {
    if (!hasData || !bodyRef.current) return;
    if (!fitContent) return markWhenDrawn(bodyRef.current);
    markFirstChartData();
  }, [hasData, fitContent]);

  return (
    <figure
      className="chart-frame"
      aria-labelledby={headingId}
      data-chart-frame={filename}
      data-has-data={hasData ? 'true' : 'false'}
      data-updating={updating ? 'true' : undefined}
      aria-busy={updating || undefined}
    >
      <ChartFrameHead
        headingId={headingId}
        title={title}
        subtitle={frame.subtitle}
        shown={prov.shown}
        controls={frame.controls}
        asTable={asTable}
        hasData={hasData}
        onToggleTable={() => setAsTable((v) => !v)}
        onPng={() => void downloadPng()}
        onExport={exportData}
      />
      <div className="chart-unit">
        {t('chart.unit')}: {unit}
      </div>
      {prov.illustrative && <IllustrativeNote basis={['illustrative']} levels={levels} dataLevels={dataLevels} compact />}
      {legend.length > 0 && hasData && !asTable && <ChartLegend items={legend} />}
      <ChartFrameBody frame={frame} bodyRef={bodyRef} asTable={asTable} rowStatus={prov.rows.status} />
      <ChartFrameFoot
        notes={frame.notes}
        footnote={frame.footnote}
        source={source}
        showNotes={hasData && !asTable}
        hasData={hasData}
        shown={prov.shown}
        restsOn={prov.restsOn}
      />
    </figure>
  );
}
