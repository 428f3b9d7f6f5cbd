import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, flagOf, imbalanceOf, rankRows } from './imbalance';

describe('imbalanceOf (hand-worked)', () => {
  it('computes imbalance = new supply − openings, the ratio and the flag', () => {
    // openings 1,000 (600 expansion + 400 replacement); supply 850 → −150, ratio 0.85 < 0.9 → shortage
    const x = imbalanceOf({ openings: 1000, newSupply: 850, halfWidth80: 20, employmentBase: 50_000 });
    expect(x.imbalance).toBe(-150);
    expect(x.ratio).toBeCloseTo(0.85, 12);
    expect(x.flag).toBe('shortage');
    expect(x.imbalanceLower).toBe(-170);
    expect(x.imbalanceUpper).toBe(-130);
    // both ends (ratio 0.83 and 0.87) are shortages too
    expect(x.confidence).toBe('high');
  });

  it('flags balanced inside [0.9, 1.1] and surplus above 1.1', () => {
    expect(flagOf(1050, 1000)).toBe('balanced');
    expect(flagOf(900, 1000)).toBe('balanced');
    expect(flagOf(1100, 1000)).toBe('balanced');
    expect(flagOf(1101, 1000)).toBe('surplus');
    expect(flagOf(899, 1000)).toBe('shortage');
  });

  it('uses configurable thresholds', () => {
    const t = { ...DEFAULT_THRESHOLDS, shortageBelow: 0.8, surplusAbove: 1.2 };
    expect(flagOf(850, 1000, t)).toBe('balanced');
    expect(flagOf(1150, 1000, t)).toBe('balanced');
    expect(flagOf(790, 1000, t)).toBe('shortage');
    expect(imbalanceOf({ openings: 1000, newSupply: 850, halfWidth80: 0, employmentBase: 5000 }, t).flag).toBe('balanced');
  });

  it('handles zero openings without dividing by zero', () => {
    expect(flagOf(10, 0)).toBe('surplus');
    expect(flagOf(0, 0)).toBe('balanced');
    expect(imbalanceOf({ openings: 0, newSupply: 10, halfWidth80: 0, employmentBase: 5000 }).ratio).toBeNull();
  });

  it('lowers confidence for wide intervals and small cells', () => {
    // interval reaches from shortage (ratio 0.7) to surplus (1.3)
    expect(imbalanceOf({ openings: 1000, newSupply: 1000, halfWidth80: 300, employmentBase: 50_000 }).confidence).toBe('low');
    // interval reaches from balanced into shortage only
    expect(imbalanceOf({ openings: 1000, newSupply: 950, halfWidth80: 100, employmentBase: 50_000 }).confidence).toBe('medium');
    // small cell (Cedefop caution)
    expect(imbalanceOf({ openings: 1000, newSupply: 500, halfWidth80: 0, employmentBase: 200 }).confidence).toBe('low');
  });
});

describe('rankRows', () => {
  it('ranks the most severe shortage relative to openings first within each group', () => {
    const rows = [
      { region: 'X', sector: 'A', qualification: 'none', imbalance: -100, openings: 1000, rank: 0 }, // −10%
      { region: 'X', sector: 'B', qualification: 'none', imbalance: -50, openings: 100, rank: 0 }, // −50%
      { region: 'X', sector: 'C', qualification: 'none', imbalance: 30, openings: 100, rank: 0 }, // +30%
      { region: 'X', sector: 'D', qualification: 'none', imbalance: 5, openings: 0, rank: 0 }, // no openings: last
      { region: 'Y', sector: 'A', qualification: 'none', imbalance: 10, openings: 100, rank: 0 },
    ];
    rankRows(rows, (r) => r.region);
    expect(rows.map((r) => r.rank)).toEqual([2, 1, 3, 4, 1]);
  });
});

describe('confidence and backtest accuracy', () => {
  it('is one step lower when the forecast backtested worse than naive', () => {
    const x = { openings: 1000, newSupply: 850, halfWidth80: 20, employmentBase: 50_000 };
    expect(imbalanceOf(x).confidence).toBe('high');
    expect(imbalanceOf({ ...x, worseThanNaive: true }).confidence).toBe('medium');
    expect(imbalanceOf({ ...x, newSupply: 950, halfWidth80: 100, worseThanNaive: true }).confidence).toBe('low');
  });
});
