import { describe, expect, it } from 'vitest';
import { ageOneYear, populationFromWpp, populationTotal, scaleFactors, scalePopulation, toFiveYear, toSingleYear } from './population';

describe('population from WPP rows', () => {
  it('sums single years into five-year groups, 100+ open', () => {
    const pop = populationFromWpp([
      { year: 2020, sex: 'M', age: 15, value: 10 },
      { year: 2020, sex: 'M', age: 19, value: 5 },
      { year: 2020, sex: 'F', age: '20-24', value: 7 },
      { year: 2020, sex: 'F', age: 103, value: 1 },
      { year: 2020, sex: 'F', age: '100+', value: 2 },
    ]);
    expect(pop[2020].M[3]).toBe(15);
    expect(pop[2020].F[4]).toBe(7);
    expect(pop[2020].F[20]).toBe(3);
    expect(populationTotal(pop[2020])).toBe(25);
    expect(() => populationFromWpp([{ year: 2020, sex: 'M', age: '15-24', value: 1 }])).toThrow(/five-year/);
  });
});

describe('scaling to GSO totals', () => {
  const flat = (v: number) => ({ M: Array(21).fill(v / 42), F: Array(21).fill(v / 42) });
  const pop = { 2008: flat(100), 2009: flat(100), 2010: flat(100), 2011: flat(100), 2012: flat(100), 2013: flat(100) };
  it('measured where both exist, interpolated between, held before and after', () => {
    const f = scaleFactors(pop, { 2009: 102, 2011: 104, 2012: 101 });
    expect(f[2008]).toBeCloseTo(1.02, 12);
    expect(f[2009]).toBeCloseTo(1.02, 12);
    expect(f[2010]).toBeCloseTo(1.03, 12);
    expect(f[2012]).toBeCloseTo(1.01, 12);
    expect(f[2013]).toBeCloseTo(1.01, 12);
  });
  it('scaled totals equal GSO totals exactly in measured years; structure kept', () => {
    const { population } = scalePopulation(pop, { 2011: 104 });
    expect(populationTotal(population[2011])).toBeCloseTo(104, 9);
    expect(populationTotal(population[2013])).toBeCloseTo(104, 9);
    expect(population[2011].M[5] / population[2011].F[5]).toBeCloseTo(1, 12);
  });
  it('no totals: factor 1', () => {
    expect(scaleFactors(pop, {})[2010]).toBe(1);
  });
});

describe('ageing helpers', () => {
  it('uniform split round-trips', () => {
    const g = Array.from({ length: 21 }, (_, i) => i * 10 + 1);
    const s = toSingleYear(g);
    expect(s).toHaveLength(101);
    expect(s[15]).toBeCloseTo(g[3] / 5, 12);
    expect(toFiveYear(s)).toEqual(g.map((x) => expect.closeTo(x, 9)));
  });
  it('a fifth of each group moves up a year; open group keeps everyone; entrants join group 0', () => {
    const g = Array(21).fill(0);
    g[3] = 100;
    g[20] = 10;
    const a = ageOneYear(g, 7);
    expect(a[0]).toBe(7);
    expect(a[3]).toBe(80);
    expect(a[4]).toBe(20);
    expect(a[20]).toBe(10);
    expect(a.reduce((s, x) => s + x, 0)).toBe(117);
  });
});
