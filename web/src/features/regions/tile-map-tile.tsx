import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { textOn } from '../../components/colors';
import { shareOf } from '../../components/flag-scale';
import { formatShare, formatSigned, MISSING, type Lang } from '../../i18n/format';
import { tileBox } from './tile-geometry';
import { wrapWords, type MapCell } from './to-chart-rows';

/** Characters per line of an area's name on a large (region) tile. */
const NAME_WRAP = 14;

export interface MapTileProps {
  cell: MapCell;
  size: number;
  /** Region blocks are large enough for the full name; province tiles show the abbreviation. */
  large: boolean;
  selected: boolean;
  onSelect: (code: string) => void;
  /** The tile hovered or focused (null when left), for the tooltip. */
  onHover: (cell: MapCell | null) => void;
}

/**
 * One area of the tile map: a focusable button (click / Enter / Space selects) showing its
 * abbreviation — or its wrapped name when large — and the share its colour reads.
 */
export function MapTile({ cell: c, size, large, selected, onSelect, onHover }: MapTileProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { x, y, w, h } = tileBox(c, size);
  const ink = textOn(c.colorClass);
  const nameLines = wrapWords(c.name, NAME_WRAP);
  // The number on a tile is the share the colour reads; a too-small cell is not assessed.
  const share = c.gap && c.gap.flag !== 'too-small' ? shareOf(c.gap) : null;
  const shareText = share === null ? MISSING : formatShare(share, lang);
  // The accessible name starts with the text the tile shows (WCAG 2.5.3), then says it in full.
  const visible = `${large ? c.name : c.abbr} ${shareText}`;
  const aria = c.gap
    ? `${visible} · ${c.name}: ${t('gaps.imbalance')} ${formatSigned(c.gap.imbalance, lang)} (${formatShare(shareOf(c.gap), lang)}), ${t(`flag.${c.gap.flag}`)}`
    : `${visible} · ${c.name}: ${t('state.emptyTitle')}`;
  const key = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(c.code);
    }
  };
  return (
    <g
      role="button"
      tabIndex={0}
      aria-label={aria}
      aria-pressed={selected}
      data-code={c.code}
      className="tile-g"
      style={{ cursor: 'pointer' }}
      onClick={() => onSelect(c.code)}
      onKeyDown={key}
      onMouseEnter={() => onHover(c)}
      onMouseLeave={() => onHover(null)}
      onFocus={() => onHover(c)}
      onBlur={() => onHover(null)}
    >
      <rect x={x} y={y} width={w} height={h} rx={6} fill={c.fill} stroke={selected ? '#1a2233' : 'rgba(26,34,51,0.28)'} strokeWidth={selected ? 3 : 1} />
      {large ? (
        <text x={x + w / 2} y={y + h / 2 - 8 - (nameLines.length - 1) * 9} textAnchor="middle" fontSize={14} fontWeight={700} fill={ink}>
          {nameLines.map((line, i) => (
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
      <text x={x + w / 2} y={y + h / 2 + (large ? 18 + (nameLines.length - 1) * 9 : 14)} textAnchor="middle" fontSize={large ? 13 : 11} fill={ink}>
        {shareText}
      </text>
    </g>
  );
}
