import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FLAG_COLORS } from '../../components/colors';
import { FLAG_ICONS } from '../../components/badges';
import { classFlag, classRange, MAP_CLASSES, mapClassColor, type FlagThresholds } from '../../components/flag-scale';
import { formatShare, type Lang } from '../../i18n/format';
import { gridExtent, TILE_SIZE, tooltipPosition } from './tile-geometry';
import { MapTile } from './tile-map-tile';
import { TileTooltip } from './tile-map-tooltip';
import type { MapCell } from './to-chart-rows';

/**
 * SVG tile map (so the PNG download works like any chart). Tiles are focusable buttons:
 * hover or focus shows the figures, click / Enter / Space selects the area.
 */
export function TileMap({
  cells,
  selected,
  onSelect,
  unitScale = 1,
  label,
}: {
  cells: MapCell[];
  selected?: string;
  onSelect: (code: string) => void;
  unitScale?: number;
  label: string;
}) {
  const [hover, setHover] = useState<MapCell | null>(null);
  const size = TILE_SIZE * unitScale;
  const extent = gridExtent(cells, size);
  return (
    <div className="tile-map-wrap" style={{ position: 'relative', maxWidth: extent.width, margin: '0 auto' }}>
      <svg data-chart="tile-map" viewBox={`0 0 ${extent.width} ${extent.height}`} width="100%" role="group" aria-label={label} style={{ display: 'block' }}>
        <TilePatterns />
        {cells.map((c) => (
          <MapTile key={c.code} cell={c} size={size} large={unitScale > 1} selected={selected === c.code} onSelect={onSelect} onHover={setHover} />
        ))}
      </svg>
      {hover && <TileTooltip cell={hover} position={tooltipPosition(hover, size, extent)} />}
    </div>
  );
}

/** Fills the tiles refer to by id (`url(#tile-…)`): no data, and the two neutral flags. */
function TilePatterns() {
  return (
    <defs>
      <pattern id="tile-nodata" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="8" height="8" fill="#f1f3f6" />
        <line x1="0" y1="0" x2="0" y2="8" stroke="#c9d0da" strokeWidth="3" />
      </pattern>
      {/* The neutral flags: dots over their greys, so they never read as a scale colour. */}
      <pattern id="tile-uncertain" width="5" height="5" patternUnits="userSpaceOnUse">
        <rect width="5" height="5" fill={FLAG_COLORS.uncertain} />
        <circle cx="2.5" cy="2.5" r="0.9" fill="#5b6472" />
      </pattern>
      <pattern id="tile-small" width="7" height="7" patternUnits="userSpaceOnUse">
        <rect width="7" height="7" fill={FLAG_COLORS['too-small']} />
        <circle cx="3.5" cy="3.5" r="0.8" fill="#8a93a0" />
      </pattern>
    </defs>
  );
}

/**
 * Legend of the map: one entry per class, with the share ranges cut at exactly the flag thresholds
 * (so it reads like the flag rule), then the neutral classes and no data.
 */
export function MapLegend({ thresholds }: { thresholds: FlagThresholds }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const fmt = (x: number) => formatShare(x, lang);
  return (
    <div className="map-legend" aria-label={t('regions.legendTitle')} data-map-legend>
      <strong>{t('regions.legendTitle')}</strong>
      <ul className="map-legend-list">
        {MAP_CLASSES.map((c) => (
          <li key={String(c)} data-class={String(c)}>
            <span
              aria-hidden="true"
              className={`map-legend-swatch${typeof c === 'number' ? '' : ` pattern-${c}`}`}
              style={{ backgroundColor: mapClassColor(c) }}
            />
            <span>
              {FLAG_ICONS[classFlag(c)]} {t(`flag.${classFlag(c)}`)}
              {classRange(c, thresholds, fmt) && <span className="count"> ({classRange(c, thresholds, fmt)})</span>}
            </span>
          </li>
        ))}
        <li data-class="none">
          <span aria-hidden="true" className="map-legend-swatch pattern-nodata" />
          <span>{t('regions.noData')}</span>
        </li>
      </ul>
      <span className="count">{t('regions.legendHint')}</span>
    </div>
  );
}
