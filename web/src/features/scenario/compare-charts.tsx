import { Bar, BarChart, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { AXIS_TICK, VALUE_AXIS, SERIES } from '../../components/colors';
import { useNarrow } from '../../components/use-narrow';
import { WrappedTick } from '../../components/wrapped-tick';
import { periodLabel, useYearAxis } from '../../components/year-axis';
import { formatCompact, formatDecimal, formatSigned, type Lang } from '../../i18n/format';
import type { GapCompareRow, SystemCompareRow } from './compare-rows';

/** Colours of the three gap measures' differences (Okabe–Ito, as elsewhere). */
export const DIFF_COLORS = { openings: SERIES.expansion, newSupply: SERIES.newSupply, imbalance: SERIES.target } as const;
export const SYSTEM_COLORS = { employment: SERIES.demand, demand: SERIES.expansion, labourForce: SERIES.supply, unemploymentRate: '#3d4757' } as const;

/** B − A by forecast year: employment, labour demand and labour force as bars (persons), the unemployment rate as a line (points). */
export function SystemDiffChart({ rows, height }: { rows: SystemCompareRow[]; height: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const pp = (v: number) => `${v > 0 ? '+' : ''}${formatDecimal(v, lang, 2)} ${t('units.pp')}`;
  const { data, xAxis } = useYearAxis(rows, 0.5);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 4, left: 4 }}>
        <CartesianGrid stroke="#e2e6ec" vertical={false} yAxisId="left" />
        {/* Numeric years like every time chart; half a year of padding keeps the end bars whole. */}
        <XAxis {...xAxis} />
        <YAxis yAxisId="left" tickFormatter={(v: number) => formatCompact(v, lang)} {...VALUE_AXIS} width={56} />
        <YAxis yAxisId="right" orientation="right" tickFormatter={(v: number) => formatDecimal(v, lang, 2)} {...VALUE_AXIS} width={44} />
        <ReferenceLine yAxisId="left" y={0} stroke="#3d4757" />
        <Tooltip
          formatter={(v, name, item) => [item.dataKey === 'unemploymentRateDiff' ? pp(Number(v)) : formatSigned(Number(v), lang), String(name)]}
          labelFormatter={periodLabel}
        />
        <Bar yAxisId="left" dataKey="employmentDiff" name={t('overview.employment')} fill={SYSTEM_COLORS.employment} isAnimationActive={false} />
        <Bar yAxisId="left" dataKey="demandDiff" name={t('overview.demandLine')} fill={SYSTEM_COLORS.demand} isAnimationActive={false} />
        <Bar yAxisId="left" dataKey="labourForceDiff" name={t('overview.labourForce')} fill={SYSTEM_COLORS.labourForce} isAnimationActive={false} />
        <Line
          yAxisId="right"
          dataKey="unemploymentRateDiff"
          name={t('compare.unemploymentPoints')}
          stroke={SYSTEM_COLORS.unemploymentRate}
          strokeWidth={2}
          dot
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

/** B − A of openings, new supply and imbalance for the rows that change most, as horizontal bars. */
export function GapDiffChart({ rows, height }: { rows: GapCompareRow[]; height: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const labelWidth = useNarrow() ? 120 : 240;
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart accessibilityLayer={false} data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
        <CartesianGrid stroke="#e2e6ec" horizontal={false} />
        <XAxis type="number" tickFormatter={(v: number) => formatCompact(v, lang)} tick={AXIS_TICK} />
        <YAxis
          type="category"
          dataKey="label"
          width={labelWidth}
          tick={<WrappedTick width={labelWidth - 8} maxLines={labelWidth < 200 ? 3 : 2} />}
          interval={0}
        />
        <Tooltip formatter={(v, name) => [formatSigned(Number(v), lang), String(name)]} />
        <ReferenceLine x={0} stroke="#3d4757" />
        <Bar dataKey="openingsDiff" name={t('gaps.openings')} fill={DIFF_COLORS.openings} isAnimationActive={false} />
        <Bar dataKey="newSupplyDiff" name={t('gaps.newSupply')} fill={DIFF_COLORS.newSupply} isAnimationActive={false} />
        <Bar dataKey="imbalanceDiff" name={t('gaps.imbalance')} fill={DIFF_COLORS.imbalance} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
