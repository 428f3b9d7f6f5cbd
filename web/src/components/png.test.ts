import { describe, expect, it } from 'vitest';
import { wrapText } from './png';

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
