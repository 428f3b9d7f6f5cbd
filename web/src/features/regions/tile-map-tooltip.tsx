import { useTranslation } from 'react-i18next';
import { StatusLine } from '../../components/badges';
import { shareOf } from '../../components/flag-scale';
import { basisOf } from '../../adapters/basis';
import { formatDecimal, formatInteger, formatShare, formatSigned, type Lang } from '../../i18n/format';
import type { MapCell } from './to-chart-rows';

/** The figures of the hovered or focused tile, placed over the map at `position` (CSS left/top). */
export function TileTooltip({ cell, position }: { cell: MapCell; position: { left: string; top: string } }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  return (
    <div className="map-tooltip" role="tooltip" style={position}>
      <strong>{cell.name}</strong>
      {cell.gap ? (
        <dl className="kv">
          <dt>{t('gaps.openings')}</dt>
          <dd>{formatInteger(cell.gap.openings, lang)}</dd>
          <dt>{t('gaps.newSupply')}</dt>
          <dd>{formatInteger(cell.gap.newSupply, lang)}</dd>
          <dt>{t('gaps.imbalance')}</dt>
          <dd>{formatSigned(cell.gap.imbalance, lang)}</dd>
          <dt>{t('gaps.imbalanceShare')}</dt>
          <dd>{formatShare(shareOf(cell.gap), lang)}</dd>
          <dt>{t('gaps.ratio')}</dt>
          <dd>{formatDecimal(cell.gap.ratio, lang, 2)}</dd>
          <dt>{t('gaps.flag')}</dt>
          <dd>{t(`flag.${cell.gap.flag}`)}</dd>
          <dt>{t('status.label')}</dt>
          <dd>
            <StatusLine statuses={[cell.gap.status]} basis={basisOf(cell.gap)} />
          </dd>
        </dl>
      ) : (
        <div>{t('state.emptyTitle')}</div>
      )}
    </div>
  );
}
