import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Status } from '../api/types';
import { StatusBadges } from './badges';
import { DownloadMenu } from './export/download-menu';
import type { ExportFormat } from './export/download';

export interface ChartFrameHeadProps {
  headingId: string;
  title: string;
  subtitle?: string;
  shown: readonly Status[];
  /** Page selectors shown before the frame's own tools. */
  controls?: ReactNode;
  asTable: boolean;
  hasData: boolean;
  onToggleTable: () => void;
  onPng: () => void;
  onExport: (format: ExportFormat) => void | Promise<void>;
}

/**
 * Title with status badges, subtitle, and the frame's tools: chart/table toggle, PNG, data
 * download. Tools are disabled without data; the PNG also in table view (there is no drawing).
 */
export function ChartFrameHead({ headingId, title, subtitle, shown, controls, asTable, hasData, onToggleTable, onPng, onExport }: ChartFrameHeadProps) {
  const { t } = useTranslation();
  return (
    <header className="chart-head">
      <div className="chart-titles">
        <h2 id={headingId} className="chart-title">
          {title} <StatusBadges statuses={shown} />
        </h2>
        {subtitle && <p className="chart-subtitle">{subtitle}</p>}
      </div>
      <div className="chart-tools">
        {controls}
        <button type="button" className="button button-small" aria-pressed={asTable} onClick={onToggleTable} disabled={!hasData}>
          {asTable ? t('chart.viewChart') : t('chart.viewTable')}
        </button>
        <button type="button" className="button button-small" onClick={onPng} disabled={!hasData || asTable} aria-label={`${t('chart.downloadPng')}: ${title}`}>
          PNG
        </button>
        <DownloadMenu title={title} disabled={!hasData} onSelect={onExport} />
      </div>
    </header>
  );
}
