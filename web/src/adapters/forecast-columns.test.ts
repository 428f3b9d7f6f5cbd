import { describe, expect, it } from 'vitest';
import { periodToYear, yearTicks } from './forecast-columns';

describe('real time axis', () => {
  it('places years and quarters on one numeric scale', () => {
    expect(periodToYear('2015') - periodToYear('2010')).toBe(5);
    expect(periodToYear('2024-Q1')).toBe(2024);
    expect(periodToYear('2024-Q3')).toBe(2024.5);
    expect(periodToYear('latest')).toBeNaN();
  });
  it('ticks every year over a short span, else every five years', () => {
    expect(yearTicks(2023, 2027)).toEqual([2023, 2024, 2025, 2026, 2027]);
    expect(yearTicks(2010, 2035)).toEqual([2010, 2015, 2020, 2025, 2030, 2035]);
    expect(yearTicks(2011.25, 2034)).toEqual([2015, 2020, 2025, 2030]);
  });
});
