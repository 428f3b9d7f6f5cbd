import { describe, expect, it } from 'vitest';
import { drawBadge, drawLegendSwatch, layoutBadges, legendDash, wrapText } from './png';

// 7 px per character stands in for canvas text metrics.
const ctx = { measureText: (text: string) => ({ width: text.length * 7 }) as TextMetrics };

describe('wrapText for PNG captions', () => {
  it('breaks a long source citation into lines that fit the image', () => {
    const lines = wrapText(ctx, 'GSO annual LFS 2023, reported by Vietnam+/SGGP (2 Jan 2024); GSO 2025 socio-economic report', 140);
    expect(lines.every((l) => l.length * 7 <= 140)).toBe(true);
    expect(lines.join(' ')).toBe('GSO annual LFS 2023, reported by Vietnam+/SGGP (2 Jan 2024); GSO 2025 socio-economic report');
  });
  it('keeps a short text on one line', () => {
    expect(wrapText(ctx, 'Nguồn: GSO', 400)).toEqual(['Nguồn: GSO']);
  });
});

describe('status badges in PNG exports', () => {
  it('lays badges out left to right and wraps them', () => {
    const boxes = layoutBadges(
      ctx,
      [
        { status: 'official', label: 'Official statistic' },
        { status: 'illustrative', label: 'Illustrative (generated)' },
      ],
      200,
    );
    expect(boxes.map((b) => b.row)).toEqual([0, 1]);
    expect(boxes[0].text).toBe('✓ Official statistic');
    expect(boxes[1].text).toContain('Illustrative (generated)');
  });
  it('draws the icon and words with a dashed outline for illustrative', () => {
    const calls: string[] = [];
    const fake = {
      fillStyle: '',
      strokeStyle: '',
      lineWidth: 1,
      beginPath: () => undefined,
      rect: () => undefined,
      fill: () => undefined,
      stroke: () => undefined,
      setLineDash: (d: number[]) => calls.push(`dash:${d.join(',')}`),
      fillText: (text: string) => calls.push(`text:${text}`),
    };
    drawBadge(fake as never, 'illustrative', '⚠ Số liệu minh hoạ', 0, 0, 120);
    expect(calls).toContain('dash:4,2');
    expect(calls).toContain('text:⚠ Số liệu minh hoạ');
  });
});

describe('legend in PNG exports', () => {
  const recorder = () => {
    const calls: string[] = [];
    const ctx = {
      fillStyle: '',
      strokeStyle: '',
      lineWidth: 1,
      beginPath: () => undefined,
      moveTo: () => undefined,
      lineTo: () => undefined,
      arc: () => undefined,
      fill: () => calls.push('fill'),
      stroke: () => calls.push('stroke'),
      fillRect: () => calls.push('rect'),
      setLineDash: (d: number[]) => calls.push(`dash:${d.join(',')}`),
    };
    return { calls, ctx };
  };
  it("draws a dashed legend item dashed, with the chart's own pattern", () => {
    const { calls, ctx } = recorder();
    drawLegendSwatch(ctx as never, { label: 'dự báo', color: '#0072B2', kind: 'dashed' }, 0, 0);
    expect(calls.slice(0, 2)).toEqual(['dash:6,4', 'stroke']);
    const other = recorder();
    drawLegendSwatch(other.ctx as never, { label: 'cầu', color: '#E69F00', kind: 'dashed', dash: '2 3' }, 0, 0);
    expect(other.calls[0]).toBe('dash:2,3');
    expect(legendDash({ label: 'x', color: '#000', kind: 'line' })).toEqual([]);
  });
  it('draws solid lines solid, bars as boxes and neutral map classes dotted', () => {
    const line = recorder();
    drawLegendSwatch(line.ctx as never, { label: 'thực tế', color: '#0072B2', kind: 'line' }, 0, 0);
    expect(line.calls.slice(0, 2)).toEqual(['dash:', 'stroke']);
    const bar = recorder();
    drawLegendSwatch(bar.ctx as never, { label: 'Chưa chắc chắn', color: '#c3c9d1', pattern: 'dots' }, 0, 0);
    expect(bar.calls).toEqual(['rect', 'fill', 'fill', 'fill']);
  });
});
