import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIVERGING, textOn } from './colors';
import { STATUS_ORDER, STATUS_STYLE } from './status';

/** WCAG 2.x contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const css = readFileSync(join(__dirname, '..', 'styles.css'), 'utf8');
const cssVar = (name: string) => {
  const m = css.match(new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})`));
  if (!m) throw new Error(`--${name} not found in styles.css`);
  return m[1];
};

describe('WCAG AA contrast', () => {
  it('computes the reference ratio (black on white = 21)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });
  it('tile labels are readable on every class of the diverging scale', () => {
    DIVERGING.forEach((fill, k) => expect(contrast(textOn(k), fill), `class ${k} ${fill}`).toBeGreaterThanOrEqual(4.5));
  });
  it('text colours meet 4.5:1 on their backgrounds', () => {
    const pairs: [string, string][] = [
      [cssVar('ink'), '#ffffff'],
      [cssVar('ink-2'), '#ffffff'],
      [cssVar('ink-3'), '#ffffff'],
      [cssVar('ink-3'), cssVar('bg')],
      [cssVar('brand-2'), '#ffffff'],
      ['#ffffff', cssVar('brand')],
      [cssVar('modelled'), cssVar('modelled-bg')],
      [cssVar('official'), cssVar('official-bg')],
      [cssVar('survey'), cssVar('survey-bg')],
      [cssVar('international'), cssVar('international-bg')],
      [cssVar('illustrative'), cssVar('illustrative-bg')],
      [cssVar('illustrative'), '#f6d5e2'],
      ['#5c0f2f', cssVar('illustrative-bg')],
      [cssVar('shortage'), '#ffffff'],
      [cssVar('surplus'), '#ffffff'],
    ];
    for (const [fg, bg] of pairs) expect(contrast(fg, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
  });
  it('status badges (screen and PNG) meet 4.5:1 and match the stylesheet', () => {
    for (const status of STATUS_ORDER) {
      const style = STATUS_STYLE[status];
      expect(contrast(style.fg, style.bg), status).toBeGreaterThanOrEqual(4.5);
      expect(style.fg.toLowerCase()).toBe(cssVar(status).toLowerCase());
      expect(style.bg.toLowerCase()).toBe(cssVar(`${status}-bg`).toLowerCase());
    }
  });
  it('every status has its own icon, so colour is never the only cue', () => {
    const icons = STATUS_ORDER.map((s) => STATUS_STYLE[s].icon);
    expect(new Set(icons).size).toBe(STATUS_ORDER.length);
  });
});
