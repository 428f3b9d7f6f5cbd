import { describe, expect, it } from 'vitest';
import type { Observation } from '../data/observation';
import { makeDimension } from './hierarchy';
import { indexObservations } from './observations';
import { projectGrid } from './projection';
import { DEFAULT_OTHER_ENTRANTS_RATE } from './other-entrants';
import { supplyInputs } from './supply';

function obs(indicator: string, period: string, region: string, sector: string, qualification: string, value: number): Observation {
  return { indicator, period, region, sector, qualification, value, unit: 'persons', source: 'test', status: 'modelled' };
}

describe('supplyInputs (hand-worked allocation)', () => {
  const rows: Observation[] = [];
  for (let y = 2016; y <= 2025; y++) {
    rows.push(obs('employment', String(y), 'P1', 'C', 'college', 3000));
    rows.push(obs('employment', String(y), 'P2', 'C', 'college', 1000));
    rows.push(obs('employment', String(y), 'P1', 'C', 'none', 10_000));
    rows.push(obs('employment', String(y), 'P2', 'C', 'none', 10_000));
    // 400 college graduates a year in manufacturing fields, published for the region only
    rows.push(obs('graduates', String(y), 'R', 'C', 'college', 400));
  }
  const index = indexObservations(rows);
  const grid = projectGrid(index, {
    indicator: 'employment',
    dims: [
      makeDimension([{ code: 'R' }, { code: 'P1', parent: 'R' }, { code: 'P2', parent: 'R' }]),
      makeDimension([{ code: 'C' }]),
      makeDimension([{ code: 'ALL' }, { code: 'none', parent: 'ALL' }, { code: 'college', parent: 'ALL' }]),
    ],
    horizon: 5,
    levels: [80],
  })!;
  const s = supplyInputs(index, grid);
  const at = (r: string, q: string) => grid.nodes.findIndex((n) => n.region === r && n.qualification === q);

  it('shares a region’s graduates among provinces by base-year employment (3:1)', () => {
    expect(s.gradMean[at('P1', 'college')][0]).toBeCloseTo(300, 6);
    expect(s.gradMean[at('P2', 'college')][0]).toBeCloseTo(100, 6);
    expect(s.gradMean[at('P1', 'college')][4]).toBeCloseTo(300, 6); // a flat series forecasts flat
    expect(s.latestGrad[at('P2', 'college')]).toBeCloseTo(100, 6);
    expect(s.covered[at('P1', 'college')]).toBe(1);
  });

  it('gives cells without a qualification the default other-entrants rate and no graduates', () => {
    expect(s.covered[at('P1', 'none')]).toBe(0);
    expect(s.gradMean[at('P1', 'none')][0]).toBe(0);
    expect(s.other[at('P1', 'none')][0]).toBeCloseTo(DEFAULT_OTHER_ENTRANTS_RATE.none * 10_000, 6);
    expect(s.other[at('P1', 'college')][0]).toBe(0);
    expect(s.otherFromData[at('P1', 'none')]).toBe(0);
  });

  it('marks cells whose other entrants come from `entrants` data', () => {
    const withEntrants = indexObservations([...rows, ...Array.from({ length: 10 }, (_, i) => obs('entrants', String(2016 + i), 'P1', 'C', 'none', 500))]);
    const e = supplyInputs(withEntrants, grid);
    expect(e.otherFromData[at('P1', 'none')]).toBe(1);
    expect(e.other[at('P1', 'none')][0]).toBeCloseTo(500, 6);
  });

  it('uses planned future graduates as given when the data carry them', () => {
    const planned = indexObservations([...rows, obs('graduates', '2026', 'R', 'C', 'college', 800), obs('graduates', '2027', 'R', 'C', 'college', 1200)]);
    const p = supplyInputs(planned, grid);
    expect(p.gradMean[at('P1', 'college')][0]).toBeCloseTo(600, 6);
    expect(p.gradMean[at('P2', 'college')][1]).toBeCloseTo(300, 6);
  });
});
