import { describe, expect, it } from 'vitest';
import type { Observation } from '@lmo/models';
import { ObservationColumnsBuilder, fromColumns, toColumns } from './observation-columns';

const row = (i: number): Observation => ({
  indicator: i % 2 ? 'employment' : 'graduates',
  period: String(2010 + (i % 13)),
  region: i % 3 ? 'VN' : '01',
  sector: 'C',
  qualification: 'ALL',
  value: i * 1.5 + 0.25,
  unit: 'persons',
  source: `GSO LFS ${i % 4}`,
  status: i % 5 ? 'modelled' : 'official',
});

describe('observation columns', () => {
  it('round-trips rows in order with every field', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => row(i));
    const back = fromColumns(toColumns(rows));
    expect(back).toEqual(rows);
  });

  it('round-trips the new units, statuses and breakdown codes (value added, groups, occupations, quarters)', () => {
    const rows: Observation[] = [
      {
        indicator: 'value_added_real',
        period: '2023-Q4',
        region: 'VN',
        sector: 'C',
        qualification: 'ALL',
        value: 612345.6,
        unit: 'billion_vnd',
        source: 'GSO NSDP',
        status: 'official',
      },
      {
        indicator: 'population_by_group',
        period: '2050',
        region: 'VN',
        sector: 'F:15-19',
        qualification: 'ALL',
        value: 3.1e6,
        unit: 'persons',
        source: 'UN WPP 2019',
        status: 'international',
      },
      {
        indicator: 'employment_by_occupation',
        period: '2016',
        region: 'VN',
        sector: 'OCC2',
        qualification: 'ALL',
        value: 3.4e6,
        unit: 'persons',
        source: 'GSO PX-Web',
        status: 'official',
      },
      {
        indicator: 'employment',
        period: '2025',
        region: '01',
        sector: 'C',
        qualification: 'college',
        value: 12000,
        unit: 'persons',
        source: 'LMO generator',
        status: 'illustrative',
      },
    ];
    expect(fromColumns(toColumns(rows))).toEqual(rows);
  });

  it('stores each distinct string once and decoded rows share it', () => {
    const rows = Array.from({ length: 500 }, (_, i) => row(i));
    const cols = toColumns(rows);
    expect(new Set(cols.dict).size).toBe(cols.dict.length);
    expect(cols.dict.filter((s) => s.startsWith('GSO LFS'))).toHaveLength(4);
    expect(cols.values).toBeInstanceOf(Float64Array);
    expect(cols.codes.length).toBe(rows.length * 8);
  });

  it('builds the same columns page by page as at once', () => {
    const rows = Array.from({ length: 2500 }, (_, i) => row(i));
    const b = new ObservationColumnsBuilder();
    for (let i = 0; i < rows.length; i += 700) b.add(rows.slice(i, i + 700));
    expect(b.length).toBe(rows.length);
    expect(b.finish()).toEqual(toColumns(rows));
    expect(fromColumns(new ObservationColumnsBuilder().finish())).toEqual([]);
  });
});
