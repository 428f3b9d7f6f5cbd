import type { Status } from '../api/types';

/**
 * The five statuses a number can have, strongest evidence first. The order is the order badges
 * are listed in, so a chart showing official history and a model's forecast reads "official ·
 * model output" everywhere (screen, table, CSV, PNG).
 */
export const STATUS_ORDER: readonly Status[] = ['official', 'international', 'survey', 'modelled', 'illustrative'];

/**
 * How each status looks. Colour is never the only cue: each has its own icon, and illustrative
 * badges also get a dashed border (and hatching on screen). Text/background pairs meet WCAG AA
 * (checked in contrast.test.ts); PNG exports use the same values on the canvas.
 */
export const STATUS_STYLE: Record<Status, { fg: string; bg: string; border: string; icon: string; dashed?: boolean }> = {
  official: { fg: '#0d6b3c', bg: '#e3f3ea', border: '#9fd4b5', icon: '✓' },
  international: { fg: '#0b4f8a', bg: '#e3eefa', border: '#9cc2e8', icon: '◎' },
  survey: { fg: '#3b2f7a', bg: '#e9e6f8', border: '#b8b0e6', icon: 'Σ' },
  modelled: { fg: '#7a3e00', bg: '#fdebd3', border: '#eab676', icon: '≈' },
  // A text-presentation warning sign (U+FE0E keeps it from turning into a coloured emoji).
  illustrative: { fg: '#8a1846', bg: '#fbe7ef', border: '#8a1846', icon: '⚠\uFE0E', dashed: true },
};

/** True for one of the five status codes (API strings are checked before they are trusted). */
export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUS_ORDER as readonly string[]).includes(value);
}

/** The distinct valid statuses in `values`, in STATUS_ORDER (unknown strings are dropped). */
export function uniqueStatuses(values: Iterable<unknown>): Status[] {
  const seen = new Set<Status>();
  for (const v of values) if (isStatus(v)) seen.add(v);
  return STATUS_ORDER.filter((s) => seen.has(s));
}

/** Whether any of the statuses is `illustrative` (then the view must show the illustrative note). */
export function hasIllustrative(values: Iterable<unknown> | undefined): boolean {
  if (!values) return false;
  for (const v of values) if (v === 'illustrative') return true;
  return false;
}

/** Statuses as one CSV cell: `official+modelled` (codes, not translations, so files stay comparable). */
export function statusCell(values: Iterable<unknown>): string {
  return uniqueStatuses(values).join('+');
}

/**
 * Tooltip heading of a bar: its label, then "Model output (rests on: …)" when the row carries a
 * `basis` (gap rows do), so hovering a number also says what it is.
 */
export function tooltipHeading(label: unknown, row: { basis?: unknown } | undefined, t: (key: string) => string): string {
  const basis = Array.isArray(row?.basis) ? uniqueStatuses(row.basis) : undefined;
  if (!basis) return String(label ?? '');
  const rests = basis.length ? ` (${t('status.restsOn')}: ${basis.map((s) => t(`status.${s}`)).join(', ')})` : '';
  return `${String(label ?? '')} · ${t('status.modelled')}${rests}`;
}
