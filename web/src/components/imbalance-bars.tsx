import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { formatSigned, type Lang } from '../i18n/format';
import { axisTickFormatter, maxAbsOf } from './axis-units';
import { FLAGS } from './flag-scale';
import type { LegendItem } from './png';
import type { Flag } from '../api/types';
import { AXIS_TICK, FLAG_COLORS } from './colors';
import { tooltipHeading } from './status';
import { WrappedTick } from './wrapped-tick';
import { useNarrow } from './use-narrow';

/** Horizontal diverging bars coloured by flag: shortages in orange, surpluses in purple, uncertain and too-small cells in greys. */
export function ImbalanceBars<Row extends { label: string; imbalance: number; flag: Flag }>({
  rows,
  height,
  labelWidth: wideLabelWidth = 280,
}: {
  rows: Row[];
  height: number;
  labelWidth?: number;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const labelWidth = useNarrow() ? 140 : wideLabelWidth;
  const tick = axisTickFormatter(maxAbsOf(rows.map((r) => r.imbalance)), lang, t);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart accessibilityLayer={false} data={rows} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 4 }}>
        <CartesianGrid stroke="#e2e6ec" horizontal={false} />
        <XAxis type="number" tickFormatter={tick} tick={AXIS_TICK} />
        <YAxis
          type="category"
          dataKey="label"
          width={labelWidth}
          tick={<WrappedTick width={labelWidth - 8} maxLines={labelWidth < 200 ? 3 : 2} />}
          interval={0}
        />
        <Tooltip
          formatter={(v) => [formatSigned(Number(v), lang), t('gaps.imbalance')]}
          labelFormatter={(label, payload) => tooltipHeading(label, payload?.[0]?.payload as { basis?: unknown } | undefined, t)}
        />
        <ReferenceLine x={0} stroke="#3d4757" />
        <Bar dataKey="imbalance" name={t('gaps.imbalance')} isAnimationActive={false}>
          {rows.map((r, i) => (
            <Cell key={i} fill={FLAG_COLORS[r.flag]} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Legend of the bars: one entry for each flag colour drawn (balanced and uncertain greys included). */
export function imbalanceLegend(rows: readonly { flag: Flag }[], t: (key: string) => string): LegendItem[] {
  const drawn = new Set(rows.map((r) => r.flag));
  return FLAGS.filter((f) => drawn.has(f)).map((f) => ({ label: t(`flag.${f}`), color: FLAG_COLORS[f], kind: 'bar' as const }));
}
