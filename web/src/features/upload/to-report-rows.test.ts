import { describe, expect, it } from 'vitest';
import { hasSeriesColumn, highlightedLines, profileHeadRows, toReportRows } from './to-report-rows';

const issues = [
  {
    line: 5,
    column: 'value',
    value: '13,800,000',
    message: 'Value "13,800,000" is not a number.',
    messageVi: 'Giá trị "13,800,000" không phải là số.',
    code: 'NOT_A_NUMBER',
  },
  { line: 2, column: 'indicator', value: 'employmnet', message: 'Unknown indicator', code: 'UNKNOWN_INDICATOR' },
  { line: 7, column: null, value: 'employment,2023,…', message: 'Duplicate of line 6', code: 'DUPLICATE_KEY' },
  { line: 0, column: 'mapping', value: '', message: 'needs a mapping', code: 'MISSING_MAPPING' },
  { line: 5, column: 'source', value: '', message: 'empty source', code: 'MISSING_SOURCE' },
];

describe('toReportRows', () => {
  it('sorts by line and column and uses Vietnamese messages when present', () => {
    const rows = toReportRows(issues, 'vi');
    expect(rows.map((r) => `${r.line}:${r.column}`)).toEqual(['0:mapping', '2:indicator', '5:source', '5:value', '7:null']);
    expect(rows.find((r) => r.code === 'NOT_A_NUMBER')?.message).toBe('Giá trị "13,800,000" không phải là số.');
    // No Vietnamese text: falls back to English rather than showing nothing.
    expect(rows.find((r) => r.code === 'UNKNOWN_INDICATOR')?.message).toBe('Unknown indicator');
    expect(toReportRows(issues, 'en').find((r) => r.code === 'NOT_A_NUMBER')?.message).toBe('Value "13,800,000" is not a number.');
  });
});

describe('highlightedLines', () => {
  it('maps file lines to their bad columns and skips problems outside the file', () => {
    const lines = highlightedLines(issues);
    expect([...lines.keys()].sort()).toEqual([2, 5, 7]);
    expect([...lines.get(5)!].sort()).toEqual(['source', 'value']);
    expect(lines.get(7)!.size).toBe(0);
  });
});

describe('SDMX issues', () => {
  it('carry series and period into their own report column', () => {
    const rows = toReportRows(
      [
        { line: 12, column: 'OBS_VALUE', value: '7 9o2', message: 'not a number', code: 'NOT_A_NUMBER', series: 'LE_PE_NUM', period: '2023-Q4' },
        { line: 4, column: 'INDICATOR', value: 'XX_PE_NUM', message: 'unknown series', code: 'UNKNOWN_SERIES', series: 'XX_PE_NUM', period: null },
      ],
      'en',
    );
    expect(rows.map((r) => r.series)).toEqual(['XX_PE_NUM', 'LE_PE_NUM · 2023-Q4']);
    expect(hasSeriesColumn(rows)).toBe(true);
    expect(hasSeriesColumn(toReportRows(issues, 'en'))).toBe(false);
  });
});

describe('profileHeadRows', () => {
  it('numbers rows by file line and attaches the bad columns of flagged lines', () => {
    const highlight = highlightedLines([
      { line: 5, column: 'value', value: 'x', code: 'NOT_A_NUMBER', message: 'not a number' },
      { line: 6, column: null, value: '', code: 'SHORT_LINE', message: 'too few fields' },
    ]);
    const rows = profileHeadRows([{ value: '1' }, { value: 'x' }, { value: '' }, { value: '3' }], 3, highlight);
    expect(rows.map((r) => r.line)).toEqual([3, 4, 5, 6]);
    expect(rows.map((r) => (r.bad ? [...r.bad] : null))).toEqual([null, null, ['value'], []]);
    expect(rows[2].cells).toEqual({ value: '' });
  });
});
