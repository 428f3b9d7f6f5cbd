/** Legend entry drawn into exported images (the on-screen legend is HTML, outside the SVG). */
export interface LegendItem {
  label: string;
  color: string;
  kind?: 'line' | 'band' | 'bar' | 'dashed';
}

/**
 * Serialises a recharts SVG to a PNG with title, legend and source, using only the
 * browser's canvas: no extra libraries. Returns null when the browser cannot rasterise.
 */
export async function svgToPng(
  svg: SVGSVGElement,
  { title, subtitle, source, legend = [], scale = 2 }: { title: string; subtitle?: string; source: string; legend?: LegendItem[]; scale?: number },
): Promise<Blob | null> {
  const box = svg.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width || Number(svg.getAttribute('width')) || 800));
  const height = Math.max(1, Math.round(box.height || Number(svg.getAttribute('height')) || 400));
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('font-family', 'system-ui, "Segoe UI", Roboto, Arial, sans-serif');
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
    const head = subtitle ? 52 : 34;
    const legendRows = legend.length ? 24 : 0;
    const foot = 30;
    const canvas = document.createElement('canvas');
    canvas.width = (width + pad * 2) * scale;
    canvas.height = (height + head + legendRows + foot) * scale;
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    ctx.scale(scale, scale);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width + pad * 2, height + head + legendRows + foot);
    ctx.fillStyle = '#1a2233';
    ctx.font = '600 16px system-ui, Arial, sans-serif';
    ctx.fillText(title, pad, 24);
    if (subtitle) {
      ctx.font = '12px system-ui, Arial, sans-serif';
      ctx.fillStyle = '#4a5568';
      ctx.fillText(subtitle, pad, 42);
    }
    let x = pad;
    ctx.font = '12px system-ui, Arial, sans-serif';
    for (const item of legend) {
      ctx.fillStyle = item.color;
      if (item.kind === 'line' || item.kind === 'dashed') ctx.fillRect(x, head + 8, 16, 3);
      else ctx.fillRect(x, head + 3, 14, 12);
      ctx.fillStyle = '#1a2233';
      ctx.fillText(item.label, x + 20, head + 14);
      x += 20 + ctx.measureText(item.label).width + 18;
    }
    ctx.drawImage(image, pad, head + legendRows, width, height);
    ctx.fillStyle = '#4a5568';
    ctx.font = '11px system-ui, Arial, sans-serif';
    ctx.fillText(source, pad, head + legendRows + height + 20, width);
    return await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
