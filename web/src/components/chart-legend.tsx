import { legendDash, type LegendItem } from './png';

/** The legend of a chart frame: one swatch and label per series, drawn like the series' mark. */
export function ChartLegend({ items }: { items: readonly LegendItem[] }) {
  return (
    <ul className="chart-legend">
      {items.map((item) => (
        <li key={item.label}>
          <LegendSwatch item={item} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}

/**
 * A legend swatch drawn like the chart's mark: lines as a 3 px stripe, dashed ones with the chart's
 * dash pattern as a repeating gradient (the PNG draws the same); no SVG, so the chart stays the
 * frame's only drawing.
 */
function LegendSwatch({ item }: { item: LegendItem }) {
  if (item.kind === 'line' || item.kind === 'dashed') {
    const dash = legendDash(item);
    const period = dash.reduce((a, b) => a + b, 0);
    const background = dash.length >= 2 ? `repeating-linear-gradient(90deg, ${item.color} 0 ${dash[0]}px, transparent ${dash[0]}px ${period}px)` : item.color;
    return <span className="swatch swatch-line" style={{ background }} aria-hidden="true" data-swatch={item.kind} data-dash={dash.join(' ') || undefined} />;
  }
  const dots = item.pattern === 'dots' ? { backgroundImage: 'radial-gradient(#5b6472 1px, transparent 1.2px)', backgroundSize: '4px 4px' } : {};
  return <span className={`swatch swatch-${item.kind ?? 'bar'}`} style={{ ['--swatch' as string]: item.color, ...dots }} aria-hidden="true" />;
}
