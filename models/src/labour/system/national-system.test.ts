import { describe, expect, it } from 'vitest';
import type { Observation, ObservationStatus } from '../../data/observation';
import { computeBase } from '../base';
import { indexObservations } from '../observations';
import { sectionDemand } from './demand';
import { driftForecaster } from './forecaster';

const o = (indicator: string, year: number | string, region: string, sector: string, qualification: string, value: number, status: ObservationStatus = 'official', unit: Observation['unit'] = 'persons'): Observation =>
  ({ indicator, period: String(year), region, sector, qualification, value, unit, source: 'test', status });

/** A small country: 2 provinces × 2 sections × 2 levels 2016–2025, WPP population, LF by group, value added. */
function country(): Observation[] {
  const rows: Observation[] = [];
  for (let y = 2016; y <= 2025; y++) {
    const g = 1 + 0.01 * (y - 2016);
    const cells: [string, string, string, number][] = [
      ['P1', 'A', 'none', 400_000 / g], ['P1', 'A', 'university', 20_000], ['P1', 'C', 'none', 300_000 * g], ['P1', 'C', 'university', 100_000 * g],
      ['P2', 'A', 'none', 200_000 / g], ['P2', 'A', 'university', 5_000], ['P2', 'C', 'none', 150_000 * g], ['P2', 'C', 'university', 60_000 * g * g],
    ];
    for (const [r, s, q, v] of cells) rows.push(o('employment', y, r, s, q, Math.round(v), 'illustrative'));
    for (const sec of ['A', 'C']) rows.push(o('value_added_real', y, 'VN', sec, 'ALL', (sec === 'A' ? 100 : 300) * (sec === 'A' ? 1.02 : 1.07) ** (y - 2016), 'official', 'billion_vnd'));
  }
  const emp = (y: number) => rows.filter((r) => r.indicator === 'employment' && r.period === String(y)).reduce((a, r) => a + r.value, 0);
  for (let y = 2016; y <= 2025; y++) {
    rows.push(o('employment', y, 'VN', 'TOTAL', 'ALL', emp(y)));
    rows.push(o('labour_force', y, 'VN', 'TOTAL', 'ALL', Math.round(emp(y) / 0.975)));
    rows.push(o('unemployment_rate', y, 'VN', 'TOTAL', 'ALL', 2.5, 'official', 'percent'));
    rows.push(o('trained_share_certified', y, 'VN', 'TOTAL', 'ALL', 12 + 0.3 * (y - 2016), 'official', 'percent'));
  }
  // Population by sex × five-year group (flat-ish), 2010–2040; LF by broad group 2010–2016, by sex 2012–2025.
  const groups = ['0-4', '5-9', '10-14', '15-19', '20-24', '25-29', '30-34', '35-39', '40-44', '45-49', '50-54', '55-59', '60-64', '65-69', '70-74', '75-79', '80-84', '85-89', '90-94', '95-99', '100+'];
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

const structure = {
  regions: [{ code: 'VN' }, { code: 'P1', parent: 'VN' }, { code: 'P2', parent: 'VN' }],
  sectors: [{ code: 'TOTAL' }, { code: 'A', parent: 'TOTAL' }, { code: 'C', parent: 'TOTAL' }],
  qualifications: [{ code: 'ALL' }, { code: 'none', parent: 'ALL' }, { code: 'university', parent: 'ALL' }],
  fields: [],
};

describe('national system', () => {
  const rows = country();
  const base = computeBase(rows, { structure, backtest: 'aggregates' });
  const sys = base.system!;

  it('reproduces the official base year exactly and keeps E ≤ LF × (1 − u_min), u = 1 − E/LF', () => {
    expect(sys.baseYear).toBe(2025);
    const b = sys.baseIndex;
    const lf2025 = rows.find((r) => r.indicator === 'labour_force' && r.period === '2025')!.value;
    const e2025 = rows.find((r) => r.indicator === 'employment' && r.region === 'VN' && r.period === '2025')!.value;
    expect(sys.labourForce.mean[b]).toBe(lf2025);
    expect(sys.employment.mean[b]).toBe(e2025);
    sys.years.forEach((_, i) => {
      expect(sys.unemploymentRate[i]).toBeCloseTo(100 * (1 - sys.employment.mean[i] / sys.labourForce.mean[i]), 9);
      if (i > b) expect(sys.employment.mean[i]).toBeLessThanOrEqual(sys.labourForce.mean[i] * (1 - sys.minUnemploymentRate) * (1 + 1e-12));
    });
    expect(sys.lfEntrants).toHaveLength(10);
    expect(sys.retirementRate.every((r) => r > 0 && r < 0.05)).toBe(true);
    expect(Object.values(sys.entryMix).reduce((a, x) => a + x, 0)).toBeCloseTo(1, 9);
  });

  it('the grid: national TOTAL = system employment, sections from value added, base cells unchanged', () => {
    const g = base.main!.grid;
    const n = (r: string, s: string, q: string) => g.nodes.find((x) => x.region === r && x.sector === s && x.qualification === q)!;
    const total = n('VN', 'TOTAL', 'ALL');
    total.mean.forEach((v, t) => expect(v).toBeCloseTo(sys.employment.mean[sys.baseIndex + 1 + t], 3));
    // Agriculture's value added grows slower than its productivity history: it declines, manufacturing grows.
    expect(n('VN', 'A', 'ALL').mean[9]).toBeLessThan(n('VN', 'A', 'ALL').base);
    expect(n('VN', 'C', 'ALL').mean[9]).toBeGreaterThan(n('VN', 'C', 'ALL').base);
    expect(g.method).toBe('shares');
  });

  it('official overview series come from the system', () => {
    const lf = base.official.find((f) => f.indicator === 'labour_force' && f.region === 'VN')!;
    const ur = base.official.find((f) => f.indicator === 'unemployment_rate' && f.region === 'VN')!;
    expect(lf.forecast.mean[0]).toBeCloseTo(sys.labourForce.mean[sys.baseIndex + 1], 6);
    expect(ur.forecast.mean[0]).toBeCloseTo(sys.unemploymentRate[sys.baseIndex + 1], 6);
  });
});

describe('demand from value added (hand-worked)', () => {
  it('constant productivity growth turns value added into employment, calibrated to the base year', () => {
    // E = VA / prod, prod grows 3 %/yr, VA grows 5 %/yr: E grows ≈ 1.94 %/yr.
    const rows: Observation[] = [];
    const years = Array.from({ length: 10 }, (_, i) => 2014 + i);
    for (const y of years) rows.push(o('value_added_real', y, 'VN', 'C', 'ALL', 100 * 1.05 ** (y - 2014), 'official', 'billion_vnd'));
    const emp = years.map((y) => (100 * 1.05 ** (y - 2014)) / (0.001 * 1.03 ** (y - 2014)));
    const d = sectionDemand(indexObservations(rows), { C: { years, values: emp } }, { baseYear: 2023, horizon: 3, forecaster: driftForecaster(), broadOf: (s) => s });
    expect(d.C.method).toBe('productivity');
    // Damped drift on exact exponentials: the growth is exact in the first year up to the damping.
    expect(d.C.path[0] / emp[9]).toBeGreaterThan(1);
    expect(d.C.path[0] / emp[9]).toBeLessThan(1.05 / 1.03 + 1e-9);
  });
});
