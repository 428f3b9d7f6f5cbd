import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { lastObservedPeriod, mergedRowStatuses, periodToYear, type MergedRow } from '../adapters/forecast-columns';
import { formatValue, type Lang } from '../i18n/format';
import { axisTickFormatter, maxAbsOf } from './axis-units';
import { BREAK_COLOR, BREAK_DASH } from './series-break';
import type { LegendItem } from './png';
import { VALUE_AXIS } from './colors';
import { useBoxWidth } from './use-box-width';
import { useYearAxis } from './year-axis';

export interface ForecastSeriesDef {
  key: string;
  label: string;
  color: string;
  /** `right`: drawn against a second axis in `rightUnit` (e.g. a rate beside persons). */
  axis?: 'left' | 'right';
}

/** An extra line drawn as is from a row key (no band, no history/forecast split), e.g. labour demand. */
export interface ChartLineDef {
  key: string;
  label: string;
  color: string;
  axis?: 'left' | 'right';
  /** SVG dash pattern (default a short dash, distinct from the forecast's "6 4"). */
  dash?: string;
}

/** A vertical mark on the time axis, e.g. a series break ("2021: LFS re-weighting"). */
export interface ChartMark {
  /** Position on the year axis (periodToYear). */
  year: number;
  label: string;
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

/** Legend entries for extra lines, dashed with the pattern the chart draws them with. */
export function linesLegend(lines: ChartLineDef[]): LegendItem[] {
  return lines.map((l) => ({ label: l.label, color: l.color, kind: 'dashed', dash: l.dash ?? LINE_DASH }));
}

/** Default dash of extra lines: distinct from the forecast's "6 4". */
export const LINE_DASH = '2 3';

/**
 * History (solid), forecast mean (dashed) and 80 %/95 % bands for one or more series, on a real
 * time axis: x is the year as a number (quarters at fractional years), so 2010 and 2015 are five
 * years apart whatever periods are present. Series with `axis: 'right'` use a second axis in
 * `rightUnit`; `marks` draw labelled vertical lines (series breaks).
 */
export function ForecastChart({
  rows,
  series,
  unit,
  rightUnit = 'percent',
  marks = [],
  lines = [],
  height = 300,
}: {
  rows: MergedRow[];
  series: ForecastSeriesDef[];
  unit: string;
  rightUnit?: string;
  marks?: ChartMark[];
  /** Extra dashed lines read from row keys (the adapter puts the values on the rows). */
  lines?: ChartLineDef[];
  height?: number;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { data, xAxis } = useYearAxis(rows);
  const [min, max] = xAxis.domain;
  const cut = lastObservedPeriod(rows);
  const hasRight = series.some((s) => s.axis === 'right');
  const unitOf = (dataKey: unknown) => {
    const s = series.find((x) => typeof dataKey === 'string' && dataKey.startsWith(`${x.key}_`)) ?? lines.find((x) => x.key === dataKey);
    return s?.axis === 'right' ? rightUnit : unit;
  };
  const fmt = (v: unknown, u: string) =>
    Array.isArray(v) ? `${formatValue(Number(v[0]), u, lang)} – ${formatValue(Number(v[1]), u, lang)}` : formatValue(Number(v), u, lang);
  // One unit per axis, picked from the largest value the axis draws (bands included).
  const extent = (side: 'left' | 'right') => {
    const keys = [
      ...series.filter((s) => yId(s) === side).flatMap((s) => [`${s.key}_actual`, `${s.key}_mean`, `${s.key}_band80`, `${s.key}_band95`]),
      ...lines.filter((l) => yId(l) === side).map((l) => l.key),
    ];
    return maxAbsOf(data.flatMap((r) => keys.map((k) => (r as Record<string, unknown>)[k])));
  };
  const axis = (u: string, side: 'left' | 'right') => (u === 'percent' ? (v: number) => formatValue(v, u, lang) : axisTickFormatter(extent(side), lang, t));
  // Sized from its box before the first paint (use-box-width.ts): drawn in the frame it appears in.
  const [boxRef, width] = useBoxWidth<HTMLDivElement>();
  return (
    <div ref={boxRef} className="chart-box" style={{ width: '100%', height }}>
      {width !== undefined && width > 0 && (
        <ComposedChart accessibilityLayer={false} width={width} height={height} data={data} margin={{ top: 8, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid stroke="#e2e6ec" vertical={false} yAxisId="left" />
          <XAxis {...xAxis} tickLine={false} axisLine={{ stroke: '#aab3c0' }} />
          <YAxis yAxisId="left" tickFormatter={axis(unit, 'left')} {...VALUE_AXIS} width={64} tickLine={false} axisLine={false} domain={['auto', 'auto']} />
          {hasRight && (
            <YAxis
              yAxisId="right"
              orientation="right"
              tickFormatter={axis(rightUnit, 'right')}
              {...VALUE_AXIS}
              width={56}
              tickLine={false}
              axisLine={false}
              domain={[0, 'auto']}
            />
          )}
          <Tooltip
            formatter={(value, name, item) => [fmt(value, unitOf((item as { dataKey?: unknown } | undefined)?.dataKey)), String(name)]}
            labelFormatter={(label, payload) => {
              const row = payload?.[0]?.payload as MergedRow | undefined;
              return statusLabel(row?.period ?? label, row, t);
            }}
            labelStyle={{ fontWeight: 600 }}
          />
          {bandAreas(series, 95, 0.14, t)}
          {bandAreas(series, 80, 0.28, t)}
          {seriesLines(series, t)}
          {extraLines(lines)}
          {verticalMarks(
            marks.filter((m) => m.year >= min && m.year <= max),
            cut,
            t,
            [min, max],
          )}
        </ComposedChart>
      )}
    </div>
  );
}

type Side = { axis?: 'left' | 'right' };
const yId = (s: Side) => (s.axis === 'right' ? 'right' : 'left');

// Recharts reads its direct children, so the parts below are element lists, not components.

/** The `level` % band of each series, filled translucent in the series colour. */
function bandAreas(series: ForecastSeriesDef[], level: 80 | 95, fillOpacity: number, t: (key: string) => string) {
  return series.map((s) => (
    <Area
      key={`${s.key}${level}`}
      yAxisId={yId(s)}
      dataKey={`${s.key}_band${level}`}
      name={`${s.label} · ${t(`chart.band${level}`)}`}
      stroke="none"
      fill={s.color}
      fillOpacity={fillOpacity}
      isAnimationActive={false}
      connectNulls
    />
  ));
}

/** Each series' history (solid, dotted points) and forecast mean (dashed "6 4"). */
function seriesLines(series: ForecastSeriesDef[], t: (key: string) => string) {
  return series.flatMap((s) => [
    <Line
      key={`${s.key}a`}
      yAxisId={yId(s)}
      dataKey={`${s.key}_actual`}
      name={`${s.label} · ${t('chart.observed')}`}
      stroke={s.color}
      strokeWidth={2.5}
      dot={{ r: 2 }}
      isAnimationActive={false}
      connectNulls
    />,
    <Line
      key={`${s.key}m`}
      yAxisId={yId(s)}
      dataKey={`${s.key}_mean`}
      name={`${s.label} · ${t('chart.projected')}`}
      stroke={s.color}
      strokeWidth={2}
      strokeDasharray="6 4"
      dot={false}
      isAnimationActive={false}
      connectNulls
    />,
  ]);
}

/** Extra lines drawn as they are (e.g. labour demand), dashed with their own pattern. */
function extraLines(lines: ChartLineDef[]) {
  return lines.map((l) => (
    <Line
      key={`line-${l.key}`}
      yAxisId={yId(l)}
      dataKey={l.key}
      name={l.label}
      stroke={l.color}
      strokeWidth={2}
      strokeDasharray={l.dash ?? LINE_DASH}
      dot={false}
      isAnimationActive={false}
      connectNulls
    />
  ));
}

/** Share of the time axis from its start within which a mark's label goes right of its line: on its left it would run into the y axis. */
const NEAR_START = 0.3;

/**
 * Marks label to the left of their line (to the right when the line is near the axis start: there
 * is no room on its left), the forecast start to its right, so they never overlap.
 */
function verticalMarks(marks: ChartMark[], cut: string | undefined, t: (key: string) => string, [min, max]: [number, number]) {
  const nearStart = (year: number) => max > min && (year - min) / (max - min) < NEAR_START;
  return [
    ...marks.map((m) => (
      <ReferenceLine
        key={`mark-${m.year}`}
        yAxisId="left"
        x={m.year}
        stroke={BREAK_COLOR}
        strokeDasharray={BREAK_DASH}
        // Right of its line a label can meet the forecast start's on a narrow chart: one line lower.
        label={
          nearStart(m.year)
            ? { value: m.label, position: 'insideTopLeft', dy: 14, fontSize: 11, fill: BREAK_COLOR }
            : { value: m.label, position: 'insideTopRight', fontSize: 11, fill: BREAK_COLOR }
        }
      />
    )),
    cut && (
      <ReferenceLine
        key="forecast-starts"
        yAxisId="left"
        x={periodToYear(cut)}
        stroke="#6b7686"
        strokeDasharray="3 3"
        label={{ value: t('chart.forecastStarts'), position: marks.length ? 'insideTopLeft' : 'insideTopRight', fontSize: 11, fill: '#3d4757' }}
      />
    ),
  ];
}

/** Tooltip heading: the period and what its numbers are ("2024 · Official statistic"). */
export function statusLabel(label: unknown, row: MergedRow | undefined, t: (key: string) => string): string {
  const statuses = row ? mergedRowStatuses(row) : [];
  return statuses.length ? `${String(label)} · ${statuses.map((s) => t(`status.${s}`)).join(', ')}` : String(label);
}
