import type { ReactNode } from 'react';
import { BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { formatCompact, formatInteger, type Lang } from '../i18n/format';
import { AXIS_TICK } from './colors';
import { tooltipHeading } from './status';
import { useNarrow } from './use-narrow';
import { WrappedXTick } from './wrapped-tick';

/**
 * A bar chart over categories (qualification levels and the like): rows carry a
 * `short` axis label and a full `label` for the tooltip. The bars are the children,
 * so each chart states only what it plots.
 */
export function CategoryBarChart({ rows, height, tickWidth = 90, formatValue = formatInteger, stackOffset, children }: {
  rows: object[];
  height: number;
  tickWidth?: number;
  /** `sign` stacks negative parts below zero and positive ones above (net expansion + replacement). */
  stackOffset?: 'sign';
  /** How the tooltip writes a value (default: whole persons). */
  formatValue?: (value: number, lang: Lang) => string;
  children: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const narrow = useNarrow();
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={rows} margin={{ top: 8, right: 12, bottom: 4, left: 4 }} stackOffset={stackOffset}>
        <CartesianGrid stroke="#e2e6ec" vertical={false} />
        <XAxis dataKey="short" tick={<WrappedXTick width={tickWidth} slanted={narrow} />} interval={0} height={narrow ? 64 : 44} />
        <YAxis tickFormatter={(v: number) => formatCompact(v, lang)} tick={AXIS_TICK} width={56} />
        <Tooltip formatter={(v, name) => [formatValue(Number(v), lang), String(name)]} labelFormatter={(_, p) => tooltipHeading(p?.[0]?.payload?.label, p?.[0]?.payload, t)} />
        {children}
      </BarChart>
    </ResponsiveContainer>
  );
}
