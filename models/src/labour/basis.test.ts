import { describe, expect, it } from 'vitest';
import type { Observation } from '../data/observation';
import { basisFromMask, basisOf, maskOf, mergeBasis, restsOnIllustrative } from './basis';
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
