import { describe, expect, it } from 'vitest';
import { addPeriods, formatPeriod, parsePeriod, periodRange, periodsBetween } from './periods';
import { ForecastError } from './errors';

describe('periods', () => {
  it('parses the three frequencies and the benchmark quarter form', () => {
    expect(parsePeriod('2024')).toEqual({ year: 2024, index: 1, frequency: 1 });
    expect(parsePeriod('2024-Q3')).toEqual({ year: 2024, index: 3, frequency: 4 });
    expect(parsePeriod('1984Q1')).toEqual({ year: 1984, index: 1, frequency: 4 });
    expect(parsePeriod('2024-07')).toEqual({ year: 2024, index: 7, frequency: 12 });
    expect(formatPeriod(parsePeriod('1984q2'))).toBe('1984-Q2');
  });

  it('rejects labels that are not periods', () => {
    for (const bad of ['24', '2024-Q5', '2024-13', '2024-00', 'Q1-2024', '']) {
      expect(() => parsePeriod(bad)).toThrow(ForecastError);
      try {
        parsePeriod(bad);
      } catch (e) {
        expect((e as ForecastError).code).toBe('INVALID_PERIOD');
      }
    }
  });

  it('adds periods across year boundaries, forwards and backwards', () => {
    expect(addPeriods('2024-Q4', 1)).toBe('2025-Q1');
    expect(addPeriods('2024-Q1', -1)).toBe('2023-Q4');
    expect(addPeriods('2024-12', 1)).toBe('2025-01');
    expect(addPeriods('2024-03', -15)).toBe('2022-12');
    expect(addPeriods('2024', 6)).toBe('2030');
    expect(() => addPeriods('2024', 1.5)).toThrow(/whole number/);
  });

  it('lists ranges and counts the steps between periods', () => {
    expect(periodRange('2023-Q3', 4)).toEqual(['2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2']);
    expect(periodRange('2020', 0)).toEqual([]);
    expect(periodsBetween('2023-Q3', '2025-Q1')).toBe(6);
    expect(periodsBetween('2030', '2024')).toBe(-6);
    expect(periodsBetween('2024-01', '2024-12')).toBe(11);
    expect(() => periodsBetween('2024', '2024-Q1')).toThrow(/yearly/);
  });
});
