import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Status } from '../api/types';
import { StatusLine } from './badges';

export interface ChartFrameFootProps {
  notes: string[];
  footnote?: ReactNode;
  source: string;
  /** Notes explain the drawing: shown only while a chart with data is on screen. */
  showNotes: boolean;
  hasData: boolean;
  shown: readonly Status[];
  restsOn: readonly Status[];
}

/** Under the chart: its notes and footnote, then the status line and the source (the figure's caption). */
export function ChartFrameFoot({ notes, footnote, source, showNotes, hasData, shown, restsOn }: ChartFrameFootProps) {
  const { t } = useTranslation();
  return (
    <>
      {notes.length > 0 && showNotes && (
        <div className="chart-footnote">
          {notes.map((n) => (
            // One note per line: two notes in one run of text read as one sentence.
            <p key={n} className="small-text chart-note" data-chart-note>
              {n}
            </p>
          ))}
        </div>
      )}
      {footnote && hasData && <div className="chart-footnote">{footnote}</div>}
      <figcaption className="chart-source">
        <StatusLine statuses={shown} basis={restsOn} /> <span className="label">{t('chart.source')}:</span> <SourceText source={source} />
      </figcaption>
    </>
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
