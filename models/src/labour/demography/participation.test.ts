import { describe, expect, it } from 'vitest';
import { BROAD_GROUPS, BROAD_MEMBERS, sumAt, type SexAges } from './age-groups';
import { broadPopulation, broadRates, ratesToSexTotals, splitBySex } from './participation';
import { participationProfile } from './participation-profile';

/** A population with 1,000 per group for men, 900 for women, fewer at old ages. */
function pop(): SexAges {
  const base = (v: number) => Array.from({ length: 21 }, (_, i) => (i < 12 ? v : v * 0.7 ** (i - 11)));
  return { M: base(1000), F: base(900) };
}

describe('broad participation rates', () => {
  it('LF ÷ population of the same sex × broad group, clamped to [0, 1]', () => {
    const p = pop();
    const bp = broadPopulation(p);
    expect(bp.M['15-24']).toBe(2000);
    expect(bp.M['25-49']).toBe(5000);
    const r = broadRates({ M: { '15-24': 1000, '25-49': 4750, '50+': 9e9 }, F: { '15-24': 900, '25-49': 0, '50+': 100 } }, p);
    expect(r.M['15-24']).toBe(0.5);
    expect(r.M['25-49']).toBe(0.95);
    expect(r.M['50+']).toBe(1);
    expect(r.F['25-49']).toBe(0);
  });
});

describe('five-year profile inside broad groups', () => {
  it('reproduces every broad group labour force exactly (hand-worked: 15-24 men at 50 %)', () => {
    const p = pop();
    const broad = { M: { '15-24': 0.5, '25-49': 0.95, '50+': 0.6 }, F: { '15-24': 0.45, '25-49': 0.85, '50+': 0.45 } };
    const { rates } = participationProfile(p, broad, { M: 60, F: 55 });
    for (const sex of ['M', 'F'] as const) {
      for (const g of BROAD_GROUPS) {
        const lf = BROAD_MEMBERS[g].reduce((s, i) => s + p[sex][i] * rates[sex][i], 0);
        expect(lf / (broad[sex][g] * sumAt(p[sex], BROAD_MEMBERS[g]))).toBeCloseTo(1, 10);
      }
      expect(rates[sex].slice(0, 3)).toEqual([0, 0, 0]);
    }
    // 15-19 (schooling) below 20-24; with equal populations the two average to 0.5.
    expect(rates.M[3]).toBeLessThan(rates.M[4]);
    expect((rates.M[3] + rates.M[4]) / 2).toBeCloseTo(0.5, 10);
  });
  it('older ages follow the retirement age: a later age lifts 55-59 women and, with a base, the 50+ labour force', () => {
    const p = pop();
    const broad = { M: { '15-24': 0.5, '25-49': 0.95, '50+': 0.6 }, F: { '15-24': 0.45, '25-49': 0.85, '50+': 0.45 } };
    const early = participationProfile(p, broad, { M: 60, F: 55 }).rates;
    const late = participationProfile(p, broad, { M: 62, F: 60 }, { retirementBase: { M: 60, F: 55 } }).rates;
    expect(late.F[11]).toBeGreaterThan(early.F[11]);
    const lf50 = (r: SexAges) => BROAD_MEMBERS['50+'].reduce((s, i) => s + p.F[i] * r.F[i], 0);
    expect(lf50(late)).toBeGreaterThan(lf50(early));
    // Same ages as the base: exact again.
    const same = participationProfile(p, broad, { M: 60, F: 55 }, { retirementBase: { M: 60, F: 55 } }).rates;
    expect(lf50(same)).toBeCloseTo(lf50(early), 6);
  });
  it('rates 0 and 1 are honoured', () => {
    const p = pop();
    const broad = { M: { '15-24': 0, '25-49': 1, '50+': 0.6 }, F: { '15-24': 0.45, '25-49': 0.85, '50+': 0.45 } };
    const { rates } = participationProfile(p, broad, { M: 60, F: 55 });
    expect(rates.M[3]).toBe(0);
    expect(rates.M[7]).toBe(1);
  });
});

describe('sex split and sex totals', () => {
  it('raking reproduces both margins', () => {
    const p = pop();
    const byGroup = { '15-24': 1700, '25-49': 8500, '50+': 3000 };
    const { lf, sexScale } = splitBySex(byGroup, { M: 7000, F: 6200 }, p, { femaleToMale: { '25-49': 0.9 } });
    expect(sexScale).toBe(1);
    for (const g of BROAD_GROUPS) expect(lf.M[g] + lf.F[g]).toBeCloseTo(byGroup[g], 8);
    expect(BROAD_GROUPS.reduce((s, g) => s + lf.M[g], 0)).toBeCloseTo(7000, 6);
    expect(BROAD_GROUPS.reduce((s, g) => s + lf.F[g], 0)).toBeCloseTo(6200, 6);
  });
  it('inconsistent sex totals are scaled to the group total', () => {
    const { sexScale } = splitBySex({ '15-24': 100, '25-49': 100, '50+': 100 }, { M: 200, F: 200 }, pop());
    expect(sexScale).toBeCloseTo(0.75, 12);
  });
  it('rates shifted to a sex total keep their order and hit the total', () => {
    const p = pop();
    const prior = { M: { '15-24': 0.5, '25-49': 0.95, '50+': 0.6 }, F: { '15-24': 0.45, '25-49': 0.85, '50+': 0.45 } };
    const r = ratesToSexTotals(prior, { M: 8000, F: 6000 }, p);
    const bp = broadPopulation(p);
    expect(BROAD_GROUPS.reduce((s, g) => s + r.M[g] * bp.M[g], 0)).toBeCloseTo(8000, 6);
    expect(BROAD_GROUPS.reduce((s, g) => s + r.F[g] * bp.F[g], 0)).toBeCloseTo(6000, 6);
    expect(r.M['25-49']).toBeGreaterThan(r.M['50+']);
  });
});
