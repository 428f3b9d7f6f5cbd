import { useTranslation } from 'react-i18next';
import { mergeBasis, servedSources } from '../../adapters/basis';
import { ChartFrame } from '../../components/chart-frame';
import { combineStatus } from '../../components/combine-status';
import type { Column } from '../../components/csv';
import { DataTable } from '../../components/data-table';
import { formatDecimal, formatInteger, formatPercent, formatSigned, type Lang } from '../../i18n/format';
import { useSystemForecasts } from '../overview/use-system-forecasts';
import { SystemDiffChart, SYSTEM_COLORS } from './compare-charts';
import { useScenarioName } from './compare-controls';
import { useSourceText } from '../meta/use-source-text';
import { useCompareColumns } from './compare-table';
import { toSystemCompareRows, type SystemCompareRow } from './compare-rows';

/** The four views' compare for the overview: national employment, labour force and unemployment rate, A vs B by year. */
export function SystemCompare({ a, b }: { a: string; b: string }) {
  const { t, i18n } = useTranslation();
  const sourceText = useSourceText();
  const lang = i18n.language as Lang;
  const nameOf = useScenarioName();
  const qa = useSystemForecasts(a);
  const qb = useSystemForecasts(b);
  const all = [qa.employment, qa.labourForce, qa.unemploymentRate, qb.employment, qb.labourForce, qb.unemploymentRate];
  const rows = toSystemCompareRows(
    { employment: qa.employment.data, labourForce: qa.labourForce.data, unemploymentRate: qa.unemploymentRate.data },
    { employment: qb.employment.data, labourForce: qb.labourForce.data, unemploymentRate: qb.unemploymentRate.data },
  );
  const columnsOf = useCompareColumns<SystemCompareRow>();
  const persons = (v: number | undefined) => formatInteger(v, lang);
  const signed = (v: number | undefined) => formatSigned(v, lang);
  const rate = (v: number | undefined) => formatPercent(v, lang);
  const points = (v: number | undefined) => (v === undefined ? '–' : `${v > 0 ? '+' : ''}${formatDecimal(v, lang, 2)} ${t('units.pp')}`);
  const columns: Column<SystemCompareRow>[] = [
    { key: 'period', label: t('table.period'), value: (r) => r.period },
    ...columnsOf('employment', t('overview.employment'), (r, s) => r[`employment${s}`], persons, signed),
    ...(rows.some((r) => r.demandA !== undefined || r.demandB !== undefined)
      ? columnsOf('demand', t('overview.demandLine'), (r, s) => r[`demand${s}`], persons, signed)
      : []),
    ...columnsOf('labourForce', t('overview.labourForce'), (r, s) => r[`labourForce${s}`], persons, signed),
    ...columnsOf('unemploymentRate', t('overview.unemploymentRate'), (r, s) => r[`unemploymentRate${s}`], rate, points),
  ];
  const source = servedSources(...all.map((q) => q.data))
    .map((s) => sourceText(s))
    .join(' · ');
  const basis = mergeBasis(...all.map((q) => q.data));
  return (
    <ChartFrame
      title={t('compare.systemTitle')}
      subtitle={t('compare.subtitle', { a: nameOf(a), b: nameOf(b) })}
      unit={t('compare.systemUnit')}
      source={source}
      statuses={['modelled']}
      basis={basis}
      legend={[
        { label: t('overview.employment'), color: SYSTEM_COLORS.employment, kind: 'bar' },
        { label: t('overview.demandLine'), color: SYSTEM_COLORS.demand, kind: 'bar' },
        { label: t('overview.labourForce'), color: SYSTEM_COLORS.labourForce, kind: 'bar' },
        { label: t('compare.unemploymentPoints'), color: SYSTEM_COLORS.unemploymentRate, kind: 'line' },
      ]}
      columns={columns}
      rows={rows}
      filename={`compare-national-${a}-${b}`}
      status={combineStatus(all)}
      height={300}
      footnote={<DataTable columns={columns} rows={rows} caption={t('compare.tableCaption', { a: nameOf(a), b: nameOf(b) })} rowKey={(r) => r.period} />}
    >
      <SystemDiffChart rows={rows} height={300} />
    </ChartFrame>
  );
}
