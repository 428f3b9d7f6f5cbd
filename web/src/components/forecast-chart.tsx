import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { lastObservedPeriod, mergedRowStatuses, type MergedRow } from '../adapters/forecast-columns';
import { formatCompact, formatValue, type Lang } from '../i18n/format';
import type { LegendItem } from './png';
import { AXIS_TICK } from './colors';

export interface ForecastSeriesDef {
  key: string;
  label: string;
  color: string;
}

/** Legend entries for forecast series: observed, projected, and the 80 %/95 % bands in the series colour. */
export function forecastLegend(series: ForecastSeriesDef[], t: (key: string) => string): LegendItem[] {
  return series.flatMap((s): LegendItem[] => [
    { label: `${s.label} — ${t('chart.observed')}`, color: s.color, kind: 'line' },
    { label: `${s.label} — ${t('chart.projected')}`, color: s.color, kind: 'dashed' },
    // 8-digit hex: the swatch shows the band's translucent fill (also understood by canvas for PNGs).
    { label: `${s.label} — ${t('chart.bands')}`, color: `${s.color}66`, kind: 'band' },
  ]);
}

/** History (solid), forecast mean (dashed) and 80 %/95 % bands for one or more series. */
export function ForecastChart({ rows, series, unit, height = 300 }: { rows: MergedRow[]; series: ForecastSeriesDef[]; unit: string; height?: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const cut = lastObservedPeriod(rows);
  const fmt = (v: unknown) =>
    Array.isArray(v) ? `${formatValue(Number(v[0]), unit, lang)} – ${formatValue(Number(v[1]), unit, lang)}` : formatValue(Number(v), unit, lang);
  const axis = (v: number) => (unit === 'percent' ? `${formatValue(v, unit, lang)}` : formatCompact(v, lang));
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: 4, left: 4 }}>
        <CartesianGrid stroke="#e2e6ec" vertical={false} />
        <XAxis dataKey="period" tick={AXIS_TICK} tickLine={false} axisLine={{ stroke: '#aab3c0' }} minTickGap={16} />
        <YAxis tickFormatter={axis} tick={AXIS_TICK} width={64} tickLine={false} axisLine={false} domain={['auto', 'auto']} />
        <Tooltip
          formatter={(value, name) => [fmt(value), String(name)]}
          labelFormatter={(label, payload) => statusLabel(label, payload?.[0]?.payload as MergedRow | undefined, t)}
          labelStyle={{ fontWeight: 600 }}
        />
        {series.map((s) => (
          <Area key={`${s.key}95`} dataKey={`${s.key}_band95`} name={`${s.label} · ${t('chart.band95')}`} stroke="none" fill={s.color} fillOpacity={0.14} isAnimationActive={false} connectNulls />
        ))}
        {series.map((s) => (
          <Area key={`${s.key}80`} dataKey={`${s.key}_band80`} name={`${s.label} · ${t('chart.band80')}`} stroke="none" fill={s.color} fillOpacity={0.28} isAnimationActive={false} connectNulls />
        ))}
        {series.map((s) => (
          <Line key={`${s.key}a`} dataKey={`${s.key}_actual`} name={`${s.label} · ${t('chart.observed')}`} stroke={s.color} strokeWidth={2.5} dot={{ r: 2 }} isAnimationActive={false} connectNulls />
        ))}
        {series.map((s) => (
          <Line key={`${s.key}m`} dataKey={`${s.key}_mean`} name={`${s.label} · ${t('chart.projected')}`} stroke={s.color} strokeWidth={2} strokeDasharray="6 4" dot={false} isAnimationActive={false} connectNulls />
        ))}
        {cut && <ReferenceLine x={cut} stroke="#6b7686" strokeDasharray="3 3" label={{ value: t('chart.forecastStarts'), position: 'insideTopRight', fontSize: 11, fill: '#3d4757' }} />}
      </ComposedChart>
    </ResponsiveContainer>
  );
}

/** Tooltip heading: the period and what its numbers are ("2024 · Official statistic"). */
export function statusLabel(label: unknown, row: MergedRow | undefined, t: (key: string) => string): string {
  const statuses = row ? mergedRowStatuses(row) : [];
  return statuses.length ? `${String(label)} · ${statuses.map((s) => t(`status.${s}`)).join(', ')}` : String(label);
}
