import { Bar, Cell, ErrorBar, ReferenceLine } from 'recharts';
import { useTranslation } from 'react-i18next';
import { CategoryBarChart } from '../../components/category-bar-chart';
import { FLAG_COLORS, SERIES } from '../../components/colors';
import { formatSigned } from '../../i18n/format';
import type { ImbalanceRow, OpeningsRow } from './to-chart-rows';

/**
 * Openings by qualification: expansion and replacement stacked. Expansion is net and may be
 * negative (a shrinking level): `stackOffset="sign"` draws it below zero and replacement above.
 */
export function OpeningsChart({ rows, height }: { rows: OpeningsRow[]; height: number }) {
  const { t } = useTranslation();
  return (
    <CategoryBarChart rows={rows} height={height} stackOffset="sign" formatValue={formatSigned}>
      <ReferenceLine y={0} stroke="#3d4757" />
      <Bar dataKey="expansion" stackId="o" name={t('gaps.expansion')} fill={SERIES.expansion} isAnimationActive={false} />
      <Bar dataKey="replacement" stackId="o" name={t('gaps.replacement')} fill={SERIES.replacement} isAnimationActive={false} />
    </CategoryBarChart>
  );
}

/** New supply by qualification, beside openings for reference. */
export function SupplyChart({ rows, height }: { rows: OpeningsRow[]; height: number }) {
  const { t } = useTranslation();
  return (
    <CategoryBarChart rows={rows} height={height}>
      <Bar dataKey="newSupply" name={t('gaps.newSupply')} fill={SERIES.newSupply} isAnimationActive={false} />
      <Bar dataKey="openings" name={t('gaps.openings')} fill="#7f8a99" isAnimationActive={false} />
    </CategoryBarChart>
  );
}

/** Imbalance by qualification with the 80 % interval as error bars. */
export function ImbalanceChart({ rows, height }: { rows: ImbalanceRow[]; height: number }) {
  const { t } = useTranslation();
  return (
    <CategoryBarChart rows={rows} height={height} formatValue={formatSigned}>
      <ReferenceLine y={0} stroke="#3d4757" />
      <Bar dataKey="imbalance" name={t('gaps.imbalance')} isAnimationActive={false}>
        {rows.map((r) => (
          <Cell key={r.qualification} fill={FLAG_COLORS[r.flag]} />
        ))}
        <ErrorBar dataKey="errorBar" width={8} strokeWidth={1.5} stroke="#1a2233" direction="y" />
      </Bar>
    </CategoryBarChart>
  );
}
