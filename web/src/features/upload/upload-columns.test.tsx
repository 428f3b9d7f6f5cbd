import type { OfficialConflict } from './upload-request';
import { describe, expect, it } from 'vitest';
import i18n from 'i18next';
import '../../i18n/index';
import { officialColumns, profileColumnName, profileHeadColumns, reportColumns, sumColumns } from './upload-columns';

const t = i18n.getFixedT('vi');

describe('upload table columns', () => {
  it('adds the series / period column to the report only for SDMX issues', () => {
    expect(reportColumns(t, false).map((c) => c.key)).toEqual(['line', 'column', 'value', 'message']);
    expect(reportColumns(t, true).map((c) => c.key)).toEqual(['line', 'series', 'column', 'value', 'message']);
    const line = reportColumns(t, false)[0];
    expect([line.label, line.format?.({ line: 0, column: null, value: '', message: '', code: 'X', series: null })]).toEqual(['Dòng', '–']);
  });

  it('heads the profile with each column and its type, and finds the column of a cell', () => {
    const columns = profileHeadColumns(t, [{ name: 'value', type: 'int32' }]);
    expect(columns.map((c) => c.label)).toEqual(['Dòng', 'value (int32)']);
    expect(columns[1].value({ line: 2, cells: { value: '7' }, bad: undefined })).toBe('7');
    expect(columns.map(profileColumnName)).toEqual([undefined, 'value']);
  });

  it('formats sums in vi-VN, with one decimal only when needed', () => {
    const [, sum] = sumColumns(t, 'vi', 'region');
    expect([sum.format?.({ key: 'VN', sum: 52_090_000 }), sum.format?.({ key: 'VN', sum: 2.25 })]).toEqual(['52.090.000', '2,3']);
  });

  it('reads official cells: the current value, the new one', () => {
    const cell: OfficialConflict = {
      line: 8,
      column: '2022',
      indicator: 'labour_force',
      period: '2022',
      region: 'VN',
      sector: 'TOTAL',
      qualification: 'ALL',
      current: { value: 1, source: 'GSO', status: 'official' },
      new: { value: 2, source: 'WB', status: 'modelled' },
    };
    expect(officialColumns(t, 'vi').map((c) => c.value(cell))).toEqual([8, '2022', 'labour_force · VN · TOTAL · ALL · 2022', 1, 2]);
  });
});
