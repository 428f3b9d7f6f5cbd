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

export const FLAG_COLORS = { shortage: '#d66a0b', balanced: '#9aa3ad', surplus: '#6a51a3' } as const;

/** PuOr 7-class, shortage (orange) → surplus (purple). */
export const DIVERGING = ['#b35806', '#f1a340', '#fee0b6', '#f7f7f7', '#d8daeb', '#998ec3', '#542788'] as const;

/** Ratio-of-supply-to-openings thresholds separating the 7 classes (middle class = balanced). */
export const DIVERGING_BREAKS = [0.7, 0.85, 0.95, 1.05, 1.15, 1.3] as const;

/** Class of a supply/openings ratio on the diverging scale (0 = worst shortage, 6 = largest surplus). */
export function divergingClass(ratio: number | null | undefined): number | null {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return null;
  let k = 0;
  while (k < DIVERGING_BREAKS.length && ratio >= DIVERGING_BREAKS[k]) k++;
  return k;
}

/** Dark text on light classes, white on the dark ends: keeps tile labels at WCAG AA. */
export function textOn(classIndex: number | null): string {
  return classIndex === 0 || classIndex === 6 ? '#ffffff' : '#1a2233';
}

/** Axis tick style shared by every chart (dark enough for WCAG AA on white). */
export const AXIS_TICK = { fontSize: 12, fill: '#3d4757' };
