import { describe, expect, it } from 'vitest';
import type { DataLevelRow } from '../../api/types';
import { sourceCells, toLevelRows } from './to-level-rows';

const rows: DataLevelRow[] = [
  {
    level: 'national-total',
    nameVi: 'Toàn quốc',
    nameEn: 'National totals',
    status: 'official',
    from: '2010',
    to: '2024-Q3',
    firstYear: 2010,
    lastYear: 2024,
    frequencies: ['annual', 'quarterly'],
    rows: 120,
    indicators: [
      { code: 'employment', from: '2010', to: '2024-Q3', rows: 80 },
      { code: 'unemployment_rate', from: '2016', to: '2024-Q3', rows: 40 },
    ],
    sources: ['GSO, NSDP SDMX release 2024-Q3, LE_PE_NUM', 'GSO, NSDP SDMX release 2024-Q3, LUR_PT'],
    sourceCount: 2,
    citationCount: 2,
  },
  {
    level: 'province-section-qualification',
    nameVi: 'Tỉnh × ngành × trình độ',
    nameEn: 'Province × section × qualification',
    status: 'illustrative',
    from: '2010',
    to: '2010',
    firstYear: 2010,
    lastYear: 2010,
    frequencies: ['annual'],
    rows: 5,
    indicators: [{ code: 'employment', from: '2010', to: '2010', rows: 5 }],
    sources: ['LMO illustrative generator'],
    sourceCount: 1,
    citationCount: 1,
  },
];
const names: Record<string, string> = { employment: 'Việc làm', unemployment_rate: 'Tỷ lệ thất nghiệp' };

describe('levels-of-detail table', () => {
  it('reads levels with status, periods, frequency, indicators and sources', () => {
    const out = toLevelRows(
      rows,
      'vi',
      (c) => names[c] ?? c,
      (f) => (f === 'annual' ? 'năm' : 'quý'),
    );
    expect(out[0]).toMatchObject({ levelName: 'Toàn quốc', status: 'official', periods: '2010–2024-Q3', frequency: 'năm, quý', rows: 120 });
    expect(out[0].indicators).toBe('Việc làm; Tỷ lệ thất nghiệp (2016–2024-Q3)');
    expect(out[0].sources).toContain('LE_PE_NUM · GSO');
    expect(out[1]).toMatchObject({ levelName: 'Tỉnh × ngành × trình độ', status: 'illustrative', periods: '2010' });
  });
  it('uses English names in English', () => {
    expect(
      toLevelRows(
        rows,
        'en',
        (c) => c,
        (f) => f,
      )[1].levelName,
    ).toBe('Province × section × qualification');
  });
});

describe('sources of a row', () => {
  it('shows three, keeps the served rest for the expander and counts the unserved', () => {
    expect(sourceCells(['a', 'b', 'c', 'd', 'e'], 8)).toEqual({
      sources: 'a · b · c · d · e (+3)',
      shownSources: ['a', 'b', 'c'],
      moreSources: ['d', 'e'],
      moreCount: 5,
    });
    expect(sourceCells(['a', 'b'])).toMatchObject({ shownSources: ['a', 'b'], moreSources: [], moreCount: 0 });
  });
});
