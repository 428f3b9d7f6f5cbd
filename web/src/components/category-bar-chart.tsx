import { Children, isValidElement, type ReactNode } from 'react';
import { BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { formatInteger, type Lang } from '../i18n/format';
import { axisTickFormatter } from './axis-units';
import { VALUE_AXIS } from './colors';
import { tooltipHeading } from './status';
import { useNarrow } from './use-narrow';
import { WrappedXTick } from './wrapped-tick';

/**
 * A bar chart over categories (qualification levels and the like): rows carry a
 * `short` axis label and a full `label` for the tooltip. The bars are the children,
 * so each chart states only what it plots.
 */
export function CategoryBarChart({
  rows,
  height,
  tickWidth = 90,
  formatValue = formatInteger,
  stackOffset,
  children,
}: {
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
  const tick = axisTickFormatter(barExtent(rows, children), lang, t);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 12, bottom: 4, left: 4 }} stackOffset={stackOffset}>
        <CartesianGrid stroke="#e2e6ec" vertical={false} />
        <XAxis dataKey="short" tick={<WrappedXTick width={tickWidth} slanted={narrow} />} interval={0} height={narrow ? 64 : 44} />
        <YAxis tickFormatter={tick} {...VALUE_AXIS} width={64} />
        <Tooltip
          formatter={(v, name) => [formatValue(Number(v), lang), String(name)]}
          labelFormatter={(_, p) => tooltipHeading(p?.[0]?.payload?.label, p?.[0]?.payload, t)}
        />
        {children}
      </BarChart>
    </ResponsiveContainer>
  );
}

/**
 * How far the bars reach from zero: each bar's value, or for stacked bars (`stackId`) the sum of
 * the stack's positive and of its negative parts, read from the Bar children's `dataKey`s.
 */
export function barExtent(rows: object[], children: ReactNode): number {
  const bars = Children.toArray(children)
    .filter(isValidElement)
    .map((el) => el.props as { dataKey?: unknown; stackId?: unknown })
    .filter((p) => typeof p.dataKey === 'string');
  let max = 0;
  for (const row of rows as Record<string, unknown>[]) {
    const stacks = new Map<string, { pos: number; neg: number }>();
    bars.forEach((b, i) => {
      const v = row[b.dataKey as string];
      if (typeof v !== 'number' || !Number.isFinite(v)) return;
      const key = b.stackId === undefined ? `bar${i}` : String(b.stackId);
      const s = stacks.get(key) ?? { pos: 0, neg: 0 };
      if (v >= 0) s.pos += v;
      else s.neg += v;
      stacks.set(key, s);
    });
    for (const s of stacks.values()) max = Math.max(max, s.pos, -s.neg);
  }
  return max;
}
