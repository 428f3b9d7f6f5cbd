/**
 * Colour-blind-safe palettes. Series use Okabe–Ito; imbalance uses ColorBrewer PuOr
 * (orange = shortage, purple = surplus), which stays distinguishable under the common
 * colour-vision deficiencies. Text on these colours is checked for WCAG AA in styles.css.
 */
export const SERIES = {
  demand: '#D55E00',
  supply: '#0072B2',
  expansion: '#E69F00',
  replacement: '#56B4E9',
  newSupply: '#009E73',
  target: '#CC79A7',
  trend: '#0072B2',
  engine: '#0072B2',
  naive: '#999999',
  current: '#999999',
  needed: '#D55E00',
} as const;

/** One colour per flag; the two neutral flags (uncertain, too small to assess) are greys apart from balanced. */
export const FLAG_COLORS = { shortage: '#d66a0b', balanced: '#9aa3ad', surplus: '#6a51a3', uncertain: '#c3c9d1', 'too-small': '#e4e7ec' } as const;

/** PuOr 7-class, shortage (orange) → surplus (purple). */
export const DIVERGING = ['#b35806', '#f1a340', '#fee0b6', '#f7f7f7', '#d8daeb', '#998ec3', '#542788'] as const;

/**
 * Dark text on light classes, white on the dark ends: keeps tile labels at WCAG AA. The classes
 * (0–6 on the diverging scale, derived from the flag thresholds) come from flag-scale.ts; the
 * neutral ones (uncertain, too small, no data) are light and take dark text.
 */
export function textOn(classIndex: number | string | null): string {
  return classIndex === 0 || classIndex === 6 ? '#ffffff' : '#1a2233';
}

/**
 * Axis tick style of the numeric axes (dark enough for WCAG AA on white). `width: undefined`
 * overrides the axis width recharts hands each tick label: with a width, its Text measures every
 * word in a hidden DOM node (a forced layout per new string) to wrap them, and numbers never wrap;
 * that measuring was a visible part of the first chart's render.
 */
export const AXIS_TICK = { fontSize: 12, fill: '#3d4757', width: undefined };

/**
 * Props of a value (y) axis: ~5 nice ticks over the plot's height never collide, so every tick
 * is drawn (`interval: 0`) without recharts measuring each label to thin them out.
 */
export const VALUE_AXIS = { tick: AXIS_TICK, interval: 0 } as const;
