import { describe, expect, it } from 'vitest';
import type { Observation } from '../data/observation';
import { makeDimension } from './hierarchy';
import { indexObservations } from './observations';
import { cellOpenings, DEFAULT_EXIT_RATES, estimateExitRates, replacementRatePath } from './openings';
import type { NationalSystem } from './system/types';
import { projectGrid } from './projection';

describe('cellOpenings (hand-worked)', () => {
  it('adds expansion (growth over the horizon) and replacement (exit rate × employment at the start of each year)', () => {
    // base 100; 110, 105, 120; exits 2%: replacement = 0.02 × (100 + 110 + 105) = 6.3; expansion = 120 − 100 = 20
    const o = cellOpenings(100, [110, 105, 120], 0.02, 3);
    expect(o.expansion).toBeCloseTo(20, 12);
    expect(o.replacement).toBeCloseTo(6.3, 12);
    expect(o.openings).toBeCloseTo(26.3, 12);
  });

  it('gives a shrinking cell negative (net) expansion and keeps its replacement', () => {
    const o = cellOpenings(100, [90, 80], 0.02, 2);
    expect(o.expansion).toBe(-20);
    expect(o.replacement).toBeCloseTo(0.02 * (100 + 90), 12);
    expect(o.openings).toBeCloseTo(-16.2, 12);
  });

  it('takes one replacement rate per year', () => {
    expect(cellOpenings(100, [100, 100], [0.01, 0.03], 2).replacement).toBeCloseTo(4, 12);
  });

  it('uses only the first h years of the path', () => {
    expect(cellOpenings(100, [110, 150], 0.1, 1)).toEqual({ expansion: 10, replacement: 10, openings: 20 });
  });
});

describe('replacementRatePath', () => {
  const system = { retirementRate: [0.02, 0.025], deathRate: [0.004, 0.005], replacementByLevel: { university: 0.5 } } as unknown as NationalSystem;
  it('adds retirement and death rates, times the level multiplier, holding the last year', () => {
    const u = replacementRatePath(system, 'university', 3);
    expect(u[0]).toBeCloseTo(0.012, 12);
    expect(u[1]).toBeCloseTo(0.015, 12);
    expect(u[2]).toBeCloseTo(0.015, 12);
    expect(replacementRatePath(system, 'none', 1)[0]).toBeCloseTo(0.024, 12); // no multiplier ⇒ 1
  });
});

function obs(
  indicator: string,
  period: string,
  region: string,
  sector: string,
  qualification: string,
  value: number,
  status: Observation['status'] = 'official',
): Observation {
  return { indicator, period, region, sector, qualification, value, unit: 'persons', source: 'test', status };
}

describe('estimateExitRates', () => {
  const rows: Observation[] = [];
  for (let y = 2015; y <= 2024; y++) {
    for (const p of ['P1', 'P2']) {
      rows.push(obs('employment', String(y), p, 'A', 'none', 1000 + 10 * (y - 2015)));
      rows.push(obs('employment', String(y), p, 'C', 'none', 500));
    }
    // Exits observed for A at the region level only: 4% of the region's 2 × employment.
    rows.push(obs('exits', String(y), 'R', 'A', 'none', 0.04 * 2 * (1000 + 10 * (y - 2015))));
  }
  const index = indexObservations(rows);
  const grid = projectGrid(index, {
    indicator: 'employment',
    dims: [
      makeDimension([{ code: 'R' }, { code: 'P1', parent: 'R' }, { code: 'P2', parent: 'R' }]),
      makeDimension([{ code: 'TOTAL' }, { code: 'A', parent: 'TOTAL' }, { code: 'C', parent: 'TOTAL' }]),
      makeDimension([{ code: 'none' }]),
    ],
    horizon: 3,
    levels: [80, 95],
  })!;
  const rates = estimateExitRates(index, grid);
  const at = (r: string, s: string) => grid.nodes.findIndex((n) => n.region === r && n.sector === s && n.qualification === 'none');

  it('takes an observed rate from the most detailed cell that has exits data', () => {
    expect(rates.rate[at('P1', 'A')]).toBeCloseTo(0.04, 10);
    expect(rates.observed[at('P2', 'A')]).toBe(1);
  });

  it('ignores modelled or illustrative exits (only measured data override the age-based rate)', () => {
    const modelled = indexObservations(rows.map((o) => (o.indicator === 'exits' ? { ...o, status: 'modelled' as const } : o)));
    const r = estimateExitRates(modelled, grid);
    expect(r.observed[at('P1', 'A')]).toBe(0);
    expect(r.rate[at('P1', 'A')]).toBe(DEFAULT_EXIT_RATES.A);
  });

  it('falls back to the documented default rate of the sector', () => {
    expect(rates.rate[at('P1', 'C')]).toBe(DEFAULT_EXIT_RATES.C);
    expect(rates.observed[at('P1', 'C')]).toBe(0);
  });
});
