import type { Status } from '../api/types';
import { STATUS_STYLE } from './status';

/** A status badge drawn into exported images: the same icon, words and colours as on screen. */
export interface PngBadge {
  status: Status;
  label: string;
}

/** Where each badge goes: pills laid left to right, wrapping to new rows of 22 px. */
export function layoutBadges(
  ctx: Pick<CanvasRenderingContext2D, 'measureText'>,
  badges: PngBadge[],
  width: number,
): { badge: PngBadge; text: string; x: number; row: number; w: number }[] {
  const out: { badge: PngBadge; text: string; x: number; row: number; w: number }[] = [];
  let x = 0;
  let row = 0;
  for (const badge of badges) {
    const text = `${STATUS_STYLE[badge.status].icon} ${badge.label}`;
    const w = ctx.measureText(text).width + 16;
    if (x > 0 && x + w > width) {
      row += 1;
      x = 0;
    }
    out.push({ badge, text, x, row, w });
    x += w + 6;
  }
  return out;
}

/** Draws one pill badge (dashed outline for illustrative, as on screen). */
export function drawBadge(
  ctx: Pick<CanvasRenderingContext2D, 'fillStyle' | 'strokeStyle' | 'lineWidth' | 'beginPath' | 'rect' | 'fill' | 'stroke' | 'setLineDash' | 'fillText'>,
  status: Status,
  text: string,
  x: number,
  y: number,
  w: number,
): void {
  const style = STATUS_STYLE[status];
  ctx.beginPath();
  ctx.rect(x, y, w, 18);
  ctx.fillStyle = style.bg;
  ctx.fill();
  ctx.setLineDash(style.dashed ? [4, 2] : []);
  ctx.strokeStyle = style.border;
  ctx.lineWidth = 1;
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.fillStyle = style.fg;
  ctx.fillText(text, x + 8, y + 13);
}

/** Legend entry drawn into exported images (the on-screen legend is HTML, outside the SVG). */
export interface LegendItem {
  label: string;
  color: string;
  kind?: 'line' | 'band' | 'bar' | 'dashed';
  /** SVG dash pattern of a dashed line as the chart draws it (default "6 4", the forecast's). */
  dash?: string;
  /** Dots over the colour, as the tile map draws its neutral classes. */
  pattern?: 'dots';
}

/** Dash pattern of a legend item as canvas numbers (empty for solid). */
export function legendDash(item: LegendItem): number[] {
  if (item.kind !== 'dashed') return [];
  return (item.dash ?? '6 4')
    .split(/[\s,]+/)
    .map(Number)
    .filter((n) => Number.isFinite(n) && n > 0);
}

/**
 * Draws one legend swatch the way the chart draws the thing it names: a solid or dashed line
 * (with the chart's dash pattern), a translucent band, or a bar (dotted for neutral map classes).
 */
export function drawLegendSwatch(
  ctx: Pick<
    CanvasRenderingContext2D,
    'fillStyle' | 'strokeStyle' | 'lineWidth' | 'beginPath' | 'moveTo' | 'lineTo' | 'stroke' | 'setLineDash' | 'fillRect' | 'arc' | 'fill'
  >,
  item: LegendItem,
  x: number,
  y: number,
): void {
  if (item.kind === 'line' || item.kind === 'dashed') {
    ctx.beginPath();
    ctx.setLineDash(legendDash(item));
    ctx.strokeStyle = item.color;
    ctx.lineWidth = 2.5;
    ctx.moveTo(x, y + 8);
    ctx.lineTo(x + 18, y + 8);
    ctx.stroke();
    ctx.setLineDash([]);
    return;
  }
  ctx.fillStyle = item.color;
  ctx.fillRect(x, y + 2, 14, 12);
  if (item.pattern === 'dots') {
    ctx.fillStyle = '#5b6472';
    for (const [dx, dy] of [
      [3.5, 5],
      [10.5, 5],
      [7, 11],
    ]) {
      ctx.beginPath();
      ctx.arc(x + dx, y + dy, 1, 0, Math.PI * 2);
      ctx.fill();
    }
  }
}

