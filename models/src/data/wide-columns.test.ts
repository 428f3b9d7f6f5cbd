import { describe, expect, it } from 'vitest';
import type { LongIssue } from './csv-sniff';
import { wideMappingSchema } from './wide';
import { cellScaler, locateColumns, wideIssueRelabeller } from './wide-columns';
import type { WideTable } from './wide-table';

const table: WideTable = {
  header: ['Country Name', 'Country Code', '2019', '2020 [YR2020]', 'Note'],
  headerLine: 5,
  rows: [{ line: 6, cells: ['Viet Nam', 'VNM', '7', '7', ''] }],
  metadata: [],
  delimiter: ',',
};
const mapping = (extra: object = {}) =>
  wideMappingSchema.parse({ regionColumn: 'Country Code', indicator: 'labour_force', source: 'WB', status: 'official', ...extra });
const issue = (over: Partial<LongIssue>): LongIssue => ({ line: 6, column: 'value', value: '7', code: 'X', message: '', ...over });

describe('locateColumns', () => {
  it('finds the key column and every period-named column by default', () => {
    expect(locateColumns(table, mapping())).toEqual({
      regionIdx: 1,
      sectorIdx: -1,
      periods: [
        { index: 2, name: '2019', period: '2019' },
        { index: 3, name: '2020 [YR2020]', period: '2020' },
      ],
    });
  });
  it('names the one problem that stops reading', () => {
    expect(locateColumns(table, mapping({ regionColumn: 'Code' }))).toMatchObject({
      issue: { code: 'MISSING_COLUMN', column: 'mapping.regionColumn', value: 'Code', line: 5 },
    });
    expect(locateColumns(table, mapping({ periodColumns: ['2021'] }))).toMatchObject({ issue: { code: 'MISSING_COLUMN', column: 'mapping.periodColumns' } });
    expect(locateColumns(table, mapping({ periodColumns: ['Note'] }))).toMatchObject({ issue: { code: 'BAD_PERIOD', column: 'Note' } });
    expect(locateColumns({ ...table, header: ['Country Code', 'Note'] }, mapping())).toMatchObject({ issue: { code: 'NO_PERIODS', column: null } });
  });
});

describe('cellScaler', () => {
  it('scales numbers without binary noise and leaves other text alone', () => {
    expect(cellScaler(100)('0.07')).toBe('7');
    expect(cellScaler(1000)('abc')).toBe('abc');
    expect(cellScaler(1)('0.070')).toBe('0.070');
  });
});

describe('wideIssueRelabeller', () => {
  it('puts two issues with the same value on one line on different period columns', () => {
    const m = mapping();
    const located = locateColumns(table, m);
    if ('issue' in located) throw new Error('unexpected');
    const relabel = wideIssueRelabeller(table, m, located.periods, cellScaler(1));
    expect(relabel([issue({}), issue({})]).map((i) => i.column)).toEqual(['2019', '2020 [YR2020]']);
    // Both period cells of line 6 are taken now: a third issue on that line falls back to the long column's name.
    expect(relabel([issue({})])[0].column).toBe('value');
    const fresh = wideIssueRelabeller(table, m, located.periods, cellScaler(1));
    expect(
      fresh([issue({ column: 'region' }), issue({ column: 'unit' }), issue({ column: 'period', value: '2020' }), issue({ code: 'DUPLICATE_KEY' })]).map(
        (i) => i.column,
      ),
    ).toEqual(['Country Code', 'mapping.unit', '2020 [YR2020]', 'Country Code']);
  });
});
