import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrameProvenance } from './chart-frame-provenance';
import type { FrameSpec } from './chart-frame-props';
import { downloadBlob, withProvenanceColumns } from './csv';
import type { ExportFormat } from './export/download';
import { useDataVersion, useExport } from './export/use-export';
import { svgToPng } from './png';

/**
 * The frame's two downloads. `downloadPng` draws the chart in `body` with its title, units, legend,
 * badges, notes, source and data version around it, so the image can be cited on its own (it does
 * nothing before the chart is drawn). `exportData` writes the rows with each row's status, basis
 * and source as Excel or CSV.
 */
export function useFrameDownloads<Row>(frame: FrameSpec<Row>, prov: FrameProvenance<Row>, note: string | undefined, body: RefObject<HTMLElement | null>) {
  const { t } = useTranslation();
  const dataVersion = useDataVersion();
  const exportAs = useExport();
  const { title, subtitle, unit, source, basis, legend, notes, columns, rows, filename, provenance } = frame;
  const { shown, restsOn } = prov;

  const downloadPng = async () => {
    const svg = body.current?.querySelector<SVGSVGElement>('svg.recharts-surface, svg[data-chart]');
    if (!svg) return;
    const badges = [...shown, ...restsOn.filter((s) => !shown.includes(s))].map((s) => ({ status: s, label: t(`status.${s}`) }));
    const blob = await svgToPng(svg, {
      title,
      subtitle: subtitle ? `${subtitle} · ${unit}` : unit,
      source: `${t('chart.source')}: ${source}`,
      dataVersion: dataVersion ? `${t('app.dataVersion')}: ${dataVersion}` : undefined,
      legend,
      badges,
      note,
      notes,
    });
    if (blob) downloadBlob(blob, `${filename}.png`);
  };

  const exportData = (format: ExportFormat) => {
    const exportColumns = withProvenanceColumns(columns, prov.rows, {
      status: t('export.colStatus'),
      basis: t('export.colBasis'),
      source: t('export.colSource'),
    });
    // Per-row sources when the page gives them; otherwise the chart's citation, one source per part.
    const sources = rows.length && provenance.source ? rows.map(prov.rows.source) : source.split(' · ');
    return exportAs(format, { title, subtitle, unit, columns: exportColumns, rows, sources, statuses: shown, basis, note, filename });
  };

  return { downloadPng, exportData };
}
