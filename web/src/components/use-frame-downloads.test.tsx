import { describe, expect, it, vi } from 'vitest';
import { renderHook } from '@testing-library/react';
import { frameDefaults } from './chart-frame-props';
import { frameProvenance } from './chart-frame-provenance';
import { useFrameDownloads } from './use-frame-downloads';

const exportAs = vi.fn(async () => undefined);
vi.mock('./export/use-export', () => ({ useExport: () => exportAs, useDataVersion: () => 'v1' }));
const svgToPng = vi.fn(async () => null);
vi.mock('./png', () => ({ svgToPng: (...args: unknown[]) => svgToPng(...(args as [])) }));

type Row = { y: number; src: string };
const ok = { isPending: false, isError: false, error: null, refetch: () => undefined };
const base = {
  title: 'T',
  unit: 'u',
  source: 'A · B',
  statuses: ['modelled'] as const,
  columns: [{ key: 'y', label: 'Y', value: (r: Row) => r.y }],
  rows: [{ y: 1, src: 'S1' }],
  filename: 'f',
  status: ok,
  children: null,
};

function downloads(over: object, body: Element | null = null) {
  const frame = frameDefaults<Row>({ ...base, ...over });
  const prov = frameProvenance(frame.statuses, frame.basis, frame.source, frame.provenance);
  return renderHook(() => useFrameDownloads(frame, prov, 'note', { current: body as HTMLElement | null })).result.current;
}

describe('useFrameDownloads', () => {
  it('cites each part of the chart’s source, or each row’s own source when the page gives them', async () => {
    await downloads({}).exportData('csv-vi');
    expect(exportAs.mock.calls.at(-1)).toMatchObject(['csv-vi', { sources: ['A', 'B'], statuses: ['modelled'], note: 'note', filename: 'f' }]);
    await downloads({ provenance: { source: (r: Row) => r.src } }).exportData('xlsx');
    const spec = (exportAs.mock.calls.at(-1) as unknown[])[1] as { sources: string[]; columns: { key: string }[] };
    expect(spec.sources).toEqual(['S1']);
    expect(spec.columns.map((c) => c.key)).toEqual(['y', 'status', 'source']);
  });
  it('draws the PNG only once a chart is drawn, with the chart’s badges then what it rests on', async () => {
    await downloads({}).downloadPng();
    expect(svgToPng).not.toHaveBeenCalled();
    const body = document.createElement('div');
    body.innerHTML = '<svg data-chart="x"></svg>';
    await downloads({ basis: ['official', 'modelled'] }, body).downloadPng();
    expect(svgToPng).toHaveBeenCalledTimes(1);
    const spec = (svgToPng.mock.calls[0] as unknown[])[1] as { badges: { status: string }[]; subtitle: string; dataVersion: string };
    expect(spec.badges.map((b) => b.status)).toEqual(['modelled', 'official']);
    expect(spec.subtitle).toBe('u');
    expect(spec.dataVersion).toContain('v1');
  });
});
