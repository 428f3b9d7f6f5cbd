import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TargetPath } from '../../api/types';
import { ChartFrame } from '../../components/chart-frame';
import { SERIES } from '../../components/colors';
import type { Column } from '../../components/csv';
import { formatInteger, type Lang } from '../../i18n/format';
import { AssumptionChart } from './target-charts';
import { toAssumptionRows, type AssumptionRow } from './to-chart-rows';

/**
 * A production target with no workforce number (hydrogen, Decision 165/QĐ-TTg): a workforce path
 * exists only from the user's own assumption of workers per 1,000 t a year, labelled as such; the
 * starting value is the API's example, never presented as the decision's.
 */
export function AssumptionView({ target, fieldName }: { target: TargetPath; fieldName: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const id = useId();
  const example = target.exampleWorkersPerKt ?? 0;
  const [perKt, setPerKt] = useState(example);
  const p = target.production;
  if (!p) return null;
  const n = (v: number | undefined) => formatInteger(v, lang);
  const rows = toAssumptionRows(target, perKt);
  const lowLabel = `${t('newFields.assumption')}: ${t('newFields.atLow', { value: n(p.min) })}`;
  const highLabel = `${t('newFields.assumption')}: ${t('newFields.atHigh', { value: n(p.max) })}`;
  const columns: Column<AssumptionRow>[] = [
    { key: 'period', label: t('table.period'), value: (r) => r.period },
    { key: 'low', label: lowLabel, value: (r) => r.low, format: (r) => n(r.low), align: 'right' },
    { key: 'high', label: highLabel, value: (r) => r.high, format: (r) => n(r.high), align: 'right' },
  ];
  return (
    <ChartFrame
      title={t('newFields.assumptionTitle', { field: fieldName })}
      subtitle={t('newFields.assumptionSubtitle', { start: p.startYear, year: target.targetYear })}
      unit={t('units.persons')}
      source={`${t('newFields.assumption')}: ${n(perKt)} / ${n(1000)} t · ${lang === 'vi' ? target.decisionVi : target.decision}`}
      statuses={['modelled']}
      legend={[
        { label: lowLabel, color: SERIES.target, kind: 'dashed' },
        { label: highLabel, color: SERIES.needed, kind: 'dashed' },
      ]}
      columns={columns}
      rows={rows}
      filename={`assumption-${target.field}`}
      status={{ isPending: false, isError: false, error: null, refetch: () => undefined }}
      height={240}
      controls={
        <label htmlFor={id} className="control">
          {t('newFields.workersPerKt')}{' '}
          <input
            id={id}
            type="number"
            min={0}
            max={1000}
            step={0.5}
            value={perKt}
            onChange={(e) => setPerKt(Math.max(0, Number(e.target.value) || 0))}
            style={{ width: 80 }}
          />
        </label>
      }
      footnote={<span className="note">{t('newFields.workersPerKtHint', { value: n(example) })}</span>}
    >
      <AssumptionChart rows={rows} height={240} lowLabel={lowLabel} highLabel={highLabel} />
    </ChartFrame>
  );
}
