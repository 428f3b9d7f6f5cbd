import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { axisTickFormatter, maxAbsOf, niceCeil, pickAxisUnit } from './axis-units';

const t = (key: string) => ({ 'units.thousandShort': 'N', 'units.millionShort': 'Tr', 'units.billionShort': 'Tỷ' })[key] ?? key;

describe('axis unit picker', () => {
  it('writes every tick of an axis in one unit, picked from the axis top', () => {
    const f = axisTickFormatter(2_000_000, 'vi', t);
    expect([-2e6, -1.3e6, -650e3, 0, 650e3].map(f)).toEqual(['-2 Tr', '-1,3 Tr', '-0,65 Tr', '0', '0,65 Tr']);
    const k = axisTickFormatter(650_000, 'en', () => 'K');
    expect([-600e3, -300e3, 0, 300e3].map(k)).toEqual(['-600 K', '-300 K', '0', '300 K']);
    expect(axisTickFormatter(80, 'vi', t)(40)).toBe('40');
  });
  it('picks the unit from the nice axis top, not the data max alone', () => {
    expect(niceCeil(950_000)).toBe(1_000_000);
    expect(niceCeil(53_500_000)).toBe(60_000_000);
    expect(pickAxisUnit(950_000).suffix).toBe('millionShort');
    expect(pickAxisUnit(650_000).suffix).toBe('thousandShort');
    expect(pickAxisUnit(5_000).suffix).toBeNull();
    expect(pickAxisUnit(2.5e9).suffix).toBe('billionShort');
  });
  it('reads numbers and band pairs, skipping the rest', () => {
    expect(maxAbsOf([1, [-5, 3], 'x', null, Number.NaN, -4])).toBe(5);
  });
  it('never mixes units on one axis (any extent, any ticks within it)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 5e9, noNaN: true }),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 2, maxLength: 8 }),
        (max, fractions) => {
          const f = axisTickFormatter(max, 'vi', t);
          const words = new Set(
            fractions
              .map((x) => x * max)
              .filter((v) => v !== 0)
              .map((v) => f(v).split(' ')[1] ?? ''),
          );
          expect(words.size).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
