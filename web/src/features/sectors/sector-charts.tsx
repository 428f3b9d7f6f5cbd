import { Bar, BarChart, CartesianGrid, Cell, ErrorBar, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { FLAG_COLORS, SERIES } from '../../components/colors';
import { WrappedXTick } from '../../components/wrapped-tick';
import { useNarrow } from '../../components/use-narrow';
import { formatCompact, formatInteger, formatSigned, type Lang } from '../../i18n/format';
import type { ImbalanceRow, OpeningsRow } from './to-chart-rows';

const axisTick = { fontSize: 12, fill: '#3d4757' };

/** Openings by qualification: expansion and replacement stacked. */
export function OpeningsChart({ rows, height }: { rows: OpeningsRow[]; height: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const narrow = useNarrow();
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={rows} margin={{ top: 8, right: 12, bottom: 4, left: 4 }}>
        <CartesianGrid stroke="#e2e6ec" vertical={false} />
        <XAxis dataKey="short" tick={<WrappedXTick width={90} slanted={narrow} />} interval={0} height={narrow ? 64 : 44} />
        <YAxis tickFormatter={(v: number) => formatCompact(v, lang)} tick={axisTick} width={56} />
        <Tooltip formatter={(v, name) => [formatInteger(Number(v), lang), String(name)]} labelFormatter={(_, p) => String(p?.[0]?.payload?.label ?? '')} />
        <Bar dataKey="expansion" stackId="o" name={t('gaps.expansion')} fill={SERIES.expansion} isAnimationActive={false} />
        <Bar dataKey="replacement" stackId="o" name={t('gaps.replacement')} fill={SERIES.replacement} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

/** New supply by qualification, beside openings for reference. */
export function SupplyChart({ rows, height }: { rows: OpeningsRow[]; height: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const narrow = useNarrow();
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={rows} margin={{ top: 8, right: 12, bottom: 4, left: 4 }}>
        <CartesianGrid stroke="#e2e6ec" vertical={false} />
        <XAxis dataKey="short" tick={<WrappedXTick width={90} slanted={narrow} />} interval={0} height={narrow ? 64 : 44} />
        <YAxis tickFormatter={(v: number) => formatCompact(v, lang)} tick={axisTick} width={56} />
        <Tooltip formatter={(v, name) => [formatInteger(Number(v), lang), String(name)]} labelFormatter={(_, p) => String(p?.[0]?.payload?.label ?? '')} />
        <Bar dataKey="newSupply" name={t('gaps.newSupply')} fill={SERIES.newSupply} isAnimationActive={false} />
        <Bar dataKey="openings" name={t('gaps.openings')} fill="#7f8a99" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Imbalance by qualification with the 80 % interval as error bars. */
export function ImbalanceChart({ rows, height }: { rows: ImbalanceRow[]; height: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const narrow = useNarrow();
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={rows} margin={{ top: 8, right: 12, bottom: 4, left: 4 }}>
        <CartesianGrid stroke="#e2e6ec" vertical={false} />
        <XAxis dataKey="short" tick={<WrappedXTick width={90} slanted={narrow} />} interval={0} height={narrow ? 64 : 44} />
        <YAxis tickFormatter={(v: number) => formatCompact(v, lang)} tick={axisTick} width={56} />
        <Tooltip formatter={(v, name) => [formatSigned(Number(v), lang), String(name)]} labelFormatter={(_, p) => String(p?.[0]?.payload?.label ?? '')} />
        <ReferenceLine y={0} stroke="#3d4757" />
        <Bar dataKey="imbalance" name={t('gaps.imbalance')} isAnimationActive={false}>
          {rows.map((r) => (
            <Cell key={r.qualification} fill={FLAG_COLORS[r.flag]} />
          ))}
          <ErrorBar dataKey="errorBar" width={8} strokeWidth={1.5} stroke="#1a2233" direction="y" />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
