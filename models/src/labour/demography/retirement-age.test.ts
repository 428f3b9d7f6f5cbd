import { describe, expect, it } from 'vitest';
import { crossingShare, retirementAge, shareAboveAge, statutoryRetirementAge } from './retirement-age';

describe('statutory retirement age (2019 Labour Code, Decree 135/2020)', () => {
  it('men: 60 before 2021, 60y3m in 2021, +3 months a year to 62 in 2028', () => {
    expect(statutoryRetirementAge('M', 2020)).toBe(60);
    expect(statutoryRetirementAge('M', 2021)).toBeCloseTo(60.25, 12);
    expect(statutoryRetirementAge('M', 2024)).toBeCloseTo(61, 12);
    expect(statutoryRetirementAge('M', 2027)).toBeCloseTo(61.75, 12);
    expect(statutoryRetirementAge('M', 2028)).toBe(62);
    expect(statutoryRetirementAge('M', 2040)).toBe(62);
  });
  it('women: 55 before 2021, 55y4m in 2021, +4 months a year to 60 in 2035', () => {
    expect(statutoryRetirementAge('F', 2000)).toBe(55);
    expect(statutoryRetirementAge('F', 2021)).toBeCloseTo(55 + 4 / 12, 12);
    expect(statutoryRetirementAge('F', 2034)).toBeCloseTo(59 + 8 / 12, 12);
    expect(statutoryRetirementAge('F', 2035)).toBe(60);
    expect(statutoryRetirementAge('F', 2050)).toBe(60);
  });
  it('a later path raises the age after its start year, never lowers it', () => {
    const later = { M: { startYear: 2030, stepMonths: 6, target: 65 } };
    expect(retirementAge('M', 2029, later)).toBe(62);
    expect(retirementAge('M', 2030, later)).toBeCloseTo(62.5, 12);
    expect(retirementAge('M', 2035, later)).toBe(65);
    expect(retirementAge('F', 2035, later)).toBe(60);
    expect(retirementAge('M', 2024, { M: { startYear: 2022, stepMonths: 1, target: 61 } })).toBeCloseTo(61, 12);
  });
});

describe('shares of a five-year group', () => {
  it('share above an age, uniform within the group', () => {
    expect(shareAboveAge(12, 60)).toBe(1); // 60-64
    expect(shareAboveAge(12, 62)).toBeCloseTo(0.6, 12);
    expect(shareAboveAge(11, 62)).toBe(0);
  });
  it('crossing: one single-year cohort a year at a constant age, less when the age rises', () => {
    expect(crossingShare(11, 60, 60)).toBeCloseTo(0.2, 12); // ages 59–60 of 55-59
    expect(crossingShare(12, 60, 60)).toBe(0);
    expect(crossingShare(11, 60, 60.25)).toBeCloseTo(0.15, 12); // +3 months: 3/4 of a cohort
    expect(crossingShare(12, 61.75, 62)).toBeCloseTo(0.15, 12);
    expect(crossingShare(12, 62, 62)).toBeCloseTo(0.2, 12);
  });
});
