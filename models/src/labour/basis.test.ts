import { describe, expect, it } from 'vitest';
import type { Observation } from '../data/observation';
import { basisFromMask, basisOf, gridBasisMasks, maskOf, mergeBasis, restsOnIllustrative } from './basis';
import { SUPPLY_FLOWS } from './base-context';
import { indexObservations } from './observations';
import { computeBase } from './base';
import { computeOutlook } from './outlook';
import { SMALL_STRUCTURE, syntheticObservations } from '../../test/synthetic';

describe('basis helpers', () => {
  it('orders statuses as OBSERVATION_STATUSES and shares arrays per mask', () => {
    expect(basisOf([{ status: 'illustrative' }, { status: 'official' }, { status: 'official' }])).toEqual(['official', 'illustrative']);
    expect(mergeBasis(['modelled'], ['survey', 'official'])).toEqual(['official', 'survey', 'modelled']);
    expect(basisFromMask(maskOf(['official']))).toBe(basisFromMask(maskOf(['official'])));
    expect(restsOnIllustrative(['official', 'illustrative'])).toBe(true);
    expect(restsOnIllustrative(['official'])).toBe(false);
  });
});

describe('basis of served figures', () => {
  // Generated detail (illustrative) under an official national total.
  const detail = syntheticObservations({ structure: SMALL_STRUCTURE, fields: ['semiconductors'], fieldProvinces: ['P1', 'P3'] }).map((o): Observation => ({
    ...o,
    status: 'illustrative',
  }));
  const official: Observation[] = [2021, 2022, 2023, 2024, 2025].map((y) => ({
    indicator: 'labour_force',
    period: String(y),
    region: 'VN',
    sector: 'TOTAL',
    qualification: 'ALL',
    value: 5e6 + 1e5 * (y - 2021),
    unit: 'persons',
    source: 'GSO',
    status: 'official',
  }));
  const set = computeOutlook([...detail, ...official], { structure: SMALL_STRUCTURE, scenarios: undefined });
  const baseline = set.outlooks.baseline;

  it('a forecast resting on illustrative history says so; a national total sums illustrative detail', () => {
    const total = baseline.forecasts.find((f) => f.indicator === 'employment' && f.region === 'VN' && f.sector === 'TOTAL' && f.qualification === 'ALL')!;
    expect(total.basis).toContain('illustrative');
    const leaf = baseline.forecasts.find((f) => f.indicator === 'employment' && f.region === 'P1' && f.sector === 'C' && f.qualification === 'college')!;
    expect(leaf.basis).toEqual(['illustrative']);
    for (const f of baseline.forecasts) expect(f.basis?.length).toBeGreaterThan(0);
  });

  it('no history point summed from illustrative detail is called modelled', () => {
    const summed = baseline.forecasts.flatMap((f) => f.history).filter((p) => p.source.startsWith('Sum of the detailed cells'));
    expect(summed.length).toBeGreaterThan(0);
    for (const p of summed) expect(p.status).toBe('illustrative');
  });

  it('an official headline series rests on official data only', () => {
    const lf = baseline.forecasts.find((f) => f.indicator === 'labour_force' && f.region === 'VN')!;
    expect(lf.basis).toEqual(['official']);
  });

  it('gap rows and targets carry the statuses of employment and flows', () => {
    for (const g of baseline.gaps.slice(0, 500)) expect(g.basis).toContain('illustrative');
    for (const t of baseline.targets) expect(t.dataBasis).toContain('illustrative');
  });
});

describe('grid basis masks (one pass, with and without the flows)', () => {
  // Official employment and exits; only the graduates are illustrative, so only the gap basis names them.
  const obs = syntheticObservations({ structure: SMALL_STRUCTURE, fields: ['semiconductors'], fieldProvinces: ['P1', 'P3'] }).map((o): Observation => ({
    ...o,
    status: o.indicator === 'graduates' ? 'illustrative' : 'official',
  }));
  const base = computeBase(obs, { structure: SMALL_STRUCTURE });
  const index = indexObservations(obs);
  const grids = [base.main!, ...base.fields];

  it('gives the gap basis every status of the basis, plus the flows’ where they cover a cell', () => {
    for (const gb of grids) {
      gb.basis!.forEach((m, off) => expect(m & ~gb.gapBasis![off]).toBe(0));
    }
    const main = base.main!;
    const at = main.grid.nodes.findIndex((n) => n.region === 'P1' && n.sector === 'C' && n.qualification === 'college');
    expect(basisFromMask(main.basis![at])).toEqual(['official']);
    expect(basisFromMask(main.gapBasis![at])).toEqual(['official', 'illustrative']);
  });

  it('gives the same masks as the grid bases carry, and no extra statuses without flows', () => {
    for (const gb of grids) {
      const again = gridBasisMasks(index, gb.grid, SUPPLY_FLOWS);
      expect(again.basis).toEqual(gb.basis);
      expect(again.gapBasis).toEqual(gb.gapBasis);
      expect(gridBasisMasks(index, gb.grid).gapBasis).toEqual(gb.basis);
    }
  });
});
