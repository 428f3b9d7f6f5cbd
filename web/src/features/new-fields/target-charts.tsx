import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { VALUE_AXIS, SERIES } from '../../components/colors';
import { formatCompact, formatInteger, type Lang } from '../../i18n/format';
import { periodLabel, useYearAxis } from '../../components/year-axis';
import type { AssumptionRow, CumulativeRow, TargetRow } from './to-chart-rows';

/** Workforce trend (with bands) and, where there is one, the scenario's assumed workforce path. */
export function TargetChart({ rows, height, yMax }: { rows: TargetRow[]; height: number; yMax?: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const fmt = (v: unknown) =>
    Array.isArray(v) ? `${formatInteger(Number(v[0]), lang)} – ${formatInteger(Number(v[1]), lang)}` : formatInteger(Number(v), lang);
  const { data, xAxis } = useYearAxis(rows);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 12, right: 16, bottom: 4, left: 4 }}>
        <CartesianGrid stroke="#e2e6ec" vertical={false} />
        <XAxis {...xAxis} />
        <YAxis
          tickFormatter={(v: number) => formatCompact(v, lang)}
          {...VALUE_AXIS}
          width={56}
          domain={[0, yMax ?? 'auto']}
          allowDataOverflow={yMax !== undefined}
        />
        <Tooltip formatter={(v, name) => [fmt(v), String(name)]} labelFormatter={periodLabel} />
        <Area dataKey="trendBand95" name={t('chart.band95')} stroke="none" fill={SERIES.trend} fillOpacity={0.14} isAnimationActive={false} />
        <Area dataKey="trendBand80" name={t('chart.band80')} stroke="none" fill={SERIES.trend} fillOpacity={0.28} isAnimationActive={false} />
        <Line dataKey="actual" name={t('chart.observed')} stroke="#1a2233" strokeWidth={2.5} dot={{ r: 2 }} isAnimationActive={false} connectNulls />
        <Line
          dataKey="trend"
          name={t('newFields.trend')}
          stroke={SERIES.trend}
          strokeWidth={2}
          strokeDasharray="6 4"
          dot={false}
          isAnimationActive={false}
          connectNulls
        />
        <Line
          dataKey="target"
          name={t('newFields.scenarioPath')}
          stroke={SERIES.target}
          strokeWidth={2}
          strokeDasharray="2 3"
          dot={false}
          isAnimationActive={false}
          connectNulls
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

/** Cumulative graduates needed by year against the decision's total. */
export function CumulativeChart({ rows, total, height }: { rows: CumulativeRow[]; total: number; height: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { data, xAxis } = useYearAxis(rows);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 16, right: 16, bottom: 4, left: 4 }}>
        <CartesianGrid stroke="#e2e6ec" vertical={false} />
        <XAxis {...xAxis} />
        <YAxis tickFormatter={(v: number) => formatCompact(v, lang)} {...VALUE_AXIS} width={56} domain={[0, 'auto']} />
        <Tooltip formatter={(v, name) => [formatInteger(Number(v), lang), String(name)]} labelFormatter={periodLabel} />
        <Area
          dataKey="needed"
          name={t('newFields.cumulativeNeeded')}
          stroke={SERIES.needed}
          fill={SERIES.needed}
          fillOpacity={0.18}
          strokeWidth={2}
          isAnimationActive={false}
        />
        <ReferenceLine
          y={total}
          stroke={SERIES.target}
          strokeDasharray="2 3"
          label={{ value: `${t('newFields.targetTotal')} ${formatInteger(total, lang)}`, position: 'insideTopLeft', fontSize: 11, fill: '#7a2e5b' }}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

/** Workforce from the user's assumption at the low and high ends of the production target. */
export function AssumptionChart({ rows, height, lowLabel, highLabel }: { rows: AssumptionRow[]; height: number; lowLabel: string; highLabel: string }) {
  const { i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { data, xAxis } = useYearAxis(rows);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 12, right: 16, bottom: 4, left: 4 }}>
        <CartesianGrid stroke="#e2e6ec" vertical={false} />
        <XAxis {...xAxis} />
        <YAxis tickFormatter={(v: number) => formatCompact(v, lang)} {...VALUE_AXIS} width={56} domain={[0, 'auto']} />
        <Tooltip formatter={(v, name) => [formatInteger(Number(v), lang), String(name)]} labelFormatter={periodLabel} />
        <Line dataKey="low" name={lowLabel} stroke={SERIES.target} strokeWidth={2} strokeDasharray="6 4" dot={{ r: 2 }} isAnimationActive={false} />
        <Line dataKey="high" name={highLabel} stroke={SERIES.needed} strokeWidth={2} strokeDasharray="6 4" dot={{ r: 2 }} isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
