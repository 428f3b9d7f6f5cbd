import { describe, expect, it } from 'vitest';
import { formatCompact, formatDecimal, formatInteger, formatMillions, formatPercent, formatSigned, formatValue, MISSING } from './format';

describe('number formatting', () => {
  it('groups thousands with dots in Vietnamese and commas in English', () => {
    expect(formatInteger(1234567, 'vi')).toBe('1.234.567');
    expect(formatInteger(1234567, 'en')).toBe('1,234,567');
  });
  it('rounds persons to whole numbers', () => {
    expect(formatInteger(1234.6, 'vi')).toBe('1.235');
  });
  it('uses a decimal comma in Vietnamese', () => {
    expect(formatDecimal(52.44, 'vi')).toBe('52,4');
    expect(formatDecimal(52.44, 'en')).toBe('52.4');
    expect(formatMillions(52_400_000, 'vi')).toBe('52,4');
  });
  it('formats values already in percent', () => {
    expect(formatPercent(27, 'vi')).toBe('27,0%');
    expect(formatPercent(28.14, 'en')).toBe('28.1%');
  });
  it('signs imbalances', () => {
    expect(formatSigned(-12345, 'vi')).toBe('-12.345');
    expect(formatSigned(12345, 'en')).toBe('+12,345');
    expect(formatSigned(0, 'en')).toBe('0');
  });
  it('shows a dash, never 0, for missing figures', () => {
    expect(formatInteger(undefined, 'vi')).toBe(MISSING);
    expect(formatPercent(Number.NaN, 'en')).toBe(MISSING);
  });
  it('compacts axis labels per language', () => {
    expect(formatCompact(52_000_000, 'en')).toBe('52M');
    expect(formatCompact(52_000_000, 'vi')).toMatch(/^52\s?Tr$/);
  });
  it('chooses the format from the unit', () => {
    expect(formatValue(2.24, 'percent', 'vi')).toBe('2,2%');
    expect(formatValue(51900000, 'persons', 'en')).toBe('51,900,000');
  });
});
