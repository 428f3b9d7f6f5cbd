import { describe, expect, it } from 'vitest';
import { employmentFromLabourForce, labourForce, labourForceByYear, supplyTotals, unemploymentFrom } from './labour-supply';

describe('labour supply', () => {
  const pop = { M: Array(21).fill(100), F: Array(21).fill(100) };
  const rates = {
    M: Array(21)
      .fill(0)
      .map((_, i) => (i >= 3 ? 0.8 : 0)),
    F: Array(21)
      .fill(0)
      .map((_, i) => (i >= 3 ? 0.6 : 0)),
  };
  it('LF = POP × PR cell by cell, with totals by sex and broad group', () => {
    const lf = labourForce(pop, rates);
    expect(lf.M[5]).toBe(80);
    const t = supplyTotals(lf, pop);
    expect(t.bySex.M).toBeCloseTo(18 * 80, 9);
    expect(t.bySex.F).toBeCloseTo(18 * 60, 9);
    expect(t.byBroad.F['25-49']).toBeCloseTo(300, 9);
    expect(t.total).toBeCloseTo(18 * 140, 9);
    expect(t.participationRate).toBeCloseTo(0.7, 12);
    expect(Object.keys(labourForceByYear({ 2020: pop, 2021: pop }, { 2020: rates }))).toEqual(['2020']);
  });
  it('unemployment = LF − E, rate = 1 − E ÷ LF, and an incoherent pair is flagged', () => {
    expect(unemploymentFrom(100, 98)).toEqual({
      labourForce: 100,
      employed: 98,
      unemployed: 2,
      unemploymentRate: expect.closeTo(0.02, 12),
      employmentExceedsLabourForce: false,
    });
    expect(unemploymentFrom(100, 101).employmentExceedsLabourForce).toBe(true);
    expect(unemploymentFrom(0, 0).unemploymentRate).toBeNaN();
    expect(employmentFromLabourForce(labourForce(pop, rates), 0.1).M[5]).toBeCloseTo(72, 9);
  });
});
