import { useTranslation } from 'react-i18next';
import type { Column } from '../../components/csv';

/**
 * Columns A, B and B − A of one measure for the compare tables, headed with the measure's name
 * and which scenario each column is. `format` writes a value, `diff` a difference.
 */
export function useCompareColumns<Row>() {
  const { t } = useTranslation();
  return (
    key: string,
    measure: string,
    read: (row: Row, side: 'A' | 'B' | 'Diff') => number | undefined,
    format: (v: number | undefined) => string,
    diff: (v: number | undefined) => string,
  ): Column<Row>[] =>
    (['A', 'B', 'Diff'] as const).map((side) => ({
      key: `${key}${side}`,
      label: `${measure} — ${t(`compare.col${side}`)}`,
      value: (r: Row) => read(r, side),
      format: (r: Row) => (side === 'Diff' ? diff(read(r, side)) : format(read(r, side))),
      align: 'right' as const,
    }));
}
