import { describe, expect, it } from 'vitest';
import type { Observation } from '../../data/observation';
import { groupLabourForceFromObservations, totalsFromObservations, wppRowsFromObservations } from './from-observations';
import { populationFromWpp } from './population';

const o = (indicator: string, period: string, sector: string, value: number): Observation => ({
  indicator,
  period,
  region: 'VN',
  sector,
  qualification: 'ALL',
  value,
  unit: 'persons',
  source: 'test',
  status: 'official',
});

describe('adapters from observations', () => {
  it('population by group → WPP rows (M/F five-year groups only)', () => {
    const rows = wppRowsFromObservations([
      o('population_by_group', '2020', 'M:15-19', 10),
      o('population_by_group', '2020', 'F:100+', 2),
      o('population_by_group', '2020', 'T:15-19', 99),
      o('population_by_group', '2020', 'M:15-24', 99),
      o('population', '2020', 'TOTAL', 1),
    ]);
    const pop = populationFromWpp(rows);
    expect(pop[2020].M[3]).toBe(10);
    expect(pop[2020].F[20]).toBe(2);
    expect(rows).toHaveLength(2);
  });
  it('totals and labour force by group, quarters averaged', () => {
    expect(totalsFromObservations([o('population', '2019', 'TOTAL', 96e6)])).toEqual({ 2019: 96e6 });
    const g = groupLabourForceFromObservations([
      o('labour_force_by_group', '2016', 'T:15-24', 1),
      o('labour_force_by_group', '2016', 'T:25-49', 2),
      o('labour_force_by_group', '2016', 'T:50+', 3),
      o('labour_force_by_group', '2015', 'T:15-24', 1),
      o('labour_force_by_group', '2016-Q1', 'M:ALL', 10),
      o('labour_force_by_group', '2016-Q2', 'M:ALL', 20),
      o('labour_force_by_group', '2016-Q1', 'F:ALL', 8),
    ]);
    expect(g.byBroad).toEqual({ 2016: { '15-24': 1, '25-49': 2, '50+': 3 } });
    expect(g.bySex).toEqual({ 2016: { M: 15, F: 8 } });
  });
});
