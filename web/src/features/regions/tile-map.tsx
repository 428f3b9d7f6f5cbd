import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FLAG_COLORS, textOn } from '../../components/colors';
import { FLAG_ICONS, StatusLine } from '../../components/badges';
import { classFlag, classRange, MAP_CLASSES, mapClassColor, shareOf, type FlagThresholds } from '../../components/flag-scale';
import { basisOf } from '../../adapters/basis';
import { formatDecimal, formatInteger, formatShare, formatSigned, MISSING, type Lang } from '../../i18n/format';
import { wrapWords, type MapCell } from './to-chart-rows';

const SIZE = 56;
const GAP = 5;

/**
 * SVG tile map (so the PNG download works like any chart). Tiles are focusable buttons:
 * hover or focus shows the figures, click / Enter / Space selects the area.
 */
export function TileMap({ cells, selected, onSelect, unitScale = 1, label }: { cells: MapCell[]; selected?: string; onSelect: (code: string) => void; unitScale?: number; label: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [hover, setHover] = useState<MapCell | null>(null);
  const size = SIZE * unitScale;
  const cols = Math.max(...cells.map((c) => c.col + c.w));
  const rows = Math.max(...cells.map((c) => c.row + c.h));
  const width = cols * (size + GAP);
  const height = rows * (size + GAP);
  const key = (e: KeyboardEvent, code: string) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(code);
    }
  };
  return (
    <div className="tile-map-wrap" style={{ position: 'relative', maxWidth: width, margin: '0 auto' }}>
      <svg data-chart="tile-map" viewBox={`0 0 ${width} ${height}`} width="100%" role="group" aria-label={label} style={{ display: 'block' }}>
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
        {cells.map((c) => {
          const x = c.col * (size + GAP);
          const y = c.row * (size + GAP);
          const w = c.w * size + (c.w - 1) * GAP;
          const h = c.h * size + (c.h - 1) * GAP;
          const ink = textOn(c.colorClass);
          // The number on a tile is the share the colour reads; a too-small cell is not assessed.
          const share = c.gap && c.gap.flag !== 'too-small' ? shareOf(c.gap) : null;
          const shareText = share === null ? MISSING : formatShare(share, lang);
          // The accessible name starts with the text the tile shows (WCAG 2.5.3), then says it in full.
          const visible = `${unitScale > 1 ? c.name : c.abbr} ${shareText}`;
          const aria = c.gap
            ? `${visible} · ${c.name}: ${t('gaps.imbalance')} ${formatSigned(c.gap.imbalance, lang)} (${formatShare(shareOf(c.gap), lang)}), ${t(`flag.${c.gap.flag}`)}`
            : `${visible} · ${c.name}: ${t('state.emptyTitle')}`;
          return (
            <g
              key={c.code}
              role="button"
              tabIndex={0}
              aria-label={aria}
              aria-pressed={selected === c.code}
              data-code={c.code}
              className="tile-g"
              style={{ cursor: 'pointer' }}
              onClick={() => onSelect(c.code)}
              onKeyDown={(e) => key(e, c.code)}
              onMouseEnter={() => setHover(c)}
              onMouseLeave={() => setHover(null)}
              onFocus={() => setHover(c)}
              onBlur={() => setHover(null)}
            >
              <rect x={x} y={y} width={w} height={h} rx={6} fill={c.fill} stroke={selected === c.code ? '#1a2233' : 'rgba(26,34,51,0.28)'} strokeWidth={selected === c.code ? 3 : 1} />
              {unitScale > 1 ? (
                <text x={x + w / 2} y={y + h / 2 - 8 - (wrapWords(c.name, 14).length - 1) * 9} textAnchor="middle" fontSize={14} fontWeight={700} fill={ink}>
                  {wrapWords(c.name, 14).map((line, i) => (
                    <tspan key={i} x={x + w / 2} dy={i === 0 ? 0 : 17}>
                      {line}
                    </tspan>
                  ))}
                </text>
              ) : (
                <text x={x + w / 2} y={y + h / 2 - 2} textAnchor="middle" fontSize={14} fontWeight={700} fill={ink}>
                  {c.abbr}
                </text>
              )}
              <text x={x + w / 2} y={y + h / 2 + (unitScale > 1 ? 18 + (wrapWords(c.name, 14).length - 1) * 9 : 14)} textAnchor="middle" fontSize={unitScale > 1 ? 13 : 11} fill={ink}>
                {shareText}
              </text>
            </g>
          );
        })}
      </svg>
      {hover && (
        <div
          className="map-tooltip"
          role="tooltip"
          style={{
            left: `${Math.min(((hover.col + hover.w) * (size + GAP)) / width, 0.55) * 100}%`,
            top: `${((hover.row * (size + GAP)) / height) * 100}%`,
          }}
        >
          <strong>{hover.name}</strong>
          {hover.gap ? (
            <dl className="kv">
              <dt>{t('gaps.openings')}</dt>
              <dd>{formatInteger(hover.gap.openings, lang)}</dd>
              <dt>{t('gaps.newSupply')}</dt>
              <dd>{formatInteger(hover.gap.newSupply, lang)}</dd>
              <dt>{t('gaps.imbalance')}</dt>
              <dd>{formatSigned(hover.gap.imbalance, lang)}</dd>
              <dt>{t('gaps.imbalanceShare')}</dt>
              <dd>{formatShare(shareOf(hover.gap), lang)}</dd>
              <dt>{t('gaps.ratio')}</dt>
              <dd>{formatDecimal(hover.gap.ratio, lang, 2)}</dd>
              <dt>{t('gaps.flag')}</dt>
              <dd>{t(`flag.${hover.gap.flag}`)}</dd>
              <dt>{t('status.label')}</dt>
              <dd><StatusLine statuses={[hover.gap.status]} basis={basisOf(hover.gap)} /></dd>
            </dl>
          ) : (
            <div>{t('state.emptyTitle')}</div>
          )}
        </div>
      )}
    </div>
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
            <span aria-hidden="true" className={`map-legend-swatch${typeof c === 'number' ? '' : ` pattern-${c}`}`} style={{ backgroundColor: mapClassColor(c) }} />
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
