/** Plain-text tables for the bench output. */

import type { Scores } from './evaluate';

/** A printed row: label, numbers (NaN prints as —) and a free note. */
export type TableRow = Omit<Scores, 'failures' | 'msis'> & { msis?: number; label: string; note?: string };

function num(x: number, digits: number): string {
  return Number.isFinite(x) ? x.toFixed(digits) : '—';
}

function pct(x: number): string {
  return Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : '—';
}

/** Format one dataset's table. */
export function formatTable(title: string, maseLabel: string, rows: TableRow[]): string {
  const head = ['method', 'sMAPE', maseLabel, 'MAPE', 'cov80', 'cov95', 'MSIS95', 'series/s', 'note'];
  const body = rows.map((r) => [
    r.label,
    num(r.smape, 3),
    num(r.mase, 3),
    num(r.mape, 2),
    pct(r.coverage80),
    pct(r.coverage95),
    num(r.msis ?? NaN, 2),
    Number.isFinite(r.seriesPerSecond) ? Math.round(r.seriesPerSecond).toString() : '—',
    r.note ?? '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [title, line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
