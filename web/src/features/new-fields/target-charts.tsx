import { Area, Bar, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { AXIS_TICK, SERIES } from '../../components/colors';
import { CategoryBarChart } from '../../components/category-bar-chart';
import { formatCompact, formatInteger, type Lang } from '../../i18n/format';
import type { GraduateRow, TargetRow } from './to-chart-rows';

/** Trend forecast (with bands) against the policy target path. */
export function TargetChart({ rows, targetLevel, targetYear, height, yMax }: { rows: TargetRow[]; targetLevel: number; targetYear: number; height: number; yMax?: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const fmt = (v: unknown) => (Array.isArray(v) ? `${formatInteger(Number(v[0]), lang)} – ${formatInteger(Number(v[1]), lang)}` : formatInteger(Number(v), lang));
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart data={rows} margin={{ top: 12, right: 16, bottom: 4, left: 4 }}>
        <CartesianGrid stroke="#e2e6ec" vertical={false} />
        <XAxis dataKey="period" tick={AXIS_TICK} minTickGap={12} />
        <YAxis tickFormatter={(v: number) => formatCompact(v, lang)} tick={AXIS_TICK} width={56} domain={[0, yMax ?? 'auto']} allowDataOverflow={yMax !== undefined} />
        <Tooltip formatter={(v, name) => [fmt(v), String(name)]} />
        <Area dataKey="trendBand95" name={t('chart.band95')} stroke="none" fill={SERIES.trend} fillOpacity={0.14} isAnimationActive={false} />
        <Area dataKey="trendBand80" name={t('chart.band80')} stroke="none" fill={SERIES.trend} fillOpacity={0.28} isAnimationActive={false} />
        <Line dataKey="actual" name={t('chart.observed')} stroke="#1a2233" strokeWidth={2.5} dot={{ r: 2 }} isAnimationActive={false} connectNulls />
        <Line dataKey="trend" name={t('newFields.trend')} stroke={SERIES.trend} strokeWidth={2} strokeDasharray="6 4" dot={false} isAnimationActive={false} connectNulls />
        <Line dataKey="target" name={t('newFields.targetPath')} stroke={SERIES.target} strokeWidth={2.5} dot={{ r: 2.5 }} isAnimationActive={false} connectNulls />
        <ReferenceLine y={targetLevel} stroke={SERIES.target} strokeDasharray="2 3" label={{ value: `${t('newFields.target')} ${formatInteger(targetLevel, lang)} (${targetYear})`, position: 'insideTopLeft', fontSize: 11, fill: '#7a2e5b' }} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

/** Graduates per year needed vs current output, by level. */
export function GraduatesChart({ rows, height }: { rows: GraduateRow[]; height: number }) {
  const { t } = useTranslation();
  return (
    <CategoryBarChart rows={rows} height={height} tickWidth={110}>
      <Bar dataKey="needed" name={t('newFields.needed')} fill={SERIES.needed} isAnimationActive={false} />
      <Bar dataKey="current" name={t('newFields.current')} fill={SERIES.current} isAnimationActive={false} />
    </CategoryBarChart>
  );
}
