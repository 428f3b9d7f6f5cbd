import { describe, expect, it } from 'vitest';
import type { Observation } from '../data/observation';
import { dataLevelOf, dataLevels, groupObservations } from './data-levels';

const o = (indicator: string, period: string, region: string, sector: string, qualification: string, status: Observation['status'], source: string) => ({
  indicator,
  period,
  region,
  sector,
  qualification,
  status,
  source,
});

describe('dataLevels', () => {
  const fixture = [
    o('labour_force', '2011', 'VN', 'TOTAL', 'ALL', 'official', 'GSO NSDP 2024-Q3, LF'),
    o('labour_force', '2024', 'VN', 'TOTAL', 'ALL', 'official', 'GSO NSDP 2024-Q3, LF'),
    o('labour_force', '2024-Q3', 'VN', 'TOTAL', 'ALL', 'official', 'GSO NSDP 2024-Q3, LF'),
    o('employment', '2021', 'VN', 'B-F', 'ALL', 'official', 'GSO LFS 2021'),
    o('employment', '2016', 'VN', 'C', 'ALL', 'official', 'GSO PX-Web E02.13'),
    o('labour_force', '2010', '01', 'TOTAL', 'ALL', 'official', 'GSO PX-Web E02.02'),
    o('labour_force', '2016', '01', 'TOTAL', 'ALL', 'official', 'GSO PX-Web E02.02'),
    o('employment', '2015', '01', 'C', 'college', 'illustrative', 'LMO generator'),
    o('employment', '2025', '04', 'F', 'none', 'illustrative', 'LMO generator'),
    o('employment_by_occupation', '2016', 'VN', 'OCC2', 'ALL', 'official', 'GSO PX-Web E02.16'),
    o('population_by_group', '2050', 'VN', 'F:15-19', 'ALL', 'international', 'UN WPP 2019'),
    o('population', '2023', 'VN', 'TOTAL', 'ALL', 'official', 'GSO NSDP'),
    o('value_added_real', '2023', 'VN', 'C', 'ALL', 'official', 'GSO NSDP GDP'),
    o('graduates', '2024', '01', 'C', 'college', 'illustrative', 'LMO generator'),
  ];
  const table = dataLevels(groupObservations(fixture));
  const row = (level: string, status: string) => table.find((r) => r.level === level && r.status === status);

  it('classifies cells by level', () => {
    expect(dataLevelOf({ indicator: 'employment', region: 'VN', sector: 'B-F', qualification: 'ALL' })).toBe('national-broad-sector');
    expect(dataLevelOf({ indicator: 'labour_force_by_group', region: 'VN', sector: 'T:15-24', qualification: 'ALL' })).toBe('national-group');
    expect(dataLevelOf({ indicator: 'employment', region: '01', sector: 'C', qualification: 'college' })).toBe('province-section-qualification');
  });

  it('groups by level and status with years, frequencies and sources', () => {
    const nat = row('national-total', 'official')!;
    expect(nat).toMatchObject({ from: '2011', to: '2024-Q3', firstYear: 2011, lastYear: 2024, frequencies: ['annual', 'quarterly'], rows: 3 });
    expect(nat.sources).toEqual(['GSO NSDP 2024-Q3, LF']);
    expect(row('provinces', 'official')).toMatchObject({
      firstYear: 2010,
      lastYear: 2016,
      indicators: [{ code: 'labour_force', from: '2010', to: '2016', rows: 2 }],
    });
    expect(row('province-section-qualification', 'illustrative')).toMatchObject({ firstYear: 2015, lastYear: 2025, rows: 2 });
    expect(row('national-occupation', 'official')?.lastYear).toBe(2016);
    expect(row('population', 'international')?.lastYear).toBe(2050);
    expect(row('population', 'official')?.lastYear).toBe(2023);
    expect(row('value-added', 'official')?.indicators.map((i) => i.code)).toEqual(['value_added_real']);
    expect(row('graduates', 'illustrative')).toBeTruthy();
    expect(row('national-section', 'official')?.sources).toEqual(['GSO PX-Web E02.13']);
  });

  it('orders levels as DATA_LEVELS, then statuses', () => {
    expect(table[0].level).toBe('national-total');
    const pop = table.filter((r) => r.level === 'population').map((r) => r.status);
    expect(pop).toEqual(['official', 'international']);
  });
});