/** Splits text into lines that fit `width` pixels with the context's current font. */
export function wrapText(ctx: Pick<CanvasRenderingContext2D, 'measureText'>, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

const FONT = 'system-ui, "Segoe UI", Roboto, Arial, sans-serif';

/**
 * Serialises a recharts SVG to a PNG with title, subtitle, status badges, legend (drawn as the
 * chart draws each item), source and data version (all wrapped to the image width), using only the browser's canvas: no extra libraries. Returns null when
 * the browser cannot rasterise.
 */
export async function svgToPng(
  svg: SVGSVGElement,
  {
    title,
    subtitle,
    source,
    legend = [],
    badges = [],
    note,
    dataVersion,
    notes = [],
    scale = 2,
  }: {
    title: string;
    subtitle?: string;
    source: string;
    legend?: LegendItem[];
    badges?: PngBadge[];
    note?: string;
    dataVersion?: string;
    notes?: string[];
    scale?: number;
  },
): Promise<Blob | null> {
  const box = svg.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width || Number(svg.getAttribute('width')) || 800));
  const height = Math.max(1, Math.round(box.height || Number(svg.getAttribute('height')) || 400));
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('font-family', FONT);
  const text = new XMLSerializer().serializeToString(clone);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = await new Promise<HTMLImageElement>((resolve, reject) => {
      const img = new Image();
      img.onload = () => resolve(img);
      img.onerror = () => reject(new Error('SVG could not be rasterised'));
      img.src = url;
    });
    const pad = 16;
    const canvasWidth = Math.max(width, 640) + pad * 2;
    const inner = canvasWidth - pad * 2;
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    // Lay out the text first to know the height.
    ctx.font = `600 16px ${FONT}`;
    const titleLines = wrapText(ctx, title, inner);
    ctx.font = `12px ${FONT}`;
    const subtitleLines = subtitle ? wrapText(ctx, subtitle, inner) : [];
    // Notes under the chart (a series break explained), then the source and the data version; the
    // lines are measured in the fonts they are drawn in, so none runs past the edge.
    ctx.font = `11px ${FONT}`;
    const sourceLines = [
      ...notes.flatMap((n) => wrapText(ctx, n, inner)),
      ...wrapText(ctx, source, inner),
      ...(dataVersion ? wrapText(ctx, dataVersion, inner) : []),
    ];
    ctx.font = `600 11px ${FONT}`;
    const noteLines = note ? wrapText(ctx, note, inner) : [];
    const badgeBoxes = layoutBadges(ctx, badges, inner);
    const badgeHeight = badgeBoxes.length ? (badgeBoxes[badgeBoxes.length - 1].row + 1) * 22 + 2 : 0;
    ctx.font = `12px ${FONT}`;
    const legendRows: { item: LegendItem; x: number; row: number }[] = [];
    let lx = 0;
    let row = 0;
    for (const item of legend) {
      const w = 24 + ctx.measureText(item.label).width + 18;
      if (lx > 0 && lx + w > inner) {
        row += 1;
        lx = 0;
      }
      legendRows.push({ item, x: lx, row });
      lx += w;
    }
    const head = 8 + titleLines.length * 20 + subtitleLines.length * 16 + 6 + badgeHeight;
    const legendHeight = legend.length ? (row + 1) * 20 + 4 : 0;
    const foot = 10 + sourceLines.length * 15 + (noteLines.length ? noteLines.length * 15 + 6 : 0);
    const total = head + legendHeight + height + foot;
    canvas.width = canvasWidth * scale;
    canvas.height = total * scale;
    ctx.scale(scale, scale);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvasWidth, total);
    let y = 8;
    ctx.fillStyle = '#1a2233';
    ctx.font = `600 16px ${FONT}`;
    for (const line of titleLines) ctx.fillText(line, pad, (y += 18));
    y += 2;
    ctx.font = `12px ${FONT}`;
    ctx.fillStyle = '#4a5568';
    for (const line of subtitleLines) ctx.fillText(line, pad, (y += 16));
    ctx.font = `600 11px ${FONT}`;
    for (const b of badgeBoxes) drawBadge(ctx, b.badge.status, b.text, pad + b.x, y + 8 + b.row * 22, b.w);
    ctx.font = `12px ${FONT}`;
    y = head;
    for (const { item, x, row: r } of legendRows) {
      const ly = y + r * 20;
      drawLegendSwatch(ctx, item, pad + x, ly);
      ctx.fillStyle = '#1a2233';
      ctx.fillText(item.label, pad + x + 24, ly + 13);
    }
    y += legendHeight;
    ctx.drawImage(image, pad + (inner - width) / 2, y, width, height);
    y += height + 6;
    ctx.fillStyle = '#4a5568';
    ctx.font = `11px ${FONT}`;
    for (const line of sourceLines) ctx.fillText(line, pad, (y += 14));
    if (noteLines.length) {
      y += 6;
      ctx.fillStyle = STATUS_STYLE.illustrative.fg;
      ctx.font = `600 11px ${FONT}`;
      for (const line of noteLines) ctx.fillText(line, pad, (y += 14));
    }
    return await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
