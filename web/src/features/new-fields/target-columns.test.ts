import { describe, expect, it } from 'vitest';
import { targetPath } from '../../test-fixtures';
import { targetColumns } from './target-columns';
import { toTargetRows } from './to-chart-rows';

const labels = { period: 'Period', actual: 'Observed', trend: 'Trend', lower80: 'Lower', upper80: 'Upper' };
const show = (v: number | undefined) => (v === undefined ? '–' : String(v));

describe('target table columns', () => {
  const rows = toTargetRows(targetPath());

  it('shows the trend, its 80 % bounds and the path only in forecast years', () => {
    const columns = targetColumns({ ...labels, path: 'Path' }, show);
    expect(columns.map((c) => c.key)).toEqual(['period', 'actual', 'trend', 'lo80', 'hi80', 'target']);
    // 2025 is the latest observation: the trend and the path start there, but its row is an observation.
    expect(rows.map((r) => columns.map((c) => c.format?.(r) ?? c.value(r)))).toEqual([
      ['2025', '10000', '–', '–', '–', '–'],
      ['2026', '–', expect.any(String), expect.any(String), expect.any(String), expect.any(String)],
      ['2027', '–', '12000', '11000', '13000', '22000'],
    ]);
    expect(columns[2]!.value(rows[0]!)).toBeUndefined();
  });

  it('has no path column for a target without a path', () => {
    expect(targetColumns(labels, show).map((c) => c.key)).toEqual(['period', 'actual', 'trend', 'lo80', 'hi80']);
  });
});
