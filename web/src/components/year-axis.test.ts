import { describe, expect, it } from 'vitest';
import { periodLabel, thinTicks, withYears, yearAxisProps } from './year-axis';

describe('year axis', () => {
  it('places periods on a real time scale and drops unreadable ones', () => {
    const rows = withYears([{ period: '2010' }, { period: '2015' }, { period: '2024-Q3' }, { period: 'n/a' }]);
    expect(rows.map((r) => r.year)).toEqual([2010, 2015, 2024.5]);
  });

  it('keeps a year the row already carries', () => {
    expect(withYears([{ period: '2030', year: 2030 }])[0].year).toBe(2030);
  });

  it('is numeric, with whole-year ticks and half-year padding for bars', () => {
    const p = yearAxisProps([2026, 2027, 2035], 0.5);
    expect(p.type).toBe('number');
    expect(p.dataKey).toBe('year');
    expect(p.domain).toEqual([2025.5, 2035.5]);
    expect(p.ticks).toEqual([2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035]);
  });

  it('ticks every 5 years over a long span, so 2010 and 2015 are one tick apart for five years', () => {
    expect(yearAxisProps([2008, 2035]).ticks).toEqual([2010, 2015, 2020, 2025, 2030, 2035]);
  });

  it('labels tooltips with the row period', () => {
    expect(periodLabel(2024.5, [{ payload: { period: '2024-Q3' } }])).toBe('2024-Q3');
    expect(periodLabel(2030, undefined)).toBe('2030');
  });

  it('draws every tick it chooses, and fewer on a phone', () => {
    expect(yearAxisProps([2026, 2035]).interval).toBe(0);
    expect(yearAxisProps([2026, 2035], 0, true).ticks).toEqual([2026, 2028, 2030, 2032, 2034]);
    expect(yearAxisProps([2010, 2035], 0, true).ticks).toEqual([2010, 2015, 2020, 2025, 2030, 2035]);
  });

  it('thins ticks to at most the given count, keeping the first', () => {
    expect(thinTicks([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([1, 4, 7]);
    expect(thinTicks([1, 2], 3)).toEqual([1, 2]);
  });
});
