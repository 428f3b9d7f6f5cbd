/**
 * A small test country for the national system and the scenario levers: 2 provinces × 2 sections
 * × 2 levels 2016–2025, UN-style population by sex × age 2010–2040, labour force by broad group,
 * value added, and college/university graduates. Values are made up (statuses say so).
 */
import type { Observation, ObservationStatus } from '../src/data/observation';

export const o = (
  indicator: string,
  year: number | string,
  region: string,
  sector: string,
  qualification: string,
  value: number,
  status: ObservationStatus = 'official',
  unit: Observation['unit'] = 'persons',
): Observation => ({ indicator, period: String(year), region, sector, qualification, value, unit, source: 'test', status });

/** The country's observations: 2 provinces × 2 sections × 2 levels 2016–2025, WPP population, LF by group, value added. */
export function country(): Observation[] {
  const rows: Observation[] = [];
  for (let y = 2016; y <= 2025; y++) {
    const g = 1 + 0.01 * (y - 2016);
    const cells: [string, string, string, number][] = [
      ['P1', 'A', 'none', 400_000 / g],
      ['P1', 'A', 'university', 20_000],
      ['P1', 'C', 'none', 300_000 * g],
      ['P1', 'C', 'university', 100_000 * g],
      ['P2', 'A', 'none', 200_000 / g],
      ['P2', 'A', 'university', 5_000],
      ['P2', 'C', 'none', 150_000 * g],
      ['P2', 'C', 'university', 60_000 * g * g],
    ];
    for (const [r, s, q, v] of cells) rows.push(o('employment', y, r, s, q, Math.round(v), 'illustrative'));
    for (const sec of ['A', 'C'])
      rows.push(o('value_added_real', y, 'VN', sec, 'ALL', (sec === 'A' ? 100 : 300) * (sec === 'A' ? 1.02 : 1.07) ** (y - 2016), 'official', 'billion_vnd'));
  }
  const emp = (y: number) => rows.filter((r) => r.indicator === 'employment' && r.period === String(y)).reduce((a, r) => a + r.value, 0);
  for (let y = 2016; y <= 2025; y++) {
    rows.push(o('employment', y, 'VN', 'TOTAL', 'ALL', emp(y)));
    rows.push(o('labour_force', y, 'VN', 'TOTAL', 'ALL', Math.round(emp(y) / 0.975)));
    rows.push(o('unemployment_rate', y, 'VN', 'TOTAL', 'ALL', 2.5, 'official', 'percent'));
    rows.push(o('trained_share_certified', y, 'VN', 'TOTAL', 'ALL', 12 + 0.3 * (y - 2016), 'official', 'percent'));
  }
  // Population by sex × five-year group (flat-ish), 2010–2040; LF by broad group 2010–2016, by sex 2012–2025.
  const groups = [
    '0-4',
    '5-9',
    '10-14',
    '15-19',
    '20-24',
    '25-29',
    '30-34',
    '35-39',
    '40-44',
    '45-49',
    '50-54',
    '55-59',
    '60-64',
    '65-69',
    '70-74',
    '75-79',
    '80-84',
    '85-89',
    '90-94',
    '95-99',
    '100+',
  ];
  for (let y = 2010; y <= 2040; y++) {
    groups.forEach((gname, i) => {
      const v = Math.max(1000, 120_000 * (1 - i / 24)) * (1 + 0.005 * (y - 2010));
      rows.push(o('population_by_group', y, 'VN', `M:${gname}`, 'ALL', v, 'international'));
      rows.push(o('population_by_group', y, 'VN', `F:${gname}`, 'ALL', v, 'international'));
    });
  }
  for (let y = 2010; y <= 2016; y++) {
    rows.push(o('labour_force_by_group', y, 'VN', 'T:15-24', 'ALL', 250_000));
    rows.push(o('labour_force_by_group', y, 'VN', 'T:25-49', 'ALL', 1_000_000));
    rows.push(o('labour_force_by_group', y, 'VN', 'T:50+', 'ALL', 450_000));
  }
  for (let y = 2012; y <= 2025; y++) {
    rows.push(o('labour_force_by_group', y, 'VN', 'M:ALL', 'ALL', 880_000 + 1000 * (y - 2012)));
    rows.push(o('labour_force_by_group', y, 'VN', 'F:ALL', 'ALL', 820_000 + 1000 * (y - 2012)));
  }
  return rows;
}

export const structure = {
  regions: [{ code: 'VN' }, { code: 'P1', parent: 'VN' }, { code: 'P2', parent: 'VN' }],
  sectors: [{ code: 'TOTAL' }, { code: 'A', parent: 'TOTAL' }, { code: 'C', parent: 'TOTAL' }],
  qualifications: [{ code: 'ALL' }, { code: 'none', parent: 'ALL' }, { code: 'university', parent: 'ALL' }],
  fields: [],
};

/** The country with graduates of both trained levels (the training levers move them). */
export function countryWithGraduates(): Observation[] {
  const rows = country();
  for (let y = 2016; y <= 2025; y++) rows.push(o('graduates', y, 'VN', 'TOTAL', 'university', 30_000 * (1 + 0.02 * (y - 2016))));
  return rows;
}
