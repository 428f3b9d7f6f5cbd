import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, flagOfShare, imbalanceOf, isTooSmall, rankRows } from './imbalance';
import type { Flag } from './types';

describe('imbalanceOf (hand-worked, COPS-style share of base employment)', () => {
  it('computes imbalance = new supply − openings and its share of base employment', () => {
    // 50,000 workers; openings 3,000; supply 1,500 ⇒ −1,500 = −3 % < −2 % ⇒ shortage
    const x = imbalanceOf({ openings: 3000, newSupply: 1500, halfWidth80: 200, employmentBase: 50_000 });
    expect(x.imbalance).toBe(-1500);
    expect(x.imbalanceShare).toBeCloseTo(-0.03, 12);
    expect(x.ratio).toBeCloseTo(0.5, 12);
    expect(x.flag).toBe('shortage');
    expect(x.imbalanceLower).toBe(-1700);
    expect(x.imbalanceUpper).toBe(-1300);
    // both ends (−3.4 %, −2.6 %) are shortages too
    expect(x.confidence).toBe('high');
  });

  it('flags balanced within ±2 % and surplus above', () => {
    expect(flagOfShare(-0.02)).toBe('balanced');
    expect(flagOfShare(0.02)).toBe('balanced');
    expect(flagOfShare(0.0201)).toBe('surplus');
    expect(flagOfShare(-0.0201)).toBe('shortage');
  });

  it('uses configurable thresholds', () => {
    const t = { ...DEFAULT_THRESHOLDS, shortageBelow: -0.05, surplusAbove: 0.05 };
    expect(imbalanceOf({ openings: 3000, newSupply: 1500, halfWidth80: 0, employmentBase: 50_000 }, t).flag).toBe('balanced');
    expect(imbalanceOf({ openings: 3000, newSupply: 6000, halfWidth80: 0, employmentBase: 50_000 }, t).flag).toBe('surplus');
  });

  it('calls a cell under 5,000 workers or 500 gross openings too small: never flagged', () => {
    expect(isTooSmall(4999, 10_000)).toBe(true);
    expect(isTooSmall(100_000, 499)).toBe(true);
    expect(isTooSmall(100_000, -2000)).toBe(true);
    expect(isTooSmall(5000, 500)).toBe(false);
    const x = imbalanceOf({ openings: 400, newSupply: 0, halfWidth80: 0, employmentBase: 1_000_000 });
    expect(x.flag).toBe('too-small');
    expect(x.confidence).toBe('low');
    expect(imbalanceOf({ openings: 0, newSupply: 10, halfWidth80: 0, employmentBase: 0 }).imbalanceShare).toBeNull();
  });

  it('reads gross openings (replacement + max(0, expansion)): a large shrinking cell is assessable', () => {
    // 1 m workers, loses 60,000 jobs but must replace 50,000 retirees: net openings −10,000, gross 50,000.
    const shrinking = imbalanceOf({
      openings: -10_000,
      replacement: 50_000,
      expansion: -60_000,
      newSupply: 10_000,
      halfWidth80: 1000,
      employmentBase: 1_000_000,
    });
    expect(shrinking.flag).toBe('balanced'); // imbalance 20,000 = +2 % of base: not above the +2 % threshold
    // A large cell with tiny flows: 300 replacement + 100 growth = 400 gross openings < 500.
    expect(imbalanceOf({ openings: 400, replacement: 300, expansion: 100, newSupply: 0, halfWidth80: 0, employmentBase: 1_000_000 }).flag).toBe('too-small');
    // Growth counts in full: 300 replacement + 300 growth = 600 ≥ 500.
    expect(imbalanceOf({ openings: 600, replacement: 300, expansion: 300, newSupply: 600, halfWidth80: 0, employmentBase: 1_000_000 }).flag).toBe('balanced');
  });

  it('marks a flag whose 80 % interval spans both thresholds as uncertain', () => {
    // share −1 % ± 4 % ⇒ [−5 %, +3 %] crosses −2 % and +2 %
    const x = imbalanceOf({ openings: 5000, newSupply: 4000, halfWidth80: 4000, employmentBase: 100_000 });
    expect(x.flag).toBe('uncertain');
    expect(x.confidence).toBe('low');
    // interval reaching from balanced into shortage only: medium
    expect(imbalanceOf({ openings: 5000, newSupply: 4000, halfWidth80: 1500, employmentBase: 100_000 }).confidence).toBe('medium');
  });

  it('is one step less confident when the forecast backtested worse than naive', () => {
    const x = { openings: 3000, newSupply: 1500, halfWidth80: 200, employmentBase: 50_000 };
    expect(imbalanceOf({ ...x, worseThanNaive: true }).confidence).toBe('medium');
  });
});

describe('rankRows', () => {
  it('ranks the lowest imbalance share first within each group and never ranks too-small rows', () => {
    const r = (sector: string, region: string, imbalance: number, imbalanceShare: number | null, flag: Flag) => ({
      region,
      sector,
      qualification: 'none',
      imbalance,
      imbalanceShare,
      flag,
      rank: 0 as number | null,
    });
    const rows = [
      r('A', 'X', -100, -0.01, 'balanced'),
      r('B', 'X', -50, -0.05, 'shortage'),
      r('C', 'X', 30, 0.03, 'surplus'),
      r('D', 'X', -900, -0.9, 'too-small'),
      r('A', 'Y', 10, 0.001, 'balanced'),
    ];
    rankRows(rows, (x) => x.region);
    expect(rows.map((x) => x.rank)).toEqual([2, 1, 3, null, 1]);
  });
});
