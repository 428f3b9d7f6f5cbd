import { describe, expect, it } from 'vitest';
import { drawBadge, layoutBadges, wrapText } from './png';

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
    const boxes = layoutBadges(ctx, [{ status: 'official', label: 'Official statistic' }, { status: 'illustrative', label: 'Illustrative (generated)' }], 200);
    expect(boxes.map((b) => b.row)).toEqual([0, 1]);
    expect(boxes[0].text).toBe('✓ Official statistic');
    expect(boxes[1].text).toContain('Illustrative (generated)');
  });
  it('draws the icon and words with a dashed outline for illustrative', () => {
    const calls: string[] = [];
    const fake = {
      fillStyle: '', strokeStyle: '', lineWidth: 1,
      beginPath: () => undefined, rect: () => undefined, fill: () => undefined, stroke: () => undefined,
      setLineDash: (d: number[]) => calls.push(`dash:${d.join(',')}`),
      fillText: (text: string) => calls.push(`text:${text}`),
    };
    drawBadge(fake as never, 'illustrative', '⚠ Số liệu minh hoạ', 0, 0, 120);
    expect(calls).toContain('dash:4,2');
    expect(calls).toContain('text:⚠ Số liệu minh hoạ');
  });
});
